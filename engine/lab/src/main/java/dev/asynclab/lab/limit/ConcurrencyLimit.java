package dev.asynclab.lab.limit;

import java.util.random.RandomGenerator;

/// An adaptive concurrency limit: after each call it sees the call's RTT, how many were in flight and whether
/// the call was dropped, and answers the limit to use now. Not thread-safe: [AdaptivePool] feeds it one sample
/// at a time. Our own implementations of the algorithms Netflix's concurrency-limits describes (AIMD, Vegas,
/// Gradient2), with its defaults.
///
/// ```java
/// ConcurrencyLimit aimd = ConcurrencyLimit.aimd(10, 1, 64, 0.5, 100_000_000L);
/// int next = aimd.update(20_000_000, 8, false); // 11: no drop, at least half the limit busy
/// ```
public interface ConcurrencyLimit {

    /// The limit now.
    int limit();

    /// Takes one sample and gives the limit to use from now on.
    ///
    /// @param rttNanos how long the call ran (> 0)
    /// @param inflight how many calls were running
    /// @param dropped  whether it was dropped (timed out or rejected)
    int update(long rttNanos, int inflight, boolean dropped);

    /// AIMD ([AimdLimit]): `backoff` in [0.5, 1), a call slower than `timeoutNanos` counts as a drop.
    static ConcurrencyLimit aimd(int initial, int min, int max, double backoff, long timeoutNanos) {
        return new AimdLimit(initial, min, max, backoff, timeoutNanos);
    }

    /// Vegas ([VegasLimit]); `random` for its probe jitter (seeded: the same run gives the same limits).
    static ConcurrencyLimit vegas(int initial, int max, RandomGenerator random) {
        return new VegasLimit(initial, max, random);
    }

    /// Gradient2 ([Gradient2Limit]).
    static ConcurrencyLimit gradient2(int initial, int min, int max, int queue, double smoothing, int longWindow) {
        return new Gradient2Limit(initial, min, max, queue, smoothing, longWindow);
    }
}
