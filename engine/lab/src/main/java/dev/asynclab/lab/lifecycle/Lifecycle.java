package dev.asynclab.lab.lifecycle;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import dev.asynclab.engine.event.EventView;

import java.util.Arrays;
import java.util.function.IntConsumer;

/// The one fold of an invocation's lifecycle from its events: opened (first seen), queued, started, then one
/// terminal event, and perhaps a late finish after it. Metrics, the audit log's checks and exporters, and the
/// app's event store all read invocations through it, so they agree on what a transition is.
///
/// The rules, whatever the source (a live run, a replayed or a foreign log):
/// - An invocation opens with its first `SUBMITTED`, `QUEUED`, `STARTED` or terminal event; `openedAt` is that
///   event's `t`. Other events of an unknown id (`LOG`, `RETRY_SCHEDULED`, `LATE_FINISH`) open nothing.
/// - `QUEUED` counts only while it waits for nothing else (not started, not ended); `STARTED` only once and
///   before the end. Repeats are ignored.
/// - The first terminal event ends it; a second one is reported to [Listener#endedAgain] and changes nothing.
///
/// Each invocation gets a slot, a small int to index the caller's own columns by. A *retaining* fold keeps
/// every slot (slot = order of first appearance); a *forgetting* fold frees a slot once its invocation has
/// ended and its listener has heard, so it holds only the invocations in flight — it then cannot tell a second
/// terminal event from a new invocation, so checks of the log use a retaining fold. A check that reads no times (one
/// terminal event per invocation) keeps ids and phases alone ([#retainingPhases]).
///
/// ```java
/// var lifecycle = Lifecycle.forgetting(new Lifecycle.Listener() {
///     @Override
///     public void ended(Lifecycle l, int slot, Event e) {
///         latencies.add(e.t() - l.openedAt(slot));
///     }
/// });
/// events.forEach(lifecycle::accept);
/// ```
///
/// Not thread-safe: one thread feeds it. No allocation per event; per invocation only when its columns grow.
public final class Lifecycle {

    /// Where an invocation is now.
    public enum Phase { OPEN, QUEUED, RUNNING, ENDED }

    /// Hears each transition once, in event order, after the fold has recorded it (so `l.startedAt(slot)` is
    /// already set inside `started`). `e` is the event that caused it.
    public interface Listener {
        /// The invocation's first event; a transition for the same event (queued, started, ended) follows.
        default void opened(Lifecycle l, int slot, Event e) {
        }

        default void queued(Lifecycle l, int slot, Event e) {
        }

        /// It started; `l.queuedAt(slot) >= 0` if it waited in a queue first.
        default void started(Lifecycle l, int slot, Event e) {
        }

        /// Its terminal event; `l.startedAt(slot)` and `l.queuedAt(slot)` tell where it was.
        default void ended(Lifecycle l, int slot, Event e) {
        }

        /// A second terminal event for an invocation that had ended (retaining folds only).
        default void endedAgain(Lifecycle l, int slot, Event e) {
        }

        /// `LATE_FINISH`: a callback that outlived its timeout or cancel returned. `slot` is -1 when the id is
        /// unknown (never seen, or already forgotten); otherwise check `l.phase(slot)` for whether it ended first.
        default void lateFinished(Lifecycle l, int slot, Event e) {
        }

        // The same transitions as the fold hears them, the event as a view (valid during the call only: see
        // EventView). A fold fed `Event`s hands those on as they are (an Event's `toEvent()` is itself); a listener
        // that reads only fields may override these instead, so that a fold fed views from the event bus's ring
        // (`EventSink.readsEventViews`) builds no `Event` for it.

        default void opened(Lifecycle l, int slot, EventView e) {
            opened(l, slot, e.toEvent());
        }

        default void queued(Lifecycle l, int slot, EventView e) {
            queued(l, slot, e.toEvent());
        }

        default void started(Lifecycle l, int slot, EventView e) {
            started(l, slot, e.toEvent());
        }

        default void ended(Lifecycle l, int slot, EventView e) {
            ended(l, slot, e.toEvent());
        }

        default void endedAgain(Lifecycle l, int slot, EventView e) {
            endedAgain(l, slot, e.toEvent());
        }

        default void lateFinished(Lifecycle l, int slot, EventView e) {
            lateFinished(l, slot, e.toEvent());
        }
    }

    private static final Listener NOBODY = new Listener() {
    };
    private static final Phase[] PHASES = Phase.values();
    /// `state` values below this are phases (OPEN, QUEUED, RUNNING); from it on, ENDED plus the terminal type.
    private static final int ENDED_BASE = 3;
    /// The state of a freed slot in a forgetting fold.
    private static final byte FREE = -1;

    private final Listener listener;
    private final boolean forgetting;
    /// False for a fold that keeps no times ([#retainingPhases]): its four time columns stay null.
    private final boolean timed;
    private final SlotIndex index = new SlotIndex();
    private int size;
    private int open;
    private long ended;
    /// The columns, in chunks of 16K slots: growing never copies a column, and no chunk is big enough to be a
    /// humongous object for G1 (the app's store holds millions of invocations this way).
    private static final int SHIFT = 14;
    private static final int CHUNK = 1 << SHIFT;
    private static final int MASK = CHUNK - 1;
    private long[][] ids = new long[4][];
    private long[][] openedAt = new long[4][];
    private long[][] queuedAt = new long[4][];
    private long[][] startedAt = new long[4][];
    private long[][] endedAt = new long[4][];
    private byte[][] state = new byte[4][];
    private int[] free = new int[16];
    private int freeCount;

    private Lifecycle(Listener listener, boolean forgetting, boolean timed) {
        this.listener = listener == null ? NOBODY : listener;
        this.forgetting = forgetting;
        this.timed = timed;
    }

    /// A fold that keeps every invocation: slots are dense, in order of first appearance.
    public static Lifecycle retaining(Listener listener) {
        return new Lifecycle(listener, false, true);
    }

    /// A retaining fold that keeps each invocation's id and phase but not its times: 9 bytes a slot instead of 41,
    /// for a check that needs every invocation since the start but none of their times (the audit log's one
    /// terminal event each: a 10 M-event log has 3 M invocations, so the times were 96 MB the reading thread held
    /// to the end and the collector copied as they grew). Its `openedAt`, `queuedAt`, `startedAt` and `endedAt`
    /// throw; everything else answers as [#retaining]'s does.
    ///
    /// ```java
    /// var check = Lifecycle.retainingPhases(new Lifecycle.Listener() {
    ///     @Override
    ///     public void endedAgain(Lifecycle l, int slot, Event e) {
    ///         System.err.println("id " + l.id(slot) + " ended twice");
    ///     }
    /// });
    /// ```
    public static Lifecycle retainingPhases(Listener listener) {
        return new Lifecycle(listener, false, false);
    }

    /// A fold that frees an invocation's slot once it has ended (after `listener.ended`).
    public static Lifecycle forgetting(Listener listener) {
        return new Lifecycle(listener, true, true);
    }

    /// Folds one event in; returns the slot of its invocation, or -1 (a run, group or pool event, or an event of
    /// an unknown id that opens nothing, or of an invocation just forgotten). `e` may be an `Event` or a view read
    /// in place (the listener hears it during this call, in the form it came in: see [Listener]).
    public int accept(EventView e) {
        long id = e.id();
        if (id == 0) {
            return -1;
        }
        EventType type = e.type();
        int slot = index.get(id);
        if (slot < 0) {
            if (!opens(type)) {
                if (type == EventType.LATE_FINISH) {
                    listener.lateFinished(this, -1, e);
                }
                return -1;
            }
            slot = open(id, e);
        }
        byte[] states = state[slot >>> SHIFT];
        int at = slot & MASK;
        int s = states[at];
        switch (type) {
            case QUEUED -> {
                if (s == Phase.OPEN.ordinal()) {
                    if (timed) {
                        queuedAt[slot >>> SHIFT][at] = e.t();
                    }
                    states[at] = (byte) Phase.QUEUED.ordinal();
                    listener.queued(this, slot, e);
                }
            }
            case STARTED -> {
                if (s < Phase.RUNNING.ordinal()) {
                    if (timed) {
                        startedAt[slot >>> SHIFT][at] = e.t();
                    }
                    states[at] = (byte) Phase.RUNNING.ordinal();
                    listener.started(this, slot, e);
                }
            }
            case SUCCEEDED, FAILED, TIMED_OUT, CANCELLED, REJECTED -> {
                if (s >= ENDED_BASE) {
                    listener.endedAgain(this, slot, e);
                } else {
                    end(slot, e);
                    if (forgetting) {
                        forget(slot);
                        return -1;
                    }
                }
            }
            case LATE_FINISH -> listener.lateFinished(this, slot, e);
            default -> {
                // SUBMITTED only opens; LOG and RETRY_SCHEDULED belong to an invocation but move nothing
            }
        }
        return slot;
    }

    private static boolean opens(EventType type) {
        return type == EventType.SUBMITTED || type == EventType.QUEUED || type == EventType.STARTED
                || type.isTerminal();
    }

    private int open(long id, EventView e) {
        int slot;
        if (freeCount > 0) {
            slot = free[--freeCount];
        } else {
            slot = size++;
            if ((slot & MASK) == 0) {
                addChunk(slot >>> SHIFT);
            }
        }
        int c = slot >>> SHIFT;
        int at = slot & MASK;
        ids[c][at] = id;
        if (timed) {
            openedAt[c][at] = e.t();
            queuedAt[c][at] = -1;
            startedAt[c][at] = -1;
            endedAt[c][at] = -1;
        }
        state[c][at] = (byte) Phase.OPEN.ordinal();
        index.put(id, slot);
        open++;
        listener.opened(this, slot, e);
        return slot;
    }

    private void end(int slot, EventView e) {
        if (timed) {
            endedAt[slot >>> SHIFT][slot & MASK] = e.t();
        }
        state[slot >>> SHIFT][slot & MASK] = (byte) (ENDED_BASE + e.type().ordinal());
        open--;
        ended++;
        listener.ended(this, slot, e);
    }

    private void forget(int slot) {
        index.remove(id(slot));
        state[slot >>> SHIFT][slot & MASK] = FREE;
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, freeCount * 2);
        }
        free[freeCount++] = slot;
    }

    private void addChunk(int c) {
        if (c == ids.length) {
            int n = c * 2;
            ids = Arrays.copyOf(ids, n);
            openedAt = Arrays.copyOf(openedAt, n);
            queuedAt = Arrays.copyOf(queuedAt, n);
            startedAt = Arrays.copyOf(startedAt, n);
            endedAt = Arrays.copyOf(endedAt, n);
            state = Arrays.copyOf(state, n);
        }
        ids[c] = new long[CHUNK];
        state[c] = new byte[CHUNK];
        if (timed) {
            openedAt[c] = new long[CHUNK];
            queuedAt[c] = new long[CHUNK];
            startedAt[c] = new long[CHUNK];
            endedAt[c] = new long[CHUNK];
        }
    }

    /// The slot of invocation `id`, -1 if unknown (or forgotten).
    public int slotOf(long id) {
        return index.get(id);
    }

    /// Slots handed out so far (a retaining fold: invocations seen).
    public int size() {
        return size;
    }

    /// Invocations opened and not ended.
    public int openCount() {
        return open;
    }

    /// Invocations that reached a terminal event.
    public long endedCount() {
        return ended;
    }

    public long id(int slot) {
        return ids[slot >>> SHIFT][slot & MASK];
    }

    public Phase phase(int slot) {
        int s = state[slot >>> SHIFT][slot & MASK];
        return s >= ENDED_BASE ? Phase.ENDED : PHASES[s];
    }

    /// The terminal event type it ended with, null while it has not.
    public EventType outcome(int slot) {
        int s = state[slot >>> SHIFT][slot & MASK];
        return s >= ENDED_BASE ? EventType.ofOrdinal(s - ENDED_BASE) : null;
    }

    /// `t` of its first event.
    public long openedAt(int slot) {
        requireTimes();
        return openedAt[slot >>> SHIFT][slot & MASK];
    }

    /// `t` when it entered a queue, -1 if it never waited in one.
    public long queuedAt(int slot) {
        requireTimes();
        return queuedAt[slot >>> SHIFT][slot & MASK];
    }

    /// `t` when it started, -1 if it never did.
    public long startedAt(int slot) {
        requireTimes();
        return startedAt[slot >>> SHIFT][slot & MASK];
    }

    /// `t` of its terminal event, -1 while it has none.
    public long endedAt(int slot) {
        requireTimes();
        return endedAt[slot >>> SHIFT][slot & MASK];
    }

    private void requireTimes() {
        if (!timed) {
            throw new IllegalStateException("a fold made by retainingPhases keeps no times");
        }
    }

    /// Calls `action` with each invocation opened and not ended, lowest slot first (in a retaining fold, that is
    /// the order they appeared in).
    public void forEachOpen(IntConsumer action) {
        for (int slot = 0; slot < size; slot++) {
            int s = state[slot >>> SHIFT][slot & MASK];
            if (s >= 0 && s < ENDED_BASE) {
                action.accept(slot);
            }
        }
    }
}
