package dev.asynclab.engine.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/// One place where a worker thread that ran out of work waits a short while for its next piece, so that whoever
/// has work for it next hands it over instead of starting a new thread.
///
/// A pool of 2 fed trivial callbacks one by one keeps running dry: its workers finish each call before the next is
/// submitted, so each worker thread ended and nearly every submission started a new one (in a JFR recording of a
/// loaded batch, 10,000-20,000 virtual threads started a second), each start costing the submitter a thread, a
/// task in the carriers' pool and the wake-up of a parked carrier. A waiting worker spins a little first (the next
/// call of a busy submitter comes within microseconds), then parks until `lingerNanos` have passed, then gives up.
///
/// ```java
/// var handOff = new HandOff<Runnable>();
/// Thread.ofVirtual().start(() -> {
///     Runnable next = handOff.await(1_000_000);       // null: nobody had work for it within 1 ms
///     if (next != null) {
///         next.run();
///     }
/// });
/// boolean taken = handOff.offer(() -> System.out.println("ran on the waiting thread")); // false: start a thread
/// ```
public final class HandOff<T> {

    /* Overview. The place holds the current waiter's ticket (`waiting`); a ticket is made per wait, so no ticket is
     * ever reused and nothing here can suffer ABA. A ticket's `work` moves once, by CAS, from null (waiting) to the
     * work handed over (`offer`) or to RETIRED (the waiter gave up): so an offer and a giving-up waiter race on one
     * CAS, and exactly one wins — an offer that loses returns false (its caller starts a thread as before); a
     * waiter that loses has the work already, written by that very CAS. At most one waiter is installed: a thread
     * replaces only a ticket that is no longer waiting, by a CAS on `waiting`, and a thread that finds one waiting,
     * or loses that CAS, does not wait at all.
     * Waking: the waiter writes `parked` (volatile) and then reads `work` before each park; an offer writes `work`
     * (its CAS) and then reads `parked`. Both are volatile, so either the offer sees `parked` and unparks, or the
     * waiter sees the work and does not park. An unpark that lands before the park only makes that park return. */

    private static final Object RETIRED = new Object();
    /// Spins before parking: a busy submitter's next call comes within a few microseconds, and a park and unpark
    /// cost a wake-up each (two context switches on two cores).
    private static final int SPINS = 64;

    private static final VarHandle WAITING;
    private static final VarHandle WORK;

    static {
        try {
            var lookup = MethodHandles.lookup();
            WAITING = lookup.findVarHandle(HandOff.class, "waiting", Ticket.class);
            WORK = lookup.findVarHandle(Ticket.class, "work", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // through WAITING
    private volatile Ticket waiting;

    /// One wait of one thread.
    private static final class Ticket {
        final Thread thread = Thread.currentThread();
        /// null while waiting; then the work handed over, or RETIRED (moved only through WORK).
        volatile Object work;
        /// Set before the waiter parks: an offer must then unpark it (see the Overview).
        volatile boolean parked;
    }

    /// Called by a worker thread with nothing to do: waits at most `lingerNanos` (on the machine's own time, as
    /// any thread's park does) for `offer` to hand it work. Returns that work, or null when none came, when
    /// another thread already waits here, or when the thread was interrupted (it is then shutting down; the
    /// interrupt stays set). After null, no offer can reach this thread.
    @SuppressWarnings("unchecked")
    public T await(long lingerNanos) {
        Ticket prev = waiting;
        if (prev != null && prev.work == null) {
            return null; // another thread waits here already
        }
        Ticket ticket = new Ticket();
        // CAS: another thread running out of work may be installing its own ticket in place of the same old one.
        if (!WAITING.compareAndSet(this, prev, ticket)) {
            return null;
        }
        for (int i = 0; i < SPINS; i++) {
            Object w = ticket.work;
            if (w != null) {
                return (T) w;
            }
            Thread.onSpinWait();
        }
        long deadline = System.nanoTime() + lingerNanos;
        ticket.parked = true;
        while (ticket.work == null) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || Thread.currentThread().isInterrupted()) {
                break;
            }
            LockSupport.parkNanos(this, left);
        }
        // CAS: an offer may be claiming this ticket at this very moment (see the Overview).
        if (WORK.compareAndSet(ticket, null, RETIRED)) {
            WAITING.compareAndSet(this, ticket, null); // tidy only: a later waiter replaces a retired ticket anyway
            return null;
        }
        return (T) ticket.work;
    }

    /// Hands `work` (not null) to the thread waiting here, if one is; false when none is (the caller then runs it
    /// another way).
    public boolean offer(T work) {
        java.util.Objects.requireNonNull(work, "work");
        Ticket ticket = waiting;
        // CAS: the waiter giving up, or another offer, races for the same ticket (see the Overview).
        if (ticket == null || !WORK.compareAndSet(ticket, null, work)) {
            return false;
        }
        if (ticket.parked) {
            LockSupport.unpark(ticket.thread);
        }
        return true;
    }
}
