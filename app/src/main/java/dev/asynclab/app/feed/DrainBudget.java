package dev.asynclab.app.feed;

/// How many pending events one frame's drain may take so that it stays within a time budget.
///
/// A drain costs the FX thread time in proportion to its events (appending, counting); while the JIT is still
/// cold, or on a slow machine, a frame's worth of events can cost 100 ms, and everything else waits for it: a
/// click, the next frame. So the drain learns what an event costs (a running average of the drains it has seen)
/// and takes at most what fits in the budget; the rest waits a frame. The view may then trail the run by a few
/// frames, but the window answers. Never fewer than `minSlice`, so a backlog always shrinks. Until it has seen a
/// drain it assumes `COLD_NANOS_PER_EVENT`, what an event cost in the first frames of a run before the JIT had
/// compiled the store (measured in `TimelineBenchmarkTest`'s live run: 25–48 µs).
///
/// ```java
/// DrainBudget budget = new DrainBudget(8_000_000, 256);
/// int take = budget.slice(pending.size());
/// long begin = System.nanoTime();
/// listener.onFrame(pending.subList(0, take));
/// budget.record(take, System.nanoTime() - begin);
/// ```
final class DrainBudget {

    /// Drains smaller than this say little about the cost of an event (fixed costs dominate them).
    private static final int MIN_SAMPLE = 32;

    static final double COLD_NANOS_PER_EVENT = 25_000;

    private final long budgetNanos;
    private final int minSlice;
    private double nanosPerEvent = COLD_NANOS_PER_EVENT;
    private boolean seen;

    DrainBudget(long budgetNanos, int minSlice) {
        this.budgetNanos = budgetNanos;
        this.minSlice = minSlice;
    }

    /// The events to take of `pending`.
    int slice(int pending) {
        long fits = (long) (budgetNanos / nanosPerEvent);
        return (int) Math.min(pending, Math.max(minSlice, fits));
    }

    /// A drain of `events` took `nanos`.
    void record(int events, long nanos) {
        if (events < MIN_SAMPLE) {
            return;
        }
        double sample = (double) nanos / events;
        nanosPerEvent = seen ? (nanosPerEvent + sample) / 2 : sample;
        seen = true;
    }

    double nanosPerEvent() {
        return nanosPerEvent;
    }
}
