package dev.asynclab.app.ui.timeline;

import dev.asynclab.app.store.EventStore;
import dev.asynclab.app.store.InvocationTable;
import dev.asynclab.app.store.LaneIntervals;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/// The timeline control: a canvas that draws the store, zooms with the wheel around the pointer, pans by
/// dragging, follows the live edge until scrolled back, shows a tooltip on hover and selects on click.
///
/// It redraws at most once per pulse and only when something changed: `invalidate()` marks it dirty and asks
/// for a layout pass, and the drawing happens in that pass.
///
/// ```java
/// TimelineView timeline = new TimelineView(store);
/// timeline.selectedSlotProperty().addListener((o, was, now) -> details.show(now.intValue()));
/// timeline.invalidate();   // after appending events
/// ```
public final class TimelineView extends Region {

    public static final String STYLE_CLASS = "timeline";

    private final Canvas canvas = new Canvas();
    private final TimelineRenderer renderer = new TimelineRenderer();
    private final Viewport viewport = new Viewport();
    private final IntegerProperty selectedSlot = new SimpleIntegerProperty(this, "selectedSlot", -1);
    private final ObjectProperty<OutcomePalette> palette =
            new SimpleObjectProperty<>(this, "palette", OutcomePalette.defaults());
    private final Tooltip tooltip = new Tooltip();
    private EventStore store;
    private final ObjectProperty<Highlight> highlight = new SimpleObjectProperty<>(this, "highlight", Highlight.NONE);
    private boolean dirty = true;
    private long drawCount;
    private DrawStats lastStats = DrawStats.NONE;
    private double pressX;
    private double lastDragX;
    private boolean dragged;

    /// An empty timeline (FXML makes it so); `setStore` gives it events.
    public TimelineView() {
        this(new EventStore());
    }

    public TimelineView(EventStore store) {
        this.store = store;
        getStyleClass().add(STYLE_CLASS);
        getChildren().add(canvas);
        setFocusTraversable(true);
        setMinSize(200, 120);
        tooltip.setShowDelay(Duration.millis(150));
        Tooltip.install(this, tooltip);
        selectedSlot.addListener((o, was, now) -> invalidate());
        palette.addListener((o, was, now) -> invalidate());
        highlight.addListener((o, was, now) -> invalidate());
        addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            pressX = e.getX();
            lastDragX = e.getX();
            dragged = false;
            requestFocus();
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDrag);
        addEventHandler(MouseEvent.MOUSE_CLICKED, this::onClick);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> tooltip.setText(describe(e.getX(), e.getY())));
    }

    /// Shows another store (a new run or log) from the start.
    public void setStore(EventStore store) {
        this.store = store;
        selectedSlot.set(-1);
        viewport.fitAll();
        invalidate();
    }

    /// Marks the view dirty; it redraws in the next pulse.
    public void invalidate() {
        dirty = true;
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            dirty = true;
        }
        if (dirty) {
            redraw();
        }
    }

    /// Draws now (the pulse does this when dirty; benchmarks and tests call it directly).
    public DrawStats redraw() {
        dirty = false;
        TimelineLayout layout = canvasLayout();
        viewport.update(store.lastTime(), layout.plotWidth());
        lastStats = renderer.draw(canvas.getGraphicsContext2D(), layout, store, viewport, palette.get(),
                new TimelineMarks(selectedSlot.get(), highlight.get(), store.lastTime()));
        drawCount++;
        return lastStats;
    }

    private TimelineLayout canvasLayout() {
        return new TimelineLayout(canvas.getWidth(), canvas.getHeight(), store.laneCount());
    }

    private void onScroll(ScrollEvent e) {
        double x = e.getX() - TimelineLayout.GUTTER;
        if (x < 0 || e.getDeltaY() == 0) {
            return;
        }
        viewport.zoom(Math.pow(1.0025, -e.getDeltaY()), x, store.lastTime(), canvasLayout().plotWidth());
        invalidate();
        e.consume();
    }

    private void onDrag(MouseEvent e) {
        if (Math.abs(e.getX() - pressX) > 3) {
            dragged = true;
        }
        if (dragged) {
            viewport.pan(e.getX() - lastDragX, store.lastTime(), canvasLayout().plotWidth());
            lastDragX = e.getX();
            invalidate();
        }
    }

    private void onClick(MouseEvent e) {
        if (dragged || e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        selectedSlot.set(slotAt(e.getX(), e.getY()));
    }

    /// The invocation whose bar is under the point (within 3 pixels), -1 for none.
    public int slotAt(double x, double y) {
        TimelineLayout layout = canvasLayout();
        int lane = layout.laneAt(y);
        double px = x - TimelineLayout.GUTTER;
        if (lane < 0 || lane >= store.laneCount() || px < 0) {
            return -1;
        }
        long tolerance = (long) (3 * viewport.nsPerPixel());
        long t = viewport.timeAt(px);
        LaneIntervals intervals = store.lane(lane);
        int best = -1;
        long bestDistance = Long.MAX_VALUE;
        int to = intervals.endStartingAtOrBefore(t + tolerance);
        // An attempt's late-finish ghost counts as part of it, so a click on the ghost selects it.
        for (int i = intervals.firstEndingAtOrAfter(t - tolerance - intervals.longestLateTail()); i < to; i++) {
            long end = intervals.isOpen(i) ? store.lastTime()
                    : Math.max(intervals.end(i), store.invocations().lateEndAt(intervals.slot(i)));
            long distance = t < intervals.start(i) ? intervals.start(i) - t : Math.max(0, t - end);
            if (distance <= tolerance && distance < bestDistance) {
                bestDistance = distance;
                best = intervals.slot(i);
            }
        }
        return best;
    }

    private String describe(double x, double y) {
        int slot = slotAt(x, y);
        if (slot < 0) {
            return dev.asynclab.app.ui.format.Durations.format(viewport.timeAt(Math.max(0, x - TimelineLayout.GUTTER)));
        }
        InvocationTable inv = store.invocations();
        long end = inv.endedAt(slot) < 0 ? store.lastTime() : inv.endedAt(slot);
        return "#" + inv.id(slot) + " " + store.invocationName(slot) + " (attempt " + inv.attempt(slot) + ")\n"
                + inv.outcome(slot) + " on " + store.laneNames().get(inv.lane(slot)) + ", ran "
                + dev.asynclab.app.ui.format.Durations.format(end - inv.startedAt(slot))
                + (inv.latency(slot) >= 0 ? ", latency " + dev.asynclab.app.ui.format.Durations.format(inv.latency(slot)) : "");
    }

    /// Highlights the invocations whose latency is in `[from, to)`; a negative `from` clears it.
    public void highlightLatency(long from, long to) {
        highlight.set(from < 0 ? Highlight.NONE : Highlight.latency(from, to, "latency "
                + dev.asynclab.app.ui.format.Durations.format(from) + " – "
                + dev.asynclab.app.ui.format.Durations.format(to)));
    }

    /// The invocations emphasised beside the selection (a histogram bucket's, a lint's).
    public ObjectProperty<Highlight> highlightProperty() {
        return highlight;
    }

    /// Scrolls so the invocation's attempts are in view and selects it.
    public void reveal(int slot) {
        InvocationTable inv = store.invocations();
        long start = inv.submittedAt(slot);
        long end = inv.endedAt(slot) < 0 ? store.lastTime() : Math.max(inv.endedAt(slot), inv.lateEndAt(slot));
        long margin = Math.max(1_000_000, (end - start) * 2);
        viewport.show(Math.max(0, start - margin), end + margin, canvasLayout().plotWidth());
        selectedSlot.set(slot);
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

    /// Zooms by `factor` around the middle of the view (keyboard and buttons).
    public void zoom(double factor) {
        double w = canvasLayout().plotWidth();
        viewport.zoom(factor, w / 2, store.lastTime(), w);
        invalidate();
    }

    /// The timeline drawn into an image: as it is in view, or (`whole`) fitted to the whole run; the view is left
    /// as it was.
    public javafx.scene.image.WritableImage snapshotImage(boolean whole) {
        Viewport.State before = viewport.state();
        if (whole) {
            viewport.fitAll();
        }
        redraw();
        javafx.scene.image.WritableImage image = canvas.snapshot(null, null);
        if (whole) {
            viewport.restore(before);
            redraw();
        }
        return image;
    }

    /// The store drawn now.
    public EventStore store() {
        return store;
    }

    public Viewport viewport() {
        return viewport;
    }

    public Canvas canvas() {
        return canvas;
    }

    public IntegerProperty selectedSlotProperty() {
        return selectedSlot;
    }

    public ObjectProperty<OutcomePalette> paletteProperty() {
        return palette;
    }

    /// How many times it has drawn: with `lastStats()`, what tests and benchmarks look at.
    public long drawCount() {
        return drawCount;
    }

    public DrawStats lastStats() {
        return lastStats;
    }
}
