package dev.asynclab.lab.limit;

import java.util.random.RandomGenerator;

/// After TCP Vegas: the queue the limit causes is estimated as `limit × (1 − minRtt / rtt)`. With no queue
/// (at most `threshold`) the limit grows by `beta`; with a small one (below `alpha`) by `log10(limit)`; with a
/// large one (over `beta`) it shrinks by `log10(limit)`; a drop shrinks it too. alpha = 3·log10(limit), beta =
/// 6·log10(limit), threshold = log10(limit) (each at least 1). The no-load RTT is the smallest seen, probed again
/// (reset to the next sample) every 30 × limit samples, jittered by 0.5–1 so that many limiters do not probe
/// together. It does not grow while fewer than half the limit are busy.
final class VegasLimit implements ConcurrencyLimit {

    private static final int PROBE_MULTIPLIER = 30;

    private final int max;
    private final RandomGenerator random;
    private double limit;
    private long noLoadRtt;
    private int probeCount;
    private double probeJitter;

    VegasLimit(int initial, int max, RandomGenerator random) {
        this.max = max;
        this.random = random;
        this.limit = initial;
        this.probeJitter = random.nextDouble(0.5, 1);
    }

    private static int log10(double limit) {
        return Math.max(1, (int) Math.log10(limit));
    }

    @Override
    public int limit() {
        return (int) limit;
    }

    @Override
    public int update(long rttNanos, int inflight, boolean dropped) {
        long rtt = Math.max(1, rttNanos);
        probeCount++;
        if (probeJitter * PROBE_MULTIPLIER * limit <= probeCount) {
            probeJitter = random.nextDouble(0.5, 1);
            probeCount = 0;
            noLoadRtt = rtt;
            return (int) limit;
        }
        if (noLoadRtt == 0 || rtt < noLoadRtt) {
            noLoadRtt = rtt;
            return (int) limit;
        }
        int queue = (int) Math.ceil(limit * (1 - (double) noLoadRtt / rtt));
        int step = log10(limit);
        double next;
        if (dropped) {
            next = limit - step;
        } else if (inflight * 2 < limit) {
            return (int) limit; // not near the limit: no evidence it could be higher
        } else if (queue <= step) {
            next = limit + 6 * step;
        } else if (queue < 3 * step) {
            next = limit + step;
        } else if (queue > 6 * step) {
            next = limit - step;
        } else {
            return (int) limit;
        }
        limit = Math.max(1, Math.min(max, next));
        return (int) limit;
    }
}
