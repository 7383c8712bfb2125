package dev.asynclab.engine.internal;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventBus;
import dev.asynclab.engine.event.EventType;

import java.util.function.LongSupplier;

/// Builds and publishes events, or does nothing at all when no bus listens.
///
/// The `...At` forms take a reading of the engine's clock that the caller already holds: when the bus was made on
/// that same clock (`Scheduler.clock()`), the event is stamped with it and the bus reads no clock; otherwise the
/// bus stamps the event itself, as the plain forms do.
public final class Emitter {

    private final EventBus bus;
    /// True when the bus reads the engine's clock, so a reading the engine took is a valid stamp for the bus.
    private final boolean sharesClock;

    /// An emitter to `bus` (null: none), for an engine that reads `engineClock`.
    public Emitter(EventBus bus, LongSupplier engineClock) {
        this.bus = bus;
        this.sharesClock = bus != null && bus.clock() == engineClock;
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

    /// As `emit`, happening at `now` on the engine's clock.
    public void emitAt(long now, EventType type, long id, int attempt, long group, String name, String worker,
                       long duration, String errorType, String errorMessage, String value, int queueDepth) {
        if (bus == null) {
            return;
        }
        if (sharesClock) {
            bus.publishAt(now, type, id, attempt, group, name, worker, duration, errorType, errorMessage, value,
                    queueDepth);
        } else {
            bus.publish(type, id, attempt, group, name, worker, duration, errorType, errorMessage, value, queueDepth);
        }
    }

    /// The terminal event of a callback that returned `value` (see `EventBus.publishResult`), at `now` on the
    /// engine's clock.
    public void emitResultAt(long now, EventType type, long id, int attempt, long group, String name, String worker,
                             long duration, Object value) {
        if (bus == null) {
            return;
        }
        if (sharesClock) {
            bus.publishResultAt(now, type, id, attempt, group, name, worker, duration, value);
        } else {
            bus.publishResult(type, id, attempt, group, name, worker, duration, value);
        }
    }
}
