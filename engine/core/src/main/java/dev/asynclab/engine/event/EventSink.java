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
@FunctionalInterface
public interface EventSink {

    void onEvent(Event event);

    /// The end of a batch: flush buffered output here.
    default void onBatchEnd() {
    }

    /// The run is over and no more events will come.
    default void onClose() {
    }
}
