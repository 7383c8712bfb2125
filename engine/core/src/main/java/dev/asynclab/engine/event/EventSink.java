package dev.asynclab.engine.event;

/// Receives the events of a run, in `seq` order, on the event bus's single writer thread.
///
/// Sinks are called in batches: `onEvent` for each event of a batch, then `onBatchEnd` once, so a sink
/// that writes a file or refreshes a view can flush once per batch rather than once per event.
/// A sink is never called from two threads at once.
///
/// ```java
/// List<Event> seen = new ArrayList<>();
/// EventSink sink = seen::add;
/// ```
///
/// A sink that only reads each event's fields and keeps none of the objects (a file writer, a fold into counts)
/// may opt in to reading them straight from the bus's ring, with no `Event` built for it: it returns true from
/// `readsEventViews` and implements `onEventView`. Building the 17-field `Event` was most of the writer thread's
/// time behind an audit log. When every sink of a bus reads views, the bus builds no `Event` at all.
///
/// ```java
/// class TypeCounts implements EventSink {
///     final long[] counts = new long[EventType.values().length];
///
///     @Override
///     public boolean readsEventViews() {
///         return true;
///     }
///
///     @Override
///     public void onEventView(EventView e) {      // valid during this call only: read, do not keep
///         counts[e.type().ordinal()]++;
///     }
///
///     @Override
///     public void onEvent(Event e) {              // a replayed log, or anyone handing it Events
///         onEventView(e);
///     }
/// }
/// ```
@FunctionalInterface
public interface EventSink {

    void onEvent(Event event);

    /// True when the bus is to call `onEventView` rather than `onEvent` for this sink (asked once, when the bus is
    /// made). False by default: the sink gets `Event`s it may keep.
    default boolean readsEventViews() {
        return false;
    }

    /// One event, read in place (see [EventView]): valid only during this call. Called instead of `onEvent` when
    /// `readsEventViews` is true; by default it hands `onEvent` a copy.
    default void onEventView(EventView event) {
        onEvent(event.toEvent());
    }

    /// The end of a batch: flush buffered output here.
    default void onBatchEnd() {
    }

    /// The run is over and no more events will come.
    default void onClose() {
    }
}
