package dev.asynclab.app.ui.session;

import dev.asynclab.app.store.EventStore;
import dev.asynclab.engine.event.EventType;

import java.util.Locale;

/// The live counts of the status bar, and how many received events the view has not shown yet (`behind`: the
/// FX thread takes a frame's worth at a time, so a burst shows a few frames late rather than freezing the window).
public record StatusCounts(long submitted, int queued, int active, long succeeded, long failed, long timedOut,
                           long cancelled, long rejected, long late, double eventsPerSecond, int behind) {

    public static final StatusCounts ZERO = new StatusCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public static StatusCounts of(EventStore store, double eventsPerSecond, int behind) {
        return new StatusCounts(store.count(EventType.SUBMITTED), store.queuedSeries().current(),
                store.activeSeries().current(), store.count(EventType.SUCCEEDED), store.count(EventType.FAILED),
                store.count(EventType.TIMED_OUT), store.count(EventType.CANCELLED), store.count(EventType.REJECTED),
                store.lateCount(), eventsPerSecond, behind);
    }

    /// One line for the status bar.
    public String describe() {
        return String.format(Locale.ROOT, "submitted %,d · queued %,d · active %,d · succeeded %,d · failed %,d"
                        + " · timed out %,d · cancelled %,d · rejected %,d · late %,d · %,.0f events/s",
                submitted, queued, active, succeeded, failed, timedOut, cancelled, rejected, late, eventsPerSecond)
                + (behind > 0 ? String.format(Locale.ROOT, " · view %,d events behind", behind) : "");
    }

    /// The same counts in a narrow window: short words, nothing left out.
    public String abbreviated() {
        return String.format(Locale.ROOT, "%,d sub · %,d q · %,d act · %,d ok · %,d fail · %,d t/o · %,d canc"
                        + " · %,d rej · %,d late · %,.0f ev/s", submitted, queued, active, succeeded, failed, timedOut,
                cancelled, rejected, late, eventsPerSecond)
                + (behind > 0 ? String.format(Locale.ROOT, " · %,d behind", behind) : "");
    }
}
