package dev.asynclab.engine.event;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/// One place in an event bus's lane, reused for every event that lands there: see `EventBus`'s Overview.
final class Slot {
    private static final VarHandle PUBLISHED;

    static {
        try {
            PUBLISHED = MethodHandles.lookup().findVarHandle(Slot.class, "published", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /// The seq whose event these fields hold; written last, with release semantics (-1: none yet).
    @SuppressWarnings("unused") // through PUBLISHED
    private long published = -1;
    /// An event published whole (`publish(Event)`: it may carry the run and group fields); null otherwise.
    Event whole;
    /// `t` as the producer read it, before the writer's clamp.
    long stampedT;
    EventType type;
    long id;
    int attempt;
    long group;
    String name;
    String worker;
    long duration;
    String errorType;
    String errorMessage;
    /// The value's text, or (when `valueIsDeferred`) a value whose text the writer is to make.
    Object carried;
    boolean valueIsDeferred;
    int queueDepth;

    Slot fill(long t, EventType type, long id, int attempt, long group, String name, String worker,
              long duration, String errorType, String errorMessage, Object value, boolean valueIsDeferred,
              int queueDepth) {
        this.whole = null;
        this.stampedT = t;
        this.type = type;
        this.id = id;
        this.attempt = attempt;
        this.group = group;
        this.name = name;
        this.worker = worker;
        this.duration = duration;
        this.errorType = errorType;
        this.errorMessage = errorMessage;
        this.carried = value;
        this.valueIsDeferred = valueIsDeferred;
        this.queueDepth = queueDepth;
        return this;
    }

    /// Hands the fields written before this call to the writer (release: see the Overview).
    void publish(long seq) {
        PUBLISHED.setRelease(this, seq);
    }

    /// True when the fields hold event `seq` (acquire: pairs with `publish`).
    boolean holds(long seq) {
        return (long) PUBLISHED.getAcquire(this) == seq;
    }

    /// The event published whole, as seq `seq` at time `t`, and forgets it (it must not stay alive until the
    /// ring comes round); null when this slot's event was published field by field.
    Event takeWhole(long seq, long t) {
        Event e = whole;
        if (e == null) {
            return null;
        }
        whole = null;
        return e.withSeqAndTime(seq, t);
    }

    /// The value's text, made now if the producer deferred it; the slot lets go of the value (it must not stay
    /// alive until the ring comes round). Written only when there is one: a write to a slot dirties a cache line
    /// the producers filling the next slots may share.
    String takeValueText() {
        Object v = carried;
        if (v == null) {
            return null;
        }
        carried = null;
        return valueIsDeferred ? Event.textOf(v) : (String) v;
    }
}
