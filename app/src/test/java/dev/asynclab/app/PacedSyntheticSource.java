package dev.asynclab.app;

import dev.asynclab.app.ui.run.RunSource;
import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventSink;

import java.util.List;
import java.util.concurrent.locks.LockSupport;

/// Test and benchmark source: hands made-up events to the sink at a fixed rate in wall time, in batches every
/// millisecond as an event bus would. Never used by the app itself.
public final class PacedSyntheticSource implements RunSource {

    private final List<Event> events;
    private final double eventsPerSecond;
    private volatile boolean stopped;

    public PacedSyntheticSource(List<Event> events, double eventsPerSecond) {
        this.events = events;
        this.eventsPerSecond = eventsPerSecond;
    }

    @Override
    public void start(EventSink sink) {
        Thread.ofPlatform().name("synthetic-source").start(() -> {
            long begin = System.nanoTime();
            int sent = 0;
            while (sent < events.size() && !stopped) {
                long due = (long) ((System.nanoTime() - begin) / 1e9 * eventsPerSecond);
                int until = (int) Math.min(events.size(), due);
                for (; sent < until; sent++) {
                    sink.onEvent(events.get(sent));
                }
                sink.onBatchEnd();
                LockSupport.parkNanos(1_000_000);
            }
            sink.onClose();
        });
    }

    @Override
    public void stop() {
        stopped = true;
    }

    @Override
    public String title() {
        return "synthetic events";
    }
}
