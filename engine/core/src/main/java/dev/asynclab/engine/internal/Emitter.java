package dev.asynclab.engine.internal;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventBus;
import dev.asynclab.engine.event.EventType;

/// Builds and publishes events, or does nothing at all when no bus listens.
public final class Emitter {

    private final EventBus bus;

    public Emitter(EventBus bus) {
        this.bus = bus;
    }

    public EventBus bus() {
        return bus;
    }

    public boolean enabled() {
        return bus != null;
    }

    public void emit(Event event) {
        if (bus != null) {
            bus.publish(event);
        }
    }

    public void emit(EventType type, long id, int attempt, long group, String name, String worker, long duration,
                     String errorType, String errorMessage, String value, int queueDepth) {
        if (bus != null) {
            bus.publish(type, id, attempt, group, name, worker, duration, errorType, errorMessage, value, queueDepth);
        }
    }

    /// The terminal event of a callback that returned `value` (see `EventBus.publishResult`).
    public void emitResult(EventType type, long id, int attempt, long group, String name, String worker, long duration,
                           Object value) {
        if (bus != null) {
            bus.publishResult(type, id, attempt, group, name, worker, duration, value);
        }
    }
}
