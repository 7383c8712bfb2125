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
/// second costs one hop, then one drain per frame, never one `Platform.runLater` per event. A drain takes what
/// fits in `FRAME_BUDGET_NANOS` of FX thread time (`DrainBudget`), so a burst, or a JIT not yet warm, makes the
/// view trail the run by a few frames instead of freezing the window; `backlog()` says by how much.
///
/// ```java
/// FxEventFeed feed = new FxEventFeed(batch -> store.appendAll(batch));
/// EventBus bus = EventBus.create(8192, feed);
/// ```
public final class FxEventFeed implements EventSink {

    /// Half a 60 Hz frame: the other half is for layout, the timeline's redraw and input.
    static final long FRAME_BUDGET_NANOS = 8_000_000;

    private final FeedListener listener;
    private final DrainBudget budget = new DrainBudget(FRAME_BUDGET_NANOS, 256);
    private final Object lock = new Object();
    private final AtomicLong hops = new AtomicLong();
    private final AtomicLong frames = new AtomicLong();
    private long drainNanos;
    private long maxDrainNanos;
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

    /// Hands several events in at once (a replay stepping or playing on the FX thread): one hop at most.
    public void offerAll(List<Event> events) {
        if (events.isEmpty()) {
            return;
        }
        boolean hop;
        synchronized (lock) {
            pending.addAll(events);
            hop = !draining;
            draining = true;
        }
        if (hop) {
            hop();
        }
    }

    /// Drops every event not yet handed over (a replay seeking backwards, a session being replaced). A close
    /// already received is kept, so the listener still hears of it.
    public void discard() {
        synchronized (lock) {
            pending = new ArrayList<>();
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
            if (pending.isEmpty() && !closed) {
                // Guarded by the lock: a producer that adds after this sees `draining == false` and hops again.
                draining = false;
                timer.stop();
                return;
            }
            int take = budget.slice(pending.size());
            if (take >= pending.size()) {
                batch = pending;
                pending = new ArrayList<>(Math.max(16, batch.size()));
            } else {
                List<Event> head = pending.subList(0, take);
                batch = new ArrayList<>(head);
                head.clear();
            }
            // The close is passed on only after the last event.
            closing = closed && pending.isEmpty();
            if (closing) {
                closed = false;
            }
        }
        frames.incrementAndGet();
        long begin = System.nanoTime();
        if (!batch.isEmpty()) {
            listener.onFrame(batch);
        }
        long spent = System.nanoTime() - begin;
        budget.record(batch.size(), spent);
        drainNanos += spent;
        maxDrainNanos = Math.max(maxDrainNanos, spent);
        if (closing) {
            listener.onClosed();
        }
    }

    /// Events received but not yet handed to the listener: how far the view trails the run.
    public int backlog() {
        synchronized (lock) {
            return pending.size();
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

    /// FX thread time spent in the listener, summed over all drains (read it on the FX thread).
    public long drainNanos() {
        return drainNanos;
    }

    /// The longest single drain, in nanoseconds (read it on the FX thread).
    public long maxDrainNanos() {
        return maxDrainNanos;
    }

    /// How many frames drained a batch.
    public long frameCount() {
        return frames.get();
    }
}
