package dev.asynclab.lab.advise;

import java.util.Arrays;

/// The Kaplan–Meier estimate of a service-time distribution from observations some of which were cut short.
///
/// A timed-out or cancelled attempt says only that its work would have taken *at least* as long as it ran
/// (right-censored); dropping those attempts would make the work look faster than it is, and counting them as
/// finished would too. Kaplan–Meier uses each for as long as it was seen: at each finished time `t` the survival
/// drops by the share of the attempts still running at `t` that finished there.
///
/// ```java
/// var km = KaplanMeier.of(new long[] {10, 20, 30, 40}, new boolean[] {true, true, false, true});
/// long median = km.quantile(0.5);   // 20
/// double atLeast = km.survival(25); // 0.5
/// ```
public final class KaplanMeier {

    private final long[] times;     // distinct finished times, ascending
    private final double[] survival; // S(t) just after each of them
    private final long longestSeen;  // the longest observation, finished or not

    private KaplanMeier(long[] times, double[] survival, long longestSeen) {
        this.times = times;
        this.survival = survival;
        this.longestSeen = longestSeen;
    }

    /// @param durations how long each attempt ran, in nanoseconds
    /// @param finished  whether each ran to its end (false: cut short, censored at its duration)
    public static KaplanMeier of(long[] durations, boolean[] finished) {
        int n = durations.length;
        if (n == 0 || finished.length != n) {
            throw new IllegalArgumentException("need one finished flag per duration, and at least one duration");
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        // At equal times finished ones come first: an attempt cut at t was still running when the others ended.
        Arrays.sort(order, (a, b) -> durations[a] != durations[b] ? Long.compare(durations[a], durations[b])
                : Boolean.compare(finished[b], finished[a]));
        long[] t = new long[n];
        double[] s = new double[n];
        int k = 0;
        double surv = 1;
        int atRisk = n;
        int i = 0;
        while (i < n) {
            long time = durations[order[i]];
            int ended = 0;
            int leaving = 0;
            while (i < n && durations[order[i]] == time) {
                if (finished[order[i]]) {
                    ended++;
                }
                leaving++;
                i++;
            }
            if (ended > 0) {
                surv *= 1 - (double) ended / atRisk;
                t[k] = time;
                s[k] = surv;
                k++;
            }
            atRisk -= leaving;
        }
        return new KaplanMeier(Arrays.copyOf(t, k), Arrays.copyOf(s, k), durations[order[n - 1]]);
    }

    /// P(service > t).
    public double survival(long t) {
        int idx = Arrays.binarySearch(times, t);
        int last = idx >= 0 ? idx : -idx - 2; // the last finished time <= t
        return last < 0 ? 1 : survival[last];
    }

    /// The share of the distribution the observations reach: below 1 when the longest attempts were all cut
    /// short, so nothing is known of how long they would have run.
    public double coverage() {
        return survival.length == 0 ? 0 : 1 - survival[survival.length - 1];
    }

    /// The `p`-quantile. Beyond [#coverage()] the work is known only to last at least as long as the longest
    /// attempt seen, and that is what is returned: under the same timeout it times out either way.
    public long quantile(double p) {
        for (int i = 0; i < times.length; i++) {
            if (1 - survival[i] >= p - 1e-12) {
                return times[i];
            }
        }
        return longestSeen;
    }

    /// `n` values at the quantiles (i + 0.5) / n: a sample with the estimated shape, to draw from.
    public long[] sample(int n) {
        long[] out = new long[n];
        int j = 0; // the quantiles rise with i: one walk along the steps serves them all
        for (int i = 0; i < n; i++) {
            double p = (i + 0.5) / n;
            while (j < times.length && 1 - survival[j] < p - 1e-12) {
                j++;
            }
            out[i] = j < times.length ? times[j] : longestSeen;
        }
        return out;
    }
}
