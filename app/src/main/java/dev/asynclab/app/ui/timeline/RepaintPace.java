package dev.asynclab.app.ui.timeline;

/// When the timeline repaints: at once for a change of what is shown or how it is looked at, and at most every
/// `gap` pulses for events appended pulse after pulse (a live run), the last of them never left undrawn.
///
/// A repaint of the timeline costs Prism's software render thread about 10 ms at 1440×900 (half of it to draw
/// the canvas texture into the window at all, half to paint the timeline), more than half a 60 Hz frame; during a
/// live run the events arrive every pulse, and so did the repaints. Nobody reads bars that move every 17 ms, so
/// while events keep arriving the timeline is repainted at most every `gap` pulses (2: every other one), whatever
/// else the window repaints in between (the events table, the counters, the charts keep their own pace):
/// - a change (`changed`: another store, zoom, pan, selection, size, palette, playhead, font) is drawn in the
///   pulse it comes in, as before;
/// - appended events (`appended`) are drawn in the pulse they come in when the last draw was at least `gap`
///   pulses before (a single step, the first batch of a run), otherwise in the first pulse that is `gap` after
///   it — so the last batch of a run is drawn at most `gap - 1` pulses after it came, and never left.
///
/// It holds no `Node` and reads no clock: the skin tells it what happens and asks what to do. Per pulse, in the
/// order JavaFX runs them: `pulse()` from an animation timer (true: ask for a layout pass now), `appended()` or
/// `changed()` whenever they happen (`appended` true: ask for a layout pass now), then in the layout pass
/// `drawNow()` and, after a draw, `drew()`. The animation timer is needed only while `wantsPulses()`; it counts
/// the pulses since the last draw, up to `gap`, and brings the pulse that draws what waited.
///
/// ```java
/// RepaintPace pace = new RepaintPace(RepaintPace.LIVE_GAP);
/// if (pace.appended()) {
///     control.requestLayout();         // drawn in this pulse's layout pass
/// }                                    // else a later pulse() says when
/// if (pace.drawNow()) {                // in the layout pass
///     draw();
///     pace.drew();
/// }
/// ```
final class RepaintPace {

    /// Pulses between two repaints for appended events: every other pulse.
    static final int LIVE_GAP = 2;

    private final int gap;
    private boolean changed = true;
    private boolean appended;
    /// Pulses since the last draw, counted up to `gap` (all a decision needs); `gap` before the first draw.
    private int sinceDraw;
    private long held;

    RepaintPace(int gap) {
        if (gap < 1) {
            throw new IllegalArgumentException("gap must be at least one pulse: " + gap);
        }
        this.gap = gap;
        this.sinceDraw = gap;
    }

    /// Something other than appended events changed (or the first draw is due): drawn in this pulse.
    void changed() {
        changed = true;
    }

    /// Events were appended: true if they may be drawn in this pulse (ask for a layout pass), false if they wait
    /// for a later `pulse()` to say so.
    boolean appended() {
        if (appended) {
            held++; // joins a batch already waiting: one repaint saved
        }
        appended = true;
        return sinceDraw >= gap;
    }

    /// A pulse begins (an animation timer's `handle`): true if appended events wait and may be drawn in it (ask for
    /// a layout pass).
    boolean pulse() {
        if (sinceDraw < gap) {
            sinceDraw++;
        }
        return appended && sinceDraw >= gap;
    }

    /// In the layout pass: true if the timeline is to be drawn now.
    boolean drawNow() {
        return changed || (appended && sinceDraw >= gap);
    }

    /// The timeline was drawn (in the layout pass or directly): everything so far is shown.
    void drew() {
        changed = false;
        appended = false;
        sinceDraw = 0;
    }

    /// True while the pulses matter: appended events wait, or a draw was less than `gap` pulses ago (the next
    /// appended events must know how long ago). The skin runs its animation timer only then.
    boolean wantsPulses() {
        return appended || sinceDraw < gap;
    }

    /// True while appended events wait to be drawn.
    boolean waiting() {
        return appended;
    }

    /// Appended batches that joined one already waiting, each a repaint the pace saved.
    long held() {
        return held;
    }
}
