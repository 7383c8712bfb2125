package dev.asynclab.engine.event;

/// The fields of one event, read in place: an [Event] is one, and so is the event bus's ring slot that a sink
/// reading views (`EventSink.readsEventViews`) is handed, with no `Event` built for it.
///
/// A view handed to `EventSink.onEventView` is valid only during that call: the bus reuses the slot for a later
/// event once the call returns. Read the fields you need then, or keep `toEvent()`. The fields mean what
/// [Event]'s do.
///
/// ```java
/// EventView view = Event.of(EventType.STARTED, 97, 1, 0, "fetch-user").withWorker("w3");
/// String where = view.name() + " on " + view.worker();   // "fetch-user on w3"
/// Event kept = view.toEvent();                           // an Event is its own copy
/// ```
public interface EventView {

    long seq();

    long t();

    EventType type();

    long id();

    int attempt();

    long group();

    String name();

    String worker();

    long duration();

    String errorType();

    String errorMessage();

    String value();

    int queueDepth();

    String kind();

    long parentGroup();

    long seed();

    int poolSize();

    /// These fields as an `Event` that may be kept (an `Event` returns itself).
    Event toEvent();
}
