package dev.asynclab.engine.spi;

import dev.asynclab.engine.spi.Scheduler.Cancellable;
import dev.asynclab.engine.spi.Scheduler.Deadline;
import dev.asynclab.engine.spi.Scheduler.DeadlineSlot;

/// A deadline slot that arms one timer of its scheduler per deadline: the default `Scheduler.deadlineSlot()`, for a
/// clock that keeps no slots of its own (both built-in clocks do; their tests use it as the plain reference).
final class TimerPerDeadline implements DeadlineSlot {

    private final Scheduler scheduler;
    /// The deadline held and its timer; guarded by `this` (arm and disarm may come from different threads: a call
    /// ended by a canceller disarms from the canceller's thread).
    private Deadline armed;
    private Cancellable timer;

    TimerPerDeadline(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void arm(Deadline deadline) {
        Cancellable replaced;
        synchronized (this) {
            replaced = timer;
            armed = deadline;
            timer = scheduler.scheduleAt(deadline::onDeadline, deadline.deadlineNanos());
        }
        if (replaced != null) {
            replaced.cancel();
        }
    }

    @Override
    public void disarm(Deadline deadline) {
        Cancellable t;
        synchronized (this) {
            if (armed != deadline) {
                return; // a later deadline holds the slot now: it stays armed
            }
            t = timer;
            armed = null;
            timer = null;
        }
        if (t != null) { // null: the deadline fired while it was being armed (it had passed), and ended its call
            t.cancel();
        }
    }
}
