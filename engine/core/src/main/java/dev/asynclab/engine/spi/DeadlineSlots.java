package dev.asynclab.engine.spi;

import dev.asynclab.engine.spi.Scheduler.Deadline;
import dev.asynclab.engine.spi.Scheduler.DeadlineSlot;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;

/// The real clock's deadline slots: one reference per worker slot that its worker sets as a call starts and clears
/// as it ends, scanned by the timer thread, instead of a timer per call. A pool runs at most its size of calls at
/// once, so a handful of slots stands for every running call's timeout: arming costs one volatile write, disarming
/// one CAS, and the timer thread has nothing to insert or unlink per call (with a timer per call it took two pushes
/// onto shared stacks, an allocation, and the timer thread's work to sort each timer in and out of its buckets).
final class DeadlineSlots {

    /* Overview. A slot holds the deadline armed in it (`armed`, volatile). The timer thread keeps the slots it
     * scans in `listed` (its own list); a slot joins it through the lock-free `joining` stack, pushed by the first
     * arm after the slot was last dropped, and leaves it when the timer finds it empty. `inList` says whether the
     * slot is listed or on its way (it is set by one CAS, so a slot is never listed twice):
     * - arm: write `armed`, then if `inList` is false, CAS it true and push the slot onto `joining`;
     * - the timer, finding a slot empty: write `inList` false, then read `armed` again; still empty, it drops the
     *   slot (an arm after that finds `inList` false and pushes it anew); armed meanwhile, it CASes `inList` back to
     *   true and keeps the slot, or, losing that CAS to the arming thread (which pushed it), drops it: it comes back
     *   through `joining`. Every write and read here is volatile, so one of the two always sees the other.
     * A deadline that has passed fires once: the timer CASes `armed` from it to null and fires on success. Its race
     * with `disarm` (a CAS from the same deadline to null) has one winner; its race with a worker arming the next
     * call's deadline is lost by the timer, which then does not fire the old one. A timer that read a deadline and
     * fires it just as its call ended finds the call ended (see `Scheduler.Deadline.onDeadline`).
     * Waking: a sleeping timer thread publishes when it will wake (`TimerWheel`); an arm whose deadline is earlier
     * wakes it (`wake`), and the timer, after publishing, looks at the slots once more before it sleeps
     * (`armedBefore`): the arming thread's write and the timer's publication are both volatile, so either the arm
     * sees the wake-up time or the timer sees the deadline. A worker arming a 30 s deadline after the one before
     * it finds the timer asleep until an earlier one and does not wake it. */

    private static final VarHandle ARMED;
    private static final VarHandle IN_LIST;

    static {
        try {
            var lookup = MethodHandles.lookup();
            ARMED = lookup.findVarHandle(SlotFields.class, "armed", Deadline.class);
            IN_LIST = lookup.findVarHandle(SlotFields.class, "inList", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final AtomicReference<Slot> joining = new AtomicReference<>();
    /// The slots the timer thread scans; only it touches the list.
    private final ArrayList<Slot> listed = new ArrayList<>();
    /// Wakes the timer thread if it sleeps past the given deadline.
    private final LongConsumer wake;
    /// Set by `expire`: whether a deadline is still armed, and the earliest one.
    private boolean anyArmed;
    private long earliest;

    DeadlineSlots(LongConsumer wake) {
        this.wake = wake;
    }

    /// A new, empty slot.
    DeadlineSlot newSlot() {
        return new Slot();
    }

    /// Timer thread: takes in the slots armed since they were last dropped, fires every deadline that has passed at
    /// `now` (`fire` runs it, catching what it throws), and notes the earliest deadline left (`hasArmed`, `earliest`).
    void expire(long now, java.util.function.Consumer<Deadline> fire) {
        drainJoining();
        anyArmed = false;
        for (int i = 0; i < listed.size(); ) {
            Slot s = listed.get(i);
            Deadline d = s.armed;
            if (d == null) {
                if (keepsEmptySlot(s)) {
                    i++;
                } else {
                    dropAt(i);
                }
                continue;
            }
            long at = d.deadlineNanos();
            if (at - now <= 0) {
                // CAS: the worker disarming it (its call ended) or arming the next call's deadline races this firing.
                if (ARMED.compareAndSet(s, d, null)) {
                    fire.accept(d);
                }
            } else if (!anyArmed || at - earliest < 0) {
                anyArmed = true;
                earliest = at;
            }
            i++;
        }
    }

    /// Whether an empty slot stays listed: only when it was armed again while the timer dropped it (see Overview).
    private boolean keepsEmptySlot(Slot s) {
        s.inList = false;
        if (s.armed == null) {
            return false;
        }
        // CAS: the thread that armed it may have seen inList false too and be pushing it onto `joining`.
        return IN_LIST.compareAndSet(s, false, true);
    }

    private void dropAt(int i) {
        int last = listed.size() - 1;
        listed.set(i, listed.get(last));
        listed.remove(last);
    }

    private void drainJoining() {
        Slot s = joining.getAndSet(null);
        while (s != null) {
            Slot next = s.nextJoining;
            s.nextJoining = null;
            listed.add(s);
            s = next;
        }
    }

    /// After the last `expire`: true when some deadline is still armed (`earliest` says which is first).
    boolean hasArmed() {
        return anyArmed;
    }

    long earliest() {
        return earliest;
    }

    /// Timer thread, after publishing its wake-up time and before sleeping until `wakeAt`: true when a slot joined
    /// or a listed slot holds a deadline before `wakeAt` (armed since the scan, by a thread that may have missed the
    /// publication).
    boolean armedBefore(long wakeAt) {
        if (joining.get() != null) {
            return true;
        }
        for (int i = 0; i < listed.size(); i++) {
            Deadline d = listed.get(i).armed;
            if (d != null && d.deadlineNanos() - wakeAt < 0) {
                return true;
            }
        }
        return false;
    }

    /// True when the timer thread scans any slot, or one is on its way: it then must not park for good.
    boolean inUse() {
        return !listed.isEmpty() || joining.get() != null;
    }

    /// One worker slot's deadline. Its worker writes `armed` at every call, so the slot sits alone on its cache lines
    /// (its fields between two paddings; the JVM puts a superclass's fields first): the slots of a pool's workers,
    /// made one after the other, would otherwise share a line and take it from each other at every call.
    private final class Slot extends SlotFields implements DeadlineSlot {
        @SuppressWarnings("unused") // padding after the fields
        private long q0, q1, q2, q3, q4, q5, q6, q7;

        @Override
        public void arm(Deadline deadline) {
            armed = deadline;
            if (!inList && IN_LIST.compareAndSet(this, false, true)) { // CAS: the timer may be keeping it (Overview)
                Slot head;
                do {
                    head = joining.get();
                    nextJoining = head;
                } while (!joining.compareAndSet(head, this));
            }
            wake.accept(deadline.deadlineNanos());
        }

        @Override
        public void disarm(Deadline deadline) {
            // CAS: only this deadline; the timer firing it, or the next call's arm, may have replaced it already.
            ARMED.compareAndSet(this, deadline, null);
        }
    }

    /// Padding before a slot's fields.
    private abstract static class SlotPad {
        @SuppressWarnings("unused")
        private long p0, p1, p2, p3, p4, p5, p6, p7;
    }

    /// A slot's fields, between its two paddings.
    private abstract static class SlotFields extends SlotPad {
        @SuppressWarnings("unused") // through ARMED
        volatile Deadline armed;
        @SuppressWarnings("unused") // through IN_LIST
        volatile boolean inList;
        Slot nextJoining; // read only by the timer thread, after it takes the whole stack
    }
}
