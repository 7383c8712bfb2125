package dev.asynclab.app.feed;

import dev.asynclab.engine.event.Event;

import java.util.List;

/// What receives a feed's events on the FX thread: one call per frame with everything that came since.
public interface FeedListener {

    void onFrame(List<Event> batch);

    /// The source closed and every event has been handed over.
    default void onClosed() {
    }
}
