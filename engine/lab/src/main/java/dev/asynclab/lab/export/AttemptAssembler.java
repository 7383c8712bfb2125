package dev.asynclab.lab.export;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import dev.asynclab.lab.lifecycle.Lifecycle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/// Turns each invocation's lifecycle (folded by [Lifecycle]) into an [Attempt], handed on when its terminal
/// event arrives; [#finish()] hands on those that never ended. Also remembers which worker ran an invocation
/// that timed out or was cancelled, so its LATE_FINISH can be drawn there, and keeps the run's load: how many
/// attempts run ([#active()]) and wait in the queue ([#queued()]) after each event.
final class AttemptAssembler implements Lifecycle.Listener {

    private final Consumer<Attempt> done;
    private final Lifecycle lifecycle = Lifecycle.forgetting(this);
    /// What the lifecycle does not hold, by slot: who the invocation is and where it ran.
    private Event[] firstEvents = new Event[64];
    private String[] workers = new String[64];
    private final Map<Long, String> overrunning = new HashMap<>();
    private int active;
    private int queued;

    AttemptAssembler(Consumer<Attempt> done) {
        this.done = done;
    }

    void accept(Event e) {
        lifecycle.accept(e);
    }

    /// Attempts running after the last event: started, not yet ended.
    int active() {
        return active;
    }

    /// Attempts waiting in the queue after the last event: queued, neither started nor ended.
    int queued() {
        return queued;
    }

    /// The worker an invocation ran on before its timeout or cancel, for its LATE_FINISH; forgotten after.
    String overrunWorker(long id) {
        return overrunning.remove(id);
    }

    @Override
    public void opened(Lifecycle l, int slot, Event e) {
        if (slot >= firstEvents.length) {
            firstEvents = Arrays.copyOf(firstEvents, Math.max(slot + 1, firstEvents.length * 2));
            workers = Arrays.copyOf(workers, firstEvents.length);
        }
        firstEvents[slot] = e;
        workers[slot] = null;
    }

    @Override
    public void queued(Lifecycle l, int slot, Event e) {
        queued++;
    }

    @Override
    public void started(Lifecycle l, int slot, Event e) {
        workers[slot] = e.worker();
        active++;
        if (l.queuedAt(slot) >= 0) {
            queued--;
        }
    }

    @Override
    public void ended(Lifecycle l, int slot, Event e) {
        boolean ran = l.startedAt(slot) >= 0;
        if (ran) {
            active--;
        } else if (l.queuedAt(slot) >= 0) {
            queued--;
        }
        String worker = workers[slot] != null ? workers[slot] : ran ? e.worker() : null;
        if (ran && (e.type() == EventType.TIMED_OUT || e.type() == EventType.CANCELLED)) {
            overrunning.put(e.id(), worker);
        }
        done.accept(attempt(l, slot, worker, e.t(), e.type(), e.errorType(), e.errorMessage()));
        firstEvents[slot] = null;
    }

    /// Hands on the attempts that never reached a terminal event (the log ended first), in the order they began.
    void finish() {
        List<Integer> unfinished = new ArrayList<>();
        lifecycle.forEachOpen(unfinished::add);
        unfinished.sort(Comparator.comparingLong((Integer slot) -> lifecycle.openedAt(slot))
                .thenComparingLong(lifecycle::id));
        for (int slot : unfinished) {
            done.accept(attempt(lifecycle, slot, workers[slot], -1, null, null, null));
        }
    }

    private Attempt attempt(Lifecycle l, int slot, String worker, long ended, EventType outcome, String errorType,
                            String errorMessage) {
        Event first = firstEvents[slot];
        return new Attempt(first.id(), first.attempt(), first.group(), first.name(), worker, l.openedAt(slot),
                l.queuedAt(slot), l.startedAt(slot), ended, outcome, errorType, errorMessage);
    }
}
