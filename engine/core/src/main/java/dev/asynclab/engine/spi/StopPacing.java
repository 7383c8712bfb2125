package dev.asynclab.engine.spi;

/// When the real clock's timer thread stops the work of calls that timed out (interrupts their workers): not while
/// more deadlines are about to come due, and never much later than they were due. Pure rules over clock readings, so
/// they are tested with made-up times.
///
/// Why wait at all: an interrupted worker wakes and runs to its end (the exception, the callback's cleanup, the
/// call's finish), and a burst of them fills both cores. Timeouts come in clusters (a burst of calls started
/// together times out together), and a timer thread that interrupted the first of a cluster at once then woke for
/// the rest of it to find both cores taken by the workers it had just woken: on this kernel (250 Hz) a woken thread
/// that cannot preempt waits up to a 4 ms tick, and that wait was nearly all of the callers' lateness. With every
/// interrupt left out the lateness p99 fell from 2.8-5.2 ms to 0.6-0.8 ms (quiet machine), so the interrupts wait
/// for a gap: they are delivered once no deadline is due within `GAP`, or `CAP` after the first of them was put off.
///
/// ```java
/// StopPacing.stopNow(10_000_000, 9_500_000, 10_400_000);   // false: a deadline due in 0.4 ms, held 0.5 ms
/// StopPacing.stopNow(10_000_000, 9_500_000, 12_000_000);   // true: nothing due within 1 ms
/// StopPacing.stopNow(11_600_000, 9_500_000, 11_900_000);   // true: held 2.1 ms, longer than CAP
/// ```
final class StopPacing {

    /// Stops wait while a deadline is due within this much of now.
    static final long GAP = 1_000_000;
    /// Longest a stop is held after the first of those waiting was put off.
    static final long CAP = 2_000_000;

    private StopPacing() {
    }

    /// At `now`, with stops waiting since `heldSince` and the next deadline at `nextDeadline` (clock readings,
    /// compared by their differences): deliver them now?
    static boolean stopNow(long now, long heldSince, long nextDeadline) {
        return nextDeadline - now > GAP || now - heldSince >= CAP;
    }

    /// When the timer thread must wake, at the latest, while stops wait: the next deadline, or when the wait
    /// reaches `CAP`, whichever comes first.
    static long wakeBy(long heldSince, long nextDeadline) {
        long limit = heldSince + CAP;
        return limit - nextDeadline < 0 ? limit : nextDeadline;
    }
}
