package dev.asynclab.lab.export;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/// Pairs each invocation's events (SUBMITTED, QUEUED, STARTED, then its terminal event) into an [Attempt],
/// handed on when the terminal event arrives; [#finish()] hands on those that never ended. Also remembers
/// which worker ran an invocation that timed out or was cancelled, so its LATE_FINISH can be drawn there, and
/// keeps the run's load: how many attempts run ([#active()]) and wait in the queue ([#queued()]) after each event.
/// This is the exporters' one fold of an invocation's lifecycle.
final class AttemptAssembler {

    private final Consumer<Attempt> done;
    private final Map<Long, Partial> open = new LinkedHashMap<>();
    private final Map<Long, String> overrunning = new HashMap<>();
    private int active;
    private int queued;

    AttemptAssembler(Consumer<Attempt> done) {
        this.done = done;
    }

    void accept(Event e) {
        switch (e.type()) {
            case SUBMITTED -> partial(e).submitted = e.t();
            case QUEUED -> {
                Partial p = partial(e);
                if (p.queued < 0 && p.started < 0) {
                    queued++;
                }
                p.queued = e.t();
            }
            case STARTED -> {
                Partial p = partial(e);
                if (p.started < 0) {
                    active++;
                    if (p.queued >= 0) {
                        queued--;
                    }
                }
                p.started = e.t();
                p.worker = e.worker();
            }
            case SUCCEEDED, FAILED, TIMED_OUT, CANCELLED, REJECTED -> end(e);
            default -> {
                // other events are not part of an attempt's span
            }
        }
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

    private Partial partial(Event e) {
        return open.computeIfAbsent(e.id(), id -> new Partial(e));
    }

    private void end(Event e) {
        Partial p = open.remove(e.id());
        if (p == null) {
            p = new Partial(e);
        } else if (p.started >= 0) {
            active--;
        } else if (p.queued >= 0) {
            queued--;
        }
        String worker = p.worker != null ? p.worker : p.started >= 0 ? e.worker() : null;
        if (p.started >= 0 && (e.type() == EventType.TIMED_OUT || e.type() == EventType.CANCELLED)) {
            overrunning.put(e.id(), worker);
        }
        done.accept(new Attempt(e.id(), p.attempt, p.group, p.name, worker, p.submitted, p.queued, p.started,
                e.t(), e.type(), e.errorType(), e.errorMessage()));
    }

    /// Hands on the attempts that never reached a terminal event (the log ended first), in the order they began.
    void finish() {
        List<Partial> unfinished = new ArrayList<>(open.values());
        open.clear();
        for (Partial p : unfinished) {
            done.accept(new Attempt(p.id, p.attempt, p.group, p.name, p.worker, p.submitted, p.queued, p.started,
                    -1, null, null, null));
        }
    }

    private static final class Partial {
        final long id;
        final int attempt;
        final long group;
        final String name;
        String worker;
        long submitted = -1;
        long queued = -1;
        long started = -1;

        Partial(Event e) {
            id = e.id();
            attempt = e.attempt();
            group = e.group();
            name = e.name();
        }
    }
}
