package dev.asynclab.app.feed;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventSink;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/// The bridge from the engine's event writer thread to the FX thread.
///
/// The writer appends to a buffer. Only when the buffer goes from empty to non-empty does it hop to the FX
/// thread (as chart-fx's `BitState` does), and that hop starts an `AnimationTimer` that hands the whole buffer
/// to the listener once per frame; a frame that finds it empty stops the timer. So a run of 50,000 events a
/// second costs one hop, then one drain per frame, never one `Platform.runLater` per event.
///
/// ```java
/// FxEventFeed feed = new FxEventFeed(batch -> store.appendAll(batch));
/// EventBus bus = EventBus.create(8192, feed);
/// ```
public final class FxEventFeed implements EventSink {

    private final FeedListener listener;
    private final Object lock = new Object();
    private final AtomicLong hops = new AtomicLong();
    private final AtomicLong frames = new AtomicLong();
    private List<Event> pending = new ArrayList<>();
    private boolean draining;
    private boolean closed;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            drainFrame();
        }
    };

    public FxEventFeed(FeedListener listener) {
        this.listener = listener;
    }

    @Override
    public void onEvent(Event event) {
        boolean hop;
        synchronized (lock) {
            pending.add(event);
            hop = !draining;
            draining = true;
        }
        if (hop) {
            hop();
        }
    }

    @Override
    public void onClose() {
        boolean hop;
        synchronized (lock) {
            closed = true;
            hop = !draining;
            draining = true;
        }
        if (hop) {
            hop();
        }
    }

    private void hop() {
        hops.incrementAndGet();
        Platform.runLater(timer::start);
    }

    /// Runs on the FX thread once per frame while there is work.
    private void drainFrame() {
        List<Event> batch;
        boolean closing;
        synchronized (lock) {
            batch = pending;
            closing = closed;
            if (batch.isEmpty() && !closing) {
                // Guarded by the lock: a producer that adds after this sees `draining == false` and hops again.
                draining = false;
                timer.stop();
                return;
            }
            pending = new ArrayList<>(Math.max(16, batch.size()));
            closed = false;
        }
        frames.incrementAndGet();
        if (!batch.isEmpty()) {
            listener.onFrame(batch);
        }
        if (closing) {
            listener.onClosed();
        }
    }

    /// True when no drain is pending: the next event will hop to the FX thread.
    public boolean isIdle() {
        synchronized (lock) {
            return !draining;
        }
    }

    /// How many times producers hopped to the FX thread.
    public long hopCount() {
        return hops.get();
    }

    /// How many frames drained a batch.
    public long frameCount() {
        return frames.get();
    }
}
