package dev.asynclab.app.ui.timeline;

import dev.asynclab.app.store.EventStore;
import dev.asynclab.app.ui.theme.PaletteReader;
import dev.asynclab.app.ui.theme.Theme;
import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import javafx.scene.canvas.Canvas;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/// The pool's limit over time: which spans (and so which shaded lanes) a sequence of POOL_RESIZED events gives,
/// and that they reach the canvas in the theme's colours.
class PoolLimitLayerTest {

    private static final long MS = 1_000_000;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    /// A pool of 4 on five lanes (w0–w4 each ran a short call at the start), resized to 2 at 10 ms, 6 at 20 ms,
    /// 1 at 30 ms; the run's last call ends at 40 ms.
    private static EventStore resized() {
        List<Event> events = new ArrayList<>();
        events.add(Event.runStarted("limits", "simulated", 1, 4).withSeqAndTime(0, 0));
        for (int lane = 0; lane < 5; lane++) {
            events.add(call(EventType.STARTED, lane + 1, lane, events.size(), lane * 100_000L));
            events.add(call(EventType.SUCCEEDED, lane + 1, lane, events.size(), lane * 100_000L + 50_000));
        }
        events.add(resize(events.size(), 10 * MS, 2));
        events.add(resize(events.size(), 20 * MS, 6));
        events.add(resize(events.size(), 30 * MS, 1));
        events.add(call(EventType.STARTED, 6, 0, events.size(), 39 * MS));
        events.add(call(EventType.SUCCEEDED, 6, 0, events.size(), 40 * MS));
        EventStore store = new EventStore();
        store.appendAll(events);
        return store;
    }

    private static Event call(EventType type, long id, int lane, long seq, long t) {
        return Event.of(type, id, 1, 0, "call").withWorker("w" + lane).withSeqAndTime(seq, t);
    }

    private static Event resize(long seq, long t, int limit) {
        return Event.of(EventType.POOL_RESIZED, 0, 0, 0, "pool").withValue(Integer.toString(limit))
                .withSeqAndTime(seq, t);
    }

    @Test
    void eachResizeStartsASpanThatLastsToTheNextOrTheLiveEdge() {
        EventStore store = resized();
        assertThat(PoolLimitLayer.resized(store)).isTrue();
        assertThat(PoolLimitLayer.spans(store.poolSizeSeries(), 0, 100 * MS, store.lastTime())).containsExactly(
                new PoolLimitLayer.Span(0, 10 * MS, 4),
                new PoolLimitLayer.Span(10 * MS, 20 * MS, 2),
                new PoolLimitLayer.Span(20 * MS, 30 * MS, 6),
                new PoolLimitLayer.Span(30 * MS, 40 * MS, 1));
    }

    @Test
    void theShadedLanesAreThoseAtAndPastTheLimitAndNoneWhenTheLimitExceedsTheLanes() {
        var spans = PoolLimitLayer.spans(resized().poolSizeSeries(), 0, 100 * MS, 40 * MS);
        assertThat(spans.stream().map(s -> s.firstIdleLane(5)).toList()).containsExactly(4, 2, 5, 1);
    }

    @Test
    void aViewSeesOnlyTheSpansInItClippedToIt() {
        var spans = PoolLimitLayer.spans(resized().poolSizeSeries(), 15 * MS, 25 * MS, 40 * MS);
        assertThat(spans).containsExactly(
                new PoolLimitLayer.Span(15 * MS, 20 * MS, 2),
                new PoolLimitLayer.Span(20 * MS, 25 * MS, 6));
    }

    @Test
    void aFixedPoolHasNoLimitLayer() throws Exception {
        EventStore store = new EventStore();
        store.appendAll(List.of(Event.runStarted("fixed", "simulated", 1, 4).withSeqAndTime(0, 0),
                Event.of(EventType.STARTED, 1, 1, 0, "call").withWorker("w0").withSeqAndTime(1, MS)));
        assertThat(PoolLimitLayer.resized(store)).isFalse();
        assertThat(draw(store).stats().limitSpans()).isZero();
    }

    @Test
    void lanesAboveTheLimitAreShadedOnlyWhileTheyAreWithALineAtTheLimit() throws Exception {
        EventStore store = resized();
        Drawn d = draw(store);
        assertThat(d.stats().limitSpans()).isPositive();
        // Limits: 4 until 10 ms, 2 until 20 ms, 6 until 30 ms, then 1. A lane is compared with itself at
        // another time (the lanes are striped alternately).
        assertThat(d.at(15 * MS, 3)).as("lane 3 under a limit of 2").isNotEqualTo(d.at(25 * MS, 3));
        assertThat(brightness(d.at(15 * MS, 3))).as("the shade darkens").isLessThan(brightness(d.at(25 * MS, 3)));
        assertThat(d.at(5 * MS, 3)).as("lane 3 under a limit of 4 serves").isEqualTo(d.at(25 * MS, 3));
        assertThat(d.at(5 * MS, 4)).as("lane 4 under a limit of 4 does not").isNotEqualTo(d.at(25 * MS, 4));
        assertThat(d.at(35 * MS, 1)).as("lane 1 under a limit of 1").isNotEqualTo(d.at(25 * MS, 1));
        assertThat(d.at(35 * MS, 0)).as("lane 0 always serves").isEqualTo(d.at(25 * MS, 0));
        // The step line in the gap above the first lane out of service.
        Color line = d.pixels().getColor((int) d.layout().x(d.view().xOf(15 * MS)), (int) d.layout().laneTop(2) - 1);
        assertThat(line).isEqualTo(d.limit());
    }

    private static double brightness(Color c) {
        return c.getRed() + c.getGreen() + c.getBlue();
    }

    private record Drawn(DrawStats stats, javafx.scene.image.PixelReader pixels, TimelineLayout layout,
                         Viewport view, Color limit) {

        /// The colour in the middle of `lane` at time `t`, off the bars (those are in the first 0.5 ms and the
        /// last one).
        Color at(long t, int lane) {
            return pixels.getColor((int) layout.x(view.xOf(t)), (int) (layout.laneTop(lane) + layout.laneHeight() / 2));
        }
    }

    private static Drawn draw(EventStore store) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            OutcomePalette palette = PaletteReader.read(Theme.LIGHT);
            TimelineLayout layout = new TimelineLayout(900, 400, store.laneCount());
            Viewport view = new Viewport();
            view.show(0, 50 * MS, layout.plotWidth());
            Canvas canvas = new Canvas(900, 400);
            DrawStats stats = new TimelineRenderer().draw(canvas.getGraphicsContext2D(), layout, store, view,
                    palette, TimelineMarks.NONE);
            return new Drawn(stats, canvas.snapshot(null, null).getPixelReader(), layout, view,
                    palette.color(TimelineColor.POOL_LIMIT));
        }).get();
    }
}
