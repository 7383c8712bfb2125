package dev.asynclab.app.store;

import dev.asynclab.engine.event.EventType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// The state of each circuit breaker over time, from its `CIRCUIT_OPENED`, `CIRCUIT_HALF_OPENED` and
/// `CIRCUIT_CLOSED` events: what the timeline draws as a band above the lanes the breaker guards. A breaker is
/// closed until its first event says otherwise.
///
/// ```java
/// BreakerBands bands = store.breakerBands();
/// for (String breaker : bands.names()) {
///     BreakerBands.State at = bands.stateAt(breaker, t);
/// }
/// ```
public final class BreakerBands {

    /// Where a breaker stands.
    public enum State { CLOSED, OPEN, HALF_OPEN }

    /// One state change: from `time` on, the breaker is `state`.
    public record Change(long time, State state) {
    }

    private final Map<String, List<Change>> changes = new LinkedHashMap<>();

    /// Records a breaker event; other event types are ignored.
    void add(String breaker, long time, EventType type) {
        State state = switch (type) {
            case CIRCUIT_OPENED -> State.OPEN;
            case CIRCUIT_HALF_OPENED -> State.HALF_OPEN;
            case CIRCUIT_CLOSED -> State.CLOSED;
            default -> null;
        };
        if (state != null) {
            changes.computeIfAbsent(breaker == null ? "circuit" : breaker, k -> new ArrayList<>())
                    .add(new Change(time, state));
        }
    }

    /// The breakers seen so far, in the order of their first event.
    public List<String> names() {
        return List.copyOf(changes.keySet());
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /// The breaker's changes in time order.
    public List<Change> changes(String breaker) {
        return List.copyOf(changes.getOrDefault(breaker, List.of()));
    }

    /// The breaker's state at `time`.
    public State stateAt(String breaker, long time) {
        State state = State.CLOSED;
        for (Change c : changes.getOrDefault(breaker, List.of())) {
            if (c.time() > time) {
                break;
            }
            state = c.state();
        }
        return state;
    }
}
