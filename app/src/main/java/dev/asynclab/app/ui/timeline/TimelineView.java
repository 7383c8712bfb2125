package dev.asynclab.app.ui.timeline;

import dev.asynclab.app.store.EventStore;
import dev.asynclab.app.store.InvocationTable;
import dev.asynclab.app.store.LaneIntervals;
import dev.asynclab.app.ui.format.Durations;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.CssMetaData;
import javafx.css.FontCssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.css.Styleable;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import javafx.scene.image.WritableImage;
import javafx.scene.text.Font;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/// The timeline control: what is shown and how it is looked at — the store, the viewport, the selection, the
/// highlight, the palette, the replay's playhead, the font — and the operations on them (zoom, pan, fit, follow,
/// reveal, hit-testing). Its skin, `TimelineSkin`, owns the canvas, draws the layers into it at most once per
/// pulse, and turns the mouse into these operations. The control keeps no drawing state: a new skin draws the
/// same picture.
///
/// Text follows the control's CSS font (`-fx-font`, inherited: `.timeline { -fx-font-size: 0.85em; }` in
/// `app.css`), so a presenter mode that scales the root's font scales the lane names, axis and bar labels, and
/// the rows grow with them.
///
/// ```java
/// TimelineView timeline = new TimelineView(store);
/// timeline.selectedSlotProperty().addListener((o, was, now) -> details.show(now.intValue()));
/// timeline.playheadTimeProperty().bind(replay.eventTimeProperty());
/// timeline.appended();     // after appending events
/// ```
public final class TimelineView extends Control {

    public static final String STYLE_CLASS = "timeline";

    private final ReadOnlyObjectWrapper<EventStore> store = new ReadOnlyObjectWrapper<>(this, "store");
    private final Viewport viewport = new Viewport();
    private final IntegerProperty selectedSlot = new SimpleIntegerProperty(this, "selectedSlot", -1);
    private final ObjectProperty<Highlight> highlight = new SimpleObjectProperty<>(this, "highlight", Highlight.NONE);
    private final ObjectProperty<OutcomePalette> palette = new SimpleObjectProperty<>(this, "palette");
    private final DoubleProperty playheadTime = new SimpleDoubleProperty(this, "playheadTime", Double.NaN);
    private final StyleableObjectProperty<Font> font =
            new SimpleStyleableObjectProperty<>(FONT, this, "font", Font.font(TimelineLayout.BASE_FONT_SIZE));
    /// Widths in the current font, for the gutter and the labels (a cache: made again when the font changes).
    private TextMeasure measure;

    /// An empty timeline (FXML makes it so); `setStore` gives it events.
    public TimelineView() {
        this(new EventStore());
    }

    public TimelineView(EventStore store) {
        this.store.set(store);
        getStyleClass().add(STYLE_CLASS);
        setFocusTraversable(true);
        setMinSize(200, 120);
        font.addListener((o, was, now) -> {
            measure = null;
            invalidate();
        });
        playheadTime.addListener((o, was, now) -> {
            followPlayhead();
            invalidate();
        });
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new TimelineSkin(this);
    }

    // ---- the store, and redrawing

    /// Shows another store (a new run or log) from the start; while a replay's playhead is shown, the store is
    /// the same replay rewound (a step back), so the view stays where the user put it and follows the playhead.
    public void setStore(EventStore next) {
        store.set(next);
        selectedSlot.set(-1);
        if (!hasPlayhead()) {
            viewport.fitAll();
        }
        invalidate();
    }

    /// The store drawn now.
    public EventStore store() {
        return store.get();
    }

    public ReadOnlyObjectProperty<EventStore> storeProperty() {
        return store.getReadOnlyProperty();
    }

    /// Marks the view dirty: the skin redraws in this pulse's layout pass (or the next pulse's).
    public void invalidate() {
        if (getSkin() instanceof TimelineSkin skin) {
            skin.markDirty();
        }
        requestLayout();
    }

    /// Events were appended to the store. Drawn in this pulse when the timeline was not drawn in the pulse before
    /// (a replay's step, the first batch of a run); while batches come pulse after pulse (a live run), the timeline
    /// is drawn at most every other pulse, and the last batch always within a pulse after it came (`RepaintPace`).
    /// Everything else — another store, zoom, pan, selection, a new size, the playhead — is drawn at once.
    ///
    /// ```java
    /// store.appendAll(batch);
    /// timeline.appended();
    /// ```
    public void appended() {
        if (getSkin() instanceof TimelineSkin skin) {
            skin.appended();
        }
    }

    /// Draws now (the pulse does this when dirty; benchmarks and tests call it directly). Nothing before the
    /// control has its skin (it gets it with its CSS, once in a scene) and a palette (the theme's).
    public DrawStats redraw() {
        return getSkin() instanceof TimelineSkin skin ? skin.redraw() : DrawStats.NONE;
    }

    /// How many times the skin has drawn: with `lastStats()`, what tests and benchmarks look at.
    public long drawCount() {
        return getSkin() instanceof TimelineSkin skin ? skin.drawCount() : 0;
    }

    /// Appended batches that came while another waited to be drawn: the redraws the live pace saved.
    public long heldBatches() {
        return getSkin() instanceof TimelineSkin skin ? skin.heldCount() : 0;
    }

    /// How many events the store held when the timeline was last drawn, -1 before the first draw: equal to
    /// `store().size()` once appended events have all been drawn.
    public long drawnEvents() {
        return getSkin() instanceof TimelineSkin skin ? skin.drawnEvents() : -1;
    }

    public DrawStats lastStats() {
        return getSkin() instanceof TimelineSkin skin ? skin.lastStats() : DrawStats.NONE;
    }

    /// The canvas the skin draws into, null without a skin.
    public Canvas canvas() {
        return getSkin() instanceof TimelineSkin skin ? skin.canvas() : null;
    }

    /// The timeline drawn into an image: as it is in view, or (`whole`) fitted to the whole run; the view is left
    /// as it was.
    ///
    /// @throws IllegalStateException before the control has a skin (it is not in a scene)
    public WritableImage snapshotImage(boolean whole) {
        if (!(getSkin() instanceof TimelineSkin skin)) {
            throw new IllegalStateException("the timeline has no skin yet: it is not in a styled scene");
        }
        Viewport.State before = viewport.state();
        if (whole) {
            viewport.fitAll();
        }
        skin.redraw();
        WritableImage image = skin.canvas().snapshot(null, null);
        if (whole) {
            viewport.restore(before);
            skin.redraw();
        }
        return image;
    }

    // ---- where things are

    /// The layout for the control's size now: its gutter as wide as the longest lane label needs.
    public TimelineLayout currentLayout() {
        return layoutFor(getWidth(), getHeight());
    }

    /// The layout of a canvas `width` by `height` showing this store in this font.
    TimelineLayout layoutFor(double width, double height) {
        EventStore s = store.get();
        TextMeasure text = measure();
        double size = text.font().getSize();
        // The lane height does not depend on the gutter: lanes too thin to be named need no room for names.
        boolean named = LaneLayer.named(new TimelineLayout(width, height, s.laneCount(), 0, size), size);
        return new TimelineLayout(width, height, s.laneCount(), gutter(s, named, text, width), size);
    }

    /// Room for the longest lane label (when the lanes are `named`) and "queue", never less than `MIN_GUTTER`
    /// nor more than a quarter of the width (longer labels are cut).
    static double gutter(EventStore store, boolean named, TextWidth text, double width) {
        double widest = text.of("queue");
        for (int lane = 0; named && lane < store.laneCount(); lane++) {
            widest = Math.max(widest, text.of(store.laneLabel(lane)));
        }
        double most = Math.max(TimelineLayout.MIN_GUTTER, Math.min(260, width / 4));
        return Math.ceil(Math.max(TimelineLayout.MIN_GUTTER, Math.min(most, widest + 4 + LaneLayer.LABEL_PAD)));
    }

    /// Widths in the control's font.
    TextMeasure measure() {
        if (measure == null || measure.font() != font.get()) {
            measure = new TextMeasure(font.get());
        }
        return measure;
    }

    /// The invocation whose bar is under the point (within 3 pixels), -1 for none.
    public int slotAt(double x, double y) {
        EventStore s = store.get();
        TimelineLayout layout = currentLayout();
        int lane = layout.laneAt(y);
        double px = x - layout.gutter();
        if (lane < 0 || lane >= s.laneCount() || px < 0) {
            return -1;
        }
        long tolerance = (long) (3 * viewport.nsPerPixel());
        long t = viewport.timeAt(px);
        LaneIntervals intervals = s.lane(lane);
        int best = -1;
        long bestDistance = Long.MAX_VALUE;
        int to = intervals.endStartingAtOrBefore(t + tolerance);
        // An attempt's late-finish ghost counts as part of it, so a click on the ghost selects it.
        for (int i = intervals.firstEndingAtOrAfter(t - tolerance - intervals.longestLateTail()); i < to; i++) {
            long end = intervals.isOpen(i) ? s.lastTime()
                    : Math.max(intervals.end(i), s.invocations().lateEndAt(intervals.slot(i)));
            long distance = t < intervals.start(i) ? intervals.start(i) - t : Math.max(0, t - end);
            if (distance <= tolerance && distance < bestDistance) {
                bestDistance = distance;
                best = intervals.slot(i);
            }
        }
        return best;
    }

    /// The tooltip at a point: the attempt under it, else the time there (and the pool's limit then, when an
    /// adaptive limit resized it).
    String describe(double x, double y) {
        EventStore s = store.get();
        int slot = slotAt(x, y);
        if (slot < 0) {
            long t = viewport.timeAt(Math.max(0, x - currentLayout().gutter()));
            return Durations.format(t) + (PoolLimitLayer.resized(s)
                    ? "\npool limit " + s.poolSizeSeries().valueAt(t) : "");
        }
        InvocationTable inv = s.invocations();
        long end = inv.endedAt(slot) < 0 ? s.lastTime() : inv.endedAt(slot);
        return "#" + inv.id(slot) + " " + s.invocationName(slot) + " (attempt " + inv.attempt(slot) + ")\n"
                + inv.outcome(slot) + " on " + s.laneLabel(inv.lane(slot)) + ", ran "
                + Durations.format(end - inv.startedAt(slot))
                + (inv.latency(slot) >= 0 ? ", latency " + Durations.format(inv.latency(slot)) : "");
    }

    // ---- looking around

    /// Zooms by `factor` (below 1 zooms in) keeping the time under `x` (canvas pixels) in place.
    void zoomAt(double factor, double x) {
        TimelineLayout layout = currentLayout();
        double px = x - layout.gutter();
        if (px < 0) {
            return;
        }
        viewport.zoom(factor, px, dataEnd(), layout.plotWidth());
        invalidate();
    }

    /// Moves the view by `dx` pixels (dragging right shows earlier time).
    void panBy(double dx) {
        viewport.pan(dx, dataEnd(), currentLayout().plotWidth());
        invalidate();
    }

    /// Zooms by `factor` around the middle of the view (keyboard and buttons).
    public void zoom(double factor) {
        double w = currentLayout().plotWidth();
        viewport.zoom(factor, w / 2, dataEnd(), w);
        invalidate();
    }

    public void fitAll() {
        viewport.fitAll();
        invalidate();
    }

    public void followLive() {
        viewport.follow();
        invalidate();
    }

    /// Scrolls so the invocation's attempts are in view and selects it.
    public void reveal(int slot) {
        EventStore s = store.get();
        InvocationTable inv = s.invocations();
        long start = inv.submittedAt(slot);
        long end = inv.endedAt(slot) < 0 ? s.lastTime() : Math.max(inv.endedAt(slot), inv.lateEndAt(slot));
        long margin = Math.max(1_000_000, (end - start) * 2);
        viewport.show(Math.max(0, start - margin), end + margin, currentLayout().plotWidth());
        selectedSlot.set(slot);
        invalidate();
    }

    /// Highlights the invocations whose latency is in `[from, to)`; a negative `from` clears it.
    public void highlightLatency(long from, long to) {
        highlight.set(from < 0 ? Highlight.NONE : Highlight.latency(from, to, "latency "
                + Durations.format(from) + " – " + Durations.format(to)));
    }

    /// Brings the viewport up to date for a plot `plotWidth` wide: its mode (fit, follow) for the data as it is
    /// now, then the playhead kept in view. The skin calls it before each draw.
    void settleViewport(double plotWidth) {
        viewport.update(dataEnd(), plotWidth);
        if (hasPlayhead()) {
            viewport.keepInView((long) playheadTime.get(), plotWidth);
        }
    }

    private void followPlayhead() {
        if (hasPlayhead()) {
            viewport.keepInView((long) playheadTime.get(), currentLayout().plotWidth());
        }
    }

    /// Where the data ends: the last event, or the playhead if a replay has put it further.
    private long dataEnd() {
        long last = store.get().lastTime();
        return hasPlayhead() ? Math.max(last, (long) playheadTime.get()) : last;
    }

    private boolean hasPlayhead() {
        return !Double.isNaN(playheadTime.get());
    }

    /// What the skin emphasises this frame.
    TimelineMarks marks() {
        return new TimelineMarks(selectedSlot.get(), highlight.get(), store.get().lastTime(), playheadTime.get());
    }

    // ---- properties

    public Viewport viewport() {
        return viewport;
    }

    public IntegerProperty selectedSlotProperty() {
        return selectedSlot;
    }

    /// The invocations emphasised beside the selection (a histogram bucket's, a lint's).
    public ObjectProperty<Highlight> highlightProperty() {
        return highlight;
    }

    /// The theme's colours (`PaletteReader`); null until a theme gives them, and nothing is drawn until then.
    public ObjectProperty<OutcomePalette> paletteProperty() {
        return palette;
    }

    /// The replay's playhead: nanoseconds on the run's clock, NaN for none. Drawn as a line across the lanes
    /// and kept in view: when it leaves the view, the view scrolls (keeping its zoom) to bring it back.
    public DoubleProperty playheadTimeProperty() {
        return playheadTime;
    }

    /// The font of every text on the timeline; set by CSS (`-fx-font`, `-fx-font-size`), inherited from the
    /// window's so it scales with it.
    public ObjectProperty<Font> fontProperty() {
        return font;
    }

    public Font getFont() {
        return font.get();
    }

    // ---- CSS

    private static final CssMetaData<TimelineView, Font> FONT =
            new FontCssMetaData<>("-fx-font", Font.font(TimelineLayout.BASE_FONT_SIZE)) {
                @Override
                public boolean isSettable(TimelineView view) {
                    return !view.font.isBound();
                }

                @Override
                public StyleableProperty<Font> getStyleableProperty(TimelineView view) {
                    return view.font;
                }
            };

    private static final List<CssMetaData<? extends Styleable, ?>> STYLEABLES;

    static {
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(Control.getClassCssMetaData());
        all.add(FONT);
        STYLEABLES = Collections.unmodifiableList(all);
    }

    /// The CSS properties of the class: `Control`'s and `-fx-font`.
    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return STYLEABLES;
    }

    @Override
    protected List<CssMetaData<? extends Styleable, ?>> getControlCssMetaData() {
        return getClassCssMetaData();
    }
}
