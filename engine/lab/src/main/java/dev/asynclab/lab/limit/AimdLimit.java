package dev.asynclab.lab.limit;

/// Additive increase, multiplicative decrease: +1 after a good call while at least half the limit is busy;
/// times `backoff` (and at least −1) after every drop or a call slower than `timeout`.
///
/// Its known failure, which `scenarios/19-aimd-burst.yaml` reproduces: every dropped call cuts the limit, so a
/// burst that drops many calls at once cuts it again and again — halving per drop, not per congestion event —
/// and the limit collapses to its minimum, where it climbs back one call at a time.
final class AimdLimit implements ConcurrencyLimit {

    private final int min;
    private final int max;
    private final double backoff;
    private final long timeoutNanos;
    private int limit;

    AimdLimit(int initial, int min, int max, double backoff, long timeoutNanos) {
        this.min = min;
        this.max = max;
        this.backoff = backoff;
        this.timeoutNanos = timeoutNanos;
        this.limit = initial;
    }

    @Override
    public int limit() {
        return limit;
    }

    @Override
    public int update(long rttNanos, int inflight, boolean dropped) {
        if (dropped || rttNanos > timeoutNanos) {
            limit = Math.max(min, Math.min(limit - 1, (int) (limit * backoff)));
        } else if (inflight * 2 >= limit) {
            limit = Math.min(max, limit + 1);
        }
        return limit;
    }
}
