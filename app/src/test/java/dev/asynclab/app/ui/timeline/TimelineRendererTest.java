package dev.asynclab.app.ui.timeline;

import dev.asynclab.app.store.EventStore;
import dev.asynclab.app.ui.theme.PaletteReader;
import dev.asynclab.app.ui.theme.Theme;
import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import javafx.scene.canvas.Canvas;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineRendererTest {

    // Microseconds: fine enough that the view draws attempts one by one, not the per-lane summary.
    private static final long US = 1_000;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    /// A call timed out at 1 µs but really returned at 40 µs; a second call ran on the same worker later.
    private static EventStore lateFinish() {
        EventStore store = new EventStore();
        store.appendAll(List.of(
                at(0, 0, EventType.STARTED, 1),
                at(1, US, EventType.TIMED_OUT, 1),
                at(2, 40 * US, EventType.LATE_FINISH, 1),
                at(3, 50 * US, EventType.STARTED, 2),
                at(4, 60 * US, EventType.SUCCEEDED, 2)));
        return store;
    }

    private static Event at(long seq, long t, EventType type, long id) {
        return Event.of(type, id, 1, 0, "fetch").withWorker("w0").withSeqAndTime(seq, t);
    }

    @Test
    void aGhostReachesIntoAViewThatStartsAfterItsAttemptEnded() throws Exception {
        // The view shows 10–30 µs: the attempt (0–1 µs) is wholly left of it, its ghost (1–40 µs) crosses it.
        DrawStats stats = draw(lateFinish(), 10 * US, 30 * US);
        assertThat(stats.ghosts()).isEqualTo(1);
        assertThat(stats.bars() + stats.binned()).isZero();
    }

    @Test
    void aGhostThatEndedBeforeTheViewIsNotDrawn() throws Exception {
        DrawStats stats = draw(lateFinish(), 45 * US, 65 * US);
        assertThat(stats.ghosts()).isZero();
        assertThat(stats.bars()).isEqualTo(1); // the second call
    }

    @Test
    void aGhostAndItsAttemptBothInViewAreDrawnOnce() throws Exception {
        DrawStats stats = draw(lateFinish(), 0, 70 * US);
        assertThat(stats.ghosts()).isEqualTo(1);
    }

    @Test
    void aCircuitBreakerShowsAsABandAboveTheWorkerLanesInTheColourOfItsState() throws Exception {
        EventStore store = lateFinish();
        store.appendAll(List.of(
                Event.of(EventType.CIRCUIT_OPENED, 0, 0, 0, "db").withSeqAndTime(5, 60 * US),
                Event.of(EventType.CIRCUIT_HALF_OPENED, 0, 0, 0, "db").withSeqAndTime(6, 80 * US),
                Event.of(EventType.SUBMITTED, 3, 1, 0, "fetch").withSeqAndTime(7, 100 * US)));
        OutcomePalette palette = WaitForAsyncUtils.asyncFx(() -> PaletteReader.read(Theme.LIGHT)).get();
        var pixels = WaitForAsyncUtils.asyncFx(() -> {
            TimelineLayout layout = new TimelineLayout(900, 300, store.laneCount());
            Viewport view = new Viewport();
            view.show(0, 100 * US, layout.plotWidth());
            Canvas canvas = new Canvas(900, 300);
            new TimelineRenderer().draw(canvas.getGraphicsContext2D(), layout, store, view, palette,
                    TimelineMarks.NONE);
            double y = layout.laneTop(0) - BreakerBandLayer.HEIGHT / 2;
            var reader = canvas.snapshot(null, null).getPixelReader();
            return new javafx.scene.paint.Color[] {
                reader.getColor((int) layout.x(view.xOf(30 * US)), (int) y),
                reader.getColor((int) layout.x(view.xOf(70 * US)), (int) y),
                reader.getColor((int) layout.x(view.xOf(90 * US)), (int) y)};
        }).get();
        assertThat(pixels[1]).isEqualTo(palette.policy(PolicyMark.CIRCUIT_OPEN));
        assertThat(pixels[2]).isEqualTo(palette.policy(PolicyMark.CIRCUIT_HALF_OPEN));
        assertThat(pixels[0]).isNotEqualTo(pixels[1]).isNotEqualTo(pixels[2]); // closed: its own, faint colour
    }

    private static DrawStats draw(EventStore store, long t0, long t1) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            TimelineLayout layout = new TimelineLayout(900, 300, store.laneCount());
            Viewport view = new Viewport();
            view.show(t0, t1, layout.plotWidth());
            Canvas canvas = new Canvas(900, 300);
            return new TimelineRenderer().draw(canvas.getGraphicsContext2D(), layout, store, view,
                    PaletteReader.read(Theme.LIGHT), TimelineMarks.NONE);
        }).get();
    }
}
