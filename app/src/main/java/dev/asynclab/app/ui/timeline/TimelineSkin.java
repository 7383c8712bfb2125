package dev.asynclab.app.ui.timeline;

import javafx.animation.AnimationTimer;
import javafx.event.EventHandler;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.SkinBase;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.util.Duration;

/// The timeline's skin: owns the canvas and the layers (through `TimelineRenderer`), draws the control's state
/// into it, and turns wheel, drag, click and hover into the control's operations.
///
/// It redraws at most once per pulse and only when something changed: a property of the control or
/// `invalidate()` marks it dirty and asks for a layout pass, and the drawing happens in that pass. Appended events
/// (`appended()`) are paced by a `RepaintPace`: while they arrive pulse after pulse (a live run), the timeline is
/// redrawn at most every other pulse, the last batch always drawn; an animation timer counts the pulses, and runs
/// only while the pace needs them (a batch waits, or the last draw was a pulse ago).
final class TimelineSkin extends SkinBase<TimelineView> {

    /// A drag shorter than this many pixels is a click.
    private static final double CLICK_SLOP = 3;

    private final Canvas canvas = new Canvas();
    private final TimelineRenderer renderer = new TimelineRenderer();
    private final Tooltip tooltip = new Tooltip();
    private final RepaintPace pace = new RepaintPace(RepaintPace.LIVE_GAP);
    /// Counts pulses for the pace; it brings the pulse that draws a batch that waited.
    private final AnimationTimer pulses = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (!showing()) {
                // Off screen there are no frames to pace: what waits is drawn by the next layout pass, whenever the
                // control is laid out again (the flag set here makes that pass visit it).
                markDirty();
                stop();
                return;
            }
            if (pace.pulse()) {
                getSkinnable().requestLayout();
            }
            if (!pace.wantsPulses()) {
                stop();
            }
        }
    };
    private DrawStats lastStats = DrawStats.NONE;
    private long drawCount;
    private long drawnEvents = -1;
    private double pressX;
    private double lastDragX;
    private boolean dragged;

    private final EventHandler<ScrollEvent> onScroll = this::scrolled;
    private final EventHandler<MouseEvent> onPress = this::pressed;
    private final EventHandler<MouseEvent> onDrag = this::dragged;
    private final EventHandler<MouseEvent> onClick = this::clicked;
    private final EventHandler<MouseEvent> onMove = e -> tooltip.setText(getSkinnable().describe(e.getX(), e.getY()));

    TimelineSkin(TimelineView control) {
        super(control);
        getChildren().add(canvas);
        tooltip.setShowDelay(Duration.millis(150));
        Tooltip.install(control, tooltip);
        control.addEventHandler(ScrollEvent.SCROLL, onScroll);
        control.addEventHandler(MouseEvent.MOUSE_PRESSED, onPress);
        control.addEventHandler(MouseEvent.MOUSE_DRAGGED, onDrag);
        control.addEventHandler(MouseEvent.MOUSE_CLICKED, onClick);
        control.addEventHandler(MouseEvent.MOUSE_MOVED, onMove);
        registerChangeListener(control.storeProperty(), o -> markDirty());
        registerChangeListener(control.selectedSlotProperty(), o -> markDirty());
        registerChangeListener(control.highlightProperty(), o -> markDirty());
        registerChangeListener(control.paletteProperty(), o -> markDirty());
        registerChangeListener(control.playheadTimeProperty(), o -> markDirty());
        registerChangeListener(control.fontProperty(), o -> markDirty());
    }

    /// Redraw in the next layout pass.
    void markDirty() {
        pace.changed();
        getSkinnable().requestLayout();
    }

    /// Events were appended: redraw in this pulse's layout pass, or in a later pulse's while they keep coming.
    void appended() {
        if (!showing()) {
            markDirty(); // not on screen: no frames to pace, drawn by the next layout as before
            return;
        }
        if (pace.appended()) {
            getSkinnable().requestLayout();
        }
        followPace();
    }

    private void followPace() {
        if (pace.wantsPulses() && showing()) {
            pulses.start(); // nothing if it runs
        }
    }

    private boolean showing() {
        var scene = getSkinnable().getScene();
        return scene != null && scene.getWindow() != null && scene.getWindow().isShowing();
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        double width = snapSizeX(w);
        double height = snapSizeY(h);
        canvas.relocate(x, y);
        if (canvas.getWidth() != width || canvas.getHeight() != height) {
            canvas.setWidth(width);
            canvas.setHeight(height);
            pace.changed();
        }
        if (pace.drawNow()) {
            redraw();
        } else {
            followPace(); // a batch waits (the control may be back on screen): the timer brings its pulse
        }
    }

    /// Draws now; nothing (a cleared canvas) until the control has a palette.
    DrawStats redraw() {
        TimelineView c = getSkinnable();
        OutcomePalette palette = c.paletteProperty().get();
        if (palette == null) {
            pace.drew();
            canvas.getGraphicsContext2D().clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
            lastStats = DrawStats.NONE;
            return lastStats;
        }
        TimelineLayout layout = c.layoutFor(canvas.getWidth(), canvas.getHeight());
        c.settleViewport(layout.plotWidth());
        lastStats = renderer.draw(canvas.getGraphicsContext2D(), layout, c.store(), c.viewport(), palette,
                c.marks(), c.measure());
        pace.drew();
        followPace();
        drawCount++;
        drawnEvents = c.store().size();
        return lastStats;
    }

    Canvas canvas() {
        return canvas;
    }

    long drawCount() {
        return drawCount;
    }

    /// The store's size when the timeline was last drawn.
    long drawnEvents() {
        return drawnEvents;
    }

    /// Appended batches that waited for a batch already waiting: repaints the pace saved.
    long heldCount() {
        return pace.held();
    }

    DrawStats lastStats() {
        return lastStats;
    }

    private void scrolled(ScrollEvent e) {
        if (e.getDeltaY() == 0 || e.getX() < getSkinnable().currentLayout().gutter()) {
            return;
        }
        getSkinnable().zoomAt(Math.pow(1.0025, -e.getDeltaY()), e.getX());
        e.consume();
    }

    private void pressed(MouseEvent e) {
        pressX = e.getX();
        lastDragX = e.getX();
        dragged = false;
        getSkinnable().requestFocus();
    }

    private void dragged(MouseEvent e) {
        if (Math.abs(e.getX() - pressX) > CLICK_SLOP) {
            dragged = true;
        }
        if (dragged) {
            getSkinnable().panBy(e.getX() - lastDragX);
            lastDragX = e.getX();
        }
    }

    private void clicked(MouseEvent e) {
        if (dragged || e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        getSkinnable().selectedSlotProperty().set(getSkinnable().slotAt(e.getX(), e.getY()));
    }

    @Override
    public void dispose() {
        TimelineView c = getSkinnable();
        if (c == null) {
            return;
        }
        c.removeEventHandler(ScrollEvent.SCROLL, onScroll);
        c.removeEventHandler(MouseEvent.MOUSE_PRESSED, onPress);
        c.removeEventHandler(MouseEvent.MOUSE_DRAGGED, onDrag);
        c.removeEventHandler(MouseEvent.MOUSE_CLICKED, onClick);
        c.removeEventHandler(MouseEvent.MOUSE_MOVED, onMove);
        pulses.stop();
        Tooltip.uninstall(c, tooltip);
        unregisterChangeListeners(c.storeProperty());
        unregisterChangeListeners(c.selectedSlotProperty());
        unregisterChangeListeners(c.highlightProperty());
        unregisterChangeListeners(c.paletteProperty());
        unregisterChangeListeners(c.playheadTimeProperty());
        unregisterChangeListeners(c.fontProperty());
        getChildren().remove(canvas); // the children are the control's: a next skin brings its own canvas
        super.dispose();
    }
}
