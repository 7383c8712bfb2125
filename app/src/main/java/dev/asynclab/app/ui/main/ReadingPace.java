package dev.asynclab.app.ui.main;

/// How often a figure that changes every frame is re-shown so that it can be read: at most once per `interval`,
/// and the last change never lost.
///
/// During a live run the status bar's counts change every frame (60 times a second), faster than anyone reads
/// them; re-showing them each time formats ten numbers twice, measures the text and lays the bar out again, which
/// a JFR profile of the live-run benchmark put at a fifth of the FX thread's drain time. A change that comes at
/// least `interval` after the last one shown is shown at once; one that comes sooner is held and shown by the
/// first frame at or after `interval` (`due`), whatever came in between. Times are `System.nanoTime` readings, or
/// any clock that does not go back (tests pass their own).
///
/// ```java
/// ReadingPace pace = new ReadingPace(100_000_000);
/// if (pace.changed(System.nanoTime())) {
///     show(latest);                         // now
/// }                                          // else: on later frames, if (pace.due(now)) show(latest)
/// ```
final class ReadingPace {

    private final long intervalNanos;
    private long shownAt;
    private boolean shownOnce;
    private boolean holding;

    ReadingPace(long intervalNanos) {
        if (intervalNanos <= 0) {
            throw new IllegalArgumentException("interval must be positive: " + intervalNanos);
        }
        this.intervalNanos = intervalNanos;
    }

    /// A change arrived at `now`: true if it is to be shown now, false if it is held for a later frame.
    boolean changed(long now) {
        if (!shownOnce || now - shownAt >= intervalNanos) {
            shown(now);
            return true;
        }
        holding = true;
        return false;
    }

    /// On a frame at `now`: true if a held change is due now (it is then no longer held).
    boolean due(long now) {
        if (holding && now - shownAt >= intervalNanos) {
            shown(now);
            return true;
        }
        return false;
    }

    /// True while a change waits to be shown.
    boolean holding() {
        return holding;
    }

    /// The latest change was shown at `now` by other means (e.g. at once, because the run ended).
    void shown(long now) {
        shownAt = now;
        shownOnce = true;
        holding = false;
    }
}
