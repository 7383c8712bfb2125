package dev.asynclab.engine.internal;

/// The sliding window a circuit breaker judges by: the last `n` calls (count-based), or the calls of the last
/// stretch of time (time-based, in ten buckets). Each call is recorded as failed or not, slow or not. Not
/// thread-safe: the breaker holds its lock.
public abstract sealed class OutcomeWindow {

    /// The last `calls` outcomes.
    public static OutcomeWindow ofCalls(int calls) {
        return new Counted(calls);
    }

    /// The outcomes of the last `windowNanos` on the engine's clock.
    public static OutcomeWindow ofTime(long windowNanos) {
        return new Timed(windowNanos);
    }

    public abstract void record(long now, boolean failed, boolean slow);

    public abstract int calls(long now);

    public abstract int failures(long now);

    public abstract int slowCalls(long now);

    public abstract void clear();

    private static final class Counted extends OutcomeWindow {
        private static final byte FAILED = 1;
        private static final byte SLOW = 2;
        private final byte[] ring;
        private int next;
        private int size;
        private int failures;
        private int slow;

        Counted(int calls) {
            ring = new byte[calls];
        }

        @Override
        public void record(long now, boolean failed, boolean isSlow) {
            if (size == ring.length) { // the oldest outcome leaves the window
                byte old = ring[next];
                failures -= old & FAILED;
                slow -= (old & SLOW) >> 1;
            } else {
                size++;
            }
            ring[next] = (byte) ((failed ? FAILED : 0) | (isSlow ? SLOW : 0));
            failures += failed ? 1 : 0;
            slow += isSlow ? 1 : 0;
            next = (next + 1) % ring.length;
        }

        @Override
        public int calls(long now) {
            return size;
        }

        @Override
        public int failures(long now) {
            return failures;
        }

        @Override
        public int slowCalls(long now) {
            return slow;
        }

        @Override
        public void clear() {
            next = 0;
            size = 0;
            failures = 0;
            slow = 0;
        }
    }

    private static final class Timed extends OutcomeWindow {
        private final TimeBuckets buckets;

        Timed(long windowNanos) {
            buckets = new TimeBuckets(windowNanos, 3);
        }

        @Override
        public void record(long now, boolean failed, boolean slow) {
            buckets.add(now, 0, 1);
            if (failed) {
                buckets.add(now, 1, 1);
            }
            if (slow) {
                buckets.add(now, 2, 1);
            }
        }

        @Override
        public int calls(long now) {
            return (int) buckets.sum(now, 0);
        }

        @Override
        public int failures(long now) {
            return (int) buckets.sum(now, 1);
        }

        @Override
        public int slowCalls(long now) {
            return (int) buckets.sum(now, 2);
        }

        @Override
        public void clear() {
            buckets.clear();
        }
    }
}
