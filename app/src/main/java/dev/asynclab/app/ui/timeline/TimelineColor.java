package dev.asynclab.app.ui.timeline;

/// The timeline's own colours besides the outcomes and the policies, each named for what it means and themed by
/// one CSS token of `app.css` (`-timeline-background`, ...): the Java side holds no colour of its own.
public enum TimelineColor {
    BACKGROUND("-timeline-background"),
    STRIPE("-timeline-stripe"),
    TEXT("-timeline-text"),
    GRID("-timeline-grid"),
    ACCENT("-timeline-accent"),
    HIGHLIGHT("-timeline-highlight"),
    /// The names written on bars: dark on every outcome colour of both themes.
    BAR_TEXT("-timeline-bar-text"),
    /// The step line of the pool's limit over time (an adaptive limit's resizes).
    POOL_LIMIT("-timeline-pool-limit"),
    /// The shade over the worker lanes above the pool's limit while they are.
    OUT_OF_SERVICE("-timeline-out-of-service"),
    /// The replay's playhead.
    PLAYHEAD("-timeline-playhead");

    private final String token;

    TimelineColor(String token) {
        this.token = token;
    }

    /// The CSS looked-up colour that themes it.
    public String token() {
        return token;
    }
}
