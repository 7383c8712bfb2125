package dev.asynclab.lab.limit;

/// The gradient of a short-term RTT (the last sample) against a long-term one (an exponential average over
/// `longWindow` samples, a plain average for the first ten): `gradient = clamp(longRtt / shortRtt, 0.5, 1)`,
/// `new = limit × gradient + queue`, smoothed as `limit × (1 − smoothing) + new × smoothing`, within [min, max].
/// When the long RTT is more than twice the short one (load has just gone) it is cut by 10 % per sample. It
/// does not change while fewer than half the limit are busy.
///
/// Its known failure, which `scenarios/20-gradient2-queue.yaml` reproduces (reported on Netflix's
/// concurrency-limits, PR 134): when the calls' RTT includes a queue behind the limit (a downstream with fewer
/// slots than the limit), a larger limit only lengthens that queue; the long average follows the RTT up, the
/// gradient stays near 1, and the `+ queue` term grows the limit on every sample until it reaches `max`.
final class Gradient2Limit implements ConcurrencyLimit {

    private static final int WARMUP = 10;

    private final int min;
    private final int max;
    private final int queue;
    private final double smoothing;
    private final double decay;
    private double limit;
    private double longRtt;
    private int samples;

    Gradient2Limit(int initial, int min, int max, int queue, double smoothing, int longWindow) {
        this.min = min;
        this.max = max;
        this.queue = queue;
        this.smoothing = smoothing;
        this.decay = 2.0 / (longWindow + 1);
        this.limit = initial;
    }

    @Override
    public int limit() {
        return (int) limit;
    }

    @Override
    public int update(long rttNanos, int inflight, boolean dropped) {
        double shortRtt = Math.max(1, rttNanos);
        samples++;
        longRtt = samples <= WARMUP ? longRtt + (shortRtt - longRtt) / samples
                : longRtt * (1 - decay) + shortRtt * decay;
        if (longRtt / shortRtt > 2) {
            longRtt *= 0.9;
        }
        if (inflight < limit / 2) {
            return (int) limit;
        }
        double gradient = Math.max(0.5, Math.min(1.0, longRtt / shortRtt));
        double next = limit * gradient + queue;
        next = limit * (1 - smoothing) + next * smoothing;
        limit = Math.max(min, Math.min(max, next));
        return (int) limit;
    }
}
