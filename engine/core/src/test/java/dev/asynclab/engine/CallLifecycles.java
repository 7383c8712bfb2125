package dev.asynclab.engine;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/// Checks over a run's events that the pool's concurrency tests share: each call ends exactly once, and a call
/// starts only after it was submitted or queued.
public final class CallLifecycles {

    private CallLifecycles() {
    }

    /// `calls` calls ended, each with exactly one terminal event.
    public static void eachCallEndedOnce(List<Event> events, int calls) {
        Map<Long, Integer> terminals = new HashMap<>();
        for (Event e : events) {
            if (e.isTerminal()) {
                terminals.merge(e.id(), 1, Integer::sum);
            }
        }
        assertThat(terminals).hasSize(calls);
        assertThat(terminals.values()).containsOnly(1);
    }

    /// Every STARTED comes right after its call's SUBMITTED or QUEUED.
    public static void startsFollowSubmitOrQueue(List<Event> events) {
        Map<Long, EventType> last = new HashMap<>();
        for (Event e : events) {
            if (e.type() == EventType.STARTED) {
                assertThat(last.get(e.id())).as("STARTED follows SUBMITTED or QUEUED")
                        .isIn(EventType.SUBMITTED, EventType.QUEUED);
            }
            last.put(e.id(), e.type());
        }
    }
}
