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
        StringBuilder b = new StringBuilder(160);
        b.append("submitted ");
        grouped(b, submitted).append(" · queued ");
        grouped(b, queued).append(" · active ");
        grouped(b, active).append(" · succeeded ");
        grouped(b, succeeded).append(" · failed ");
        grouped(b, failed).append(" · timed out ");
        grouped(b, timedOut).append(" · cancelled ");
        grouped(b, cancelled).append(" · rejected ");
        grouped(b, rejected).append(" · late ");
        grouped(b, late).append(" · ");
        rate(b, eventsPerSecond).append(" events/s");
        if (behind > 0) {
            grouped(b.append(" · view "), behind).append(" events behind");
        }
        return b.toString();
    }

    /// The same counts in a narrow window: short words, nothing left out.
    public String abbreviated() {
        StringBuilder b = new StringBuilder(120);
        grouped(b, submitted).append(" sub · ");
        grouped(b, queued).append(" q · ");
        grouped(b, active).append(" act · ");
        grouped(b, succeeded).append(" ok · ");
        grouped(b, failed).append(" fail · ");
        grouped(b, timedOut).append(" t/o · ");
        grouped(b, cancelled).append(" canc · ");
        grouped(b, rejected).append(" rej · ");
        grouped(b, late).append(" late · ");
        rate(b, eventsPerSecond).append(" ev/s");
        if (behind > 0) {
            grouped(b.append(" · "), behind).append(" behind");
        }
        return b.toString();
    }

    // The status bar builds both lines each time it shows the counts (ten times a second in a live run) and again
    // at each of its layouts; `String.format` parses its pattern and looks up the locale's grouping every call,
    // and in a JFR profile of the live-run benchmark it was most of the status bar's FX thread time. These write
    // what `%,d` and `%,.0f` write in `Locale.ROOT` (StatusCountsTest checks that for any counts).

    /// `value` with a comma every three digits, as `%,d` writes it in `Locale.ROOT`.
    static StringBuilder grouped(StringBuilder b, long value) {
        if (value < 0) {
            if (value == Long.MIN_VALUE) {
                return b.append(String.format(Locale.ROOT, "%,d", value));
            }
            b.append('-');
            value = -value;
        }
        String digits = Long.toString(value);
        int head = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        b.append(digits, 0, head);
        for (int i = head; i < digits.length(); i += 3) {
            b.append(',').append(digits, i, i + 3);
        }
        return b;
    }

    /// A rate as `%,.0f` writes it in `Locale.ROOT`: rounded half up, grouped. Below zero (-0.0 included), too
    /// large or not a number it is left to `String.format` (a rate is none of these; the output stays the same).
    static StringBuilder rate(StringBuilder b, double perSecond) {
        if (Double.compare(perSecond, 0.0) >= 0 && perSecond < 1e15) {
            return grouped(b, Math.round(perSecond));
        }
        return b.append(String.format(Locale.ROOT, "%,.0f", perSecond));
    }
}
