package dev.asynclab.app.ui.timeline;

import dev.asynclab.app.store.EventStore;
import dev.asynclab.app.ui.theme.PaletteReader;
import dev.asynclab.app.ui.theme.Theme;
import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/// The control and its skin: the control holds the state and works without a skin; the skin only draws it (a
/// new skin draws the same); the font comes from CSS and follows the window's; bars and lanes say their names;
/// the playhead is drawn and kept in view.
class TimelineViewTest {

    // Microseconds: a run this short is drawn attempt by attempt (not from the per-lane summary) at any zoom
    // that shows all of it.
    private static final long US = 1_000;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    /// Two workers: w0 ran only `fetch-user` (a failed first attempt, then a second), w1 ran `a` and `b`.
    private static EventStore twoLanes() {
        List<Event> events = new ArrayList<>();
        events.add(call(EventType.STARTED, 1, 1, "fetch-user", "w0", 0, events.size()));
        events.add(call(EventType.FAILED, 1, 1, "fetch-user", "w0", 40 * US, events.size()));
        events.add(call(EventType.STARTED, 2, 1, "a", "w1", 0, events.size()));
        events.add(call(EventType.STARTED, 3, 2, "fetch-user", "w0", 50 * US, events.size()));
        events.add(call(EventType.SUCCEEDED, 2, 1, "a", "w1", 60 * US, events.size()));
        events.add(call(EventType.STARTED, 4, 1, "b", "w1", 61 * US, events.size()));
        events.add(call(EventType.SUCCEEDED, 3, 2, "fetch-user", "w0", 90 * US, events.size()));
        events.add(call(EventType.SUCCEEDED, 4, 1, "b", "w1", 100 * US, events.size()));
        EventStore store = new EventStore();
        store.appendAll(events);
        return store;
    }

    private static Event call(EventType type, long id, int attempt, String name, String worker, long t, long seq) {
        return Event.of(type, id, attempt, 0, name).withWorker(worker).withSeqAndTime(seq, t);
    }

    /// The control in a scene styled as the app's light theme, laid out at `width` x `height`.
    private static TimelineView shown(EventStore store, double width, double height, String rootStyle)
            throws Exception {
        return onFx(() -> {
            TimelineView view = new TimelineView(store);
            StackPane root = new StackPane(view);
            root.setStyle(rootStyle);
            Scene scene = new Scene(root, width, height);
            scene.setUserAgentStylesheet(Theme.LIGHT.userAgentStylesheet());
            scene.getStylesheets().add(Theme.APP_CSS);
            root.applyCss();
            root.layout();
            view.paletteProperty().set(PaletteReader.read(root));
            root.layout();
            return view;
        });
    }

    @Test
    void theControlHoldsItsStateWithoutASkin() throws Exception {
        EventStore store = twoLanes();
        onFx(() -> {
            TimelineView view = new TimelineView(store);
            view.resize(900, 300);
            assertThat(view.getSkin()).isNull();
            assertThat(view.redraw()).isEqualTo(DrawStats.NONE);
            assertThat(view.canvas()).isNull();
            view.selectedSlotProperty().set(2);
            view.viewport().show(0, 10 * US, view.currentLayout().plotWidth());
            view.zoom(0.5);
            assertThat(view.viewport().end(view.currentLayout().plotWidth()) - view.viewport().start())
                    .isCloseTo(5 * US, within(US / 100));
            // Hit-testing is the control's: the second attempt's bar, in lane 0 at 70 ms.
            view.viewport().show(0, 100 * US, view.currentLayout().plotWidth());
            TimelineLayout layout = view.currentLayout();
            assertThat(view.slotAt(layout.x(view.viewport().xOf(70 * US)), layout.laneTop(0) + 5))
                    .isEqualTo(store.invocationSlot(3));
            return null;
        });
    }

    @Test
    void aNewSkinDrawsTheSamePictureFromTheControlsState() throws Exception {
        TimelineView view = shown(twoLanes(), 900, 300, "");
        var first = onFx(() -> {
            view.selectedSlotProperty().set(1);
            view.viewport().show(0, 100 * US, view.currentLayout().plotWidth());
            view.redraw();
            return pixels(view);
        });
        var second = onFx(() -> {
            view.setSkin(new TimelineSkin(view));
            view.requestLayout();
            view.getParent().layout();
            view.redraw();
            return pixels(view);
        });
        assertThat(view.drawCount()).isPositive();
        assertThat(second).isEqualTo(first);
        assertThat(view.selectedSlotProperty().get()).isEqualTo(1);
    }

    private static List<Color> pixels(TimelineView view) {
        PixelReader r = view.canvas().snapshot(null, null).getPixelReader();
        List<Color> sample = new ArrayList<>();
        for (int y = 0; y < 300; y += 7) {
            for (int x = 0; x < 900; x += 11) {
                sample.add(r.getColor(x, y));
            }
        }
        return sample;
    }

    @Test
    void theFontComesFromCssAndFollowsTheWindowsFontSize() throws Exception {
        TimelineView normal = shown(twoLanes(), 900, 400, "-fx-font-size: 13px;");
        TimelineView presenter = shown(twoLanes(), 900, 400, "-fx-font-size: 26px;");
        assertThat(normal.getFont().getSize()).isCloseTo(13 * 0.85, within(0.1));
        assertThat(presenter.getFont().getSize()).isCloseTo(26 * 0.85, within(0.1));
        TimelineLayout small = onFx(normal::currentLayout);
        TimelineLayout large = onFx(presenter::currentLayout);
        assertThat(large.axis()).isGreaterThan(small.axis());
        assertThat(large.queue()).isGreaterThan(small.queue());
        assertThat(large.gutter()).isGreaterThan(small.gutter());
    }

    @Test
    void aLaneThatServesOneNameSaysSoAndTheGutterMakesRoomForIt() throws Exception {
        EventStore store = twoLanes();
        assertThat(store.laneLabel(0)).isEqualTo("w0 · fetch-user");
        assertThat(store.laneLabel(1)).isEqualTo("w1");
        TimelineView view = shown(store, 900, 300, "");
        double gutter = onFx(() -> view.currentLayout().gutter());
        double label = onFx(() -> view.measure().of("w0 · fetch-user"));
        assertThat(gutter).isGreaterThan(TimelineLayout.MIN_GUTTER).isGreaterThanOrEqualTo(label);
    }

    @Test
    void wideBarsCarryTheirLabelsAndThinLanesNone() throws Exception {
        TimelineView tall = shown(twoLanes(), 900, 300, "");
        DrawStats stats = onFx(() -> {
            tall.viewport().show(0, 100 * US, tall.currentLayout().plotWidth());
            return tall.redraw();
        });
        // Four attempts, each tens of pixels wide, in lanes of 28 px.
        assertThat(stats.bars()).isEqualTo(4);
        assertThat(stats.labels()).isEqualTo(4);
        // Zoomed out until an attempt is a pixel or two: no room for text.
        DrawStats zoomedOut = onFx(() -> {
            tall.viewport().show(0, 20_000 * US, tall.currentLayout().plotWidth());
            return tall.redraw();
        });
        assertThat(zoomedOut.labels()).isZero();
        // 140 px: lanes too thin for a line of text.
        TimelineView thin = shown(twoLanes(), 900, 140, "-fx-font-size: 26px;");
        DrawStats thinStats = onFx(() -> {
            thin.viewport().show(0, 100 * US, thin.currentLayout().plotWidth());
            return thin.redraw();
        });
        assertThat(thinStats.bars()).isEqualTo(4);
        assertThat(thinStats.labels()).isZero();
        // Lanes too thin to be named leave no room for their names.
        assertThat(onFx(() -> thin.currentLayout().gutter()))
                .isLessThan(onFx(() -> thin.measure().of("w0 · fetch-user")));
    }

    @Test
    void thePlayheadIsALineAtItsTimeAndTheViewFollowsItOutOfView() throws Exception {
        TimelineView view = shown(twoLanes(), 900, 300, "");
        Color playhead = onFx(() -> view.paletteProperty().get().color(TimelineColor.PLAYHEAD));
        Color drawn = onFx(() -> {
            view.viewport().show(0, 100 * US, view.currentLayout().plotWidth());
            view.playheadTimeProperty().set(30 * US);
            view.redraw();
            TimelineLayout layout = view.currentLayout();
            double x = Math.floor(layout.x(view.viewport().xOf(30 * US)));
            return view.canvas().snapshot(null, null).getPixelReader().getColor((int) x - 1,
                    (int) layout.laneTop(1) + 3);
        });
        assertThat(drawn).isEqualTo(playhead);
        onFx(() -> {
            double w = view.currentLayout().plotWidth();
            view.viewport().show(0, 20 * US, w);
            view.playheadTimeProperty().set(70 * US);
            // Past the right edge: the view scrolls, keeping its zoom, the playhead a tenth from the left.
            assertThat(view.viewport().start()).isCloseTo(68 * US, within(US / 10));
            assertThat(view.viewport().end(w) - view.viewport().start()).isCloseTo(20 * US, within(US / 10));
            view.playheadTimeProperty().set(50 * US);
            // Before the left edge (a step back): a tenth from the right.
            assertThat(view.viewport().end(w)).isCloseTo(52 * US, within(US / 10));
            view.playheadTimeProperty().set(45 * US);
            assertThat(view.viewport().end(w)).as("in view: nothing moves").isCloseTo(52 * US, within(US / 10));
            return null;
        });
    }

    @Test
    void aRewoundStoreUnderAPlayheadKeepsTheViewAndANewOneWithoutFitsAll() throws Exception {
        TimelineView view = shown(twoLanes(), 900, 300, "");
        onFx(() -> {
            view.viewport().show(0, 20 * US, view.currentLayout().plotWidth());
            view.playheadTimeProperty().set(10 * US);
            view.setStore(twoLanes());
            assertThat(view.viewport().mode()).isEqualTo(Viewport.Mode.FREE);
            view.playheadTimeProperty().set(Double.NaN);
            view.setStore(twoLanes());
            assertThat(view.viewport().mode()).isEqualTo(Viewport.Mode.FIT);
            return null;
        });
    }

    /// A live run's batches, one a pulse from an animation timer into a shown window: the timeline is drawn at
    /// most every other pulse while they come, and once they stop it shows every event (the last batch drawn);
    /// a zoom among them is drawn in its pulse.
    @Test
    void batchesArrivingPulseAfterPulseAreDrawnEveryOtherPulseAndTheLastIsDrawn() throws Exception {
        final int batches = 40;
        EventStore store = new EventStore();
        TimelineView view = onFx(() -> {
            TimelineView v = new TimelineView(store);
            StackPane root = new StackPane(v);
            Scene scene = new Scene(root, 900, 300);
            scene.setUserAgentStylesheet(Theme.LIGHT.userAgentStylesheet());
            scene.getStylesheets().add(Theme.APP_CSS);
            var stage = FxToolkit.registerPrimaryStage();
            stage.setScene(scene);
            stage.show();
            root.applyCss();
            v.paletteProperty().set(PaletteReader.read(root));
            root.layout();
            return v;
        });
        long[] drawsAt = new long[3];
        var done = new java.util.concurrent.CountDownLatch(1);
        var feed = new javafx.animation.AnimationTimer() {
            int pulse;

            @Override
            public void handle(long now) {
                if (pulse == 0) {
                    drawsAt[0] = view.drawCount();
                }
                if (pulse < batches) {
                    long id = pulse + 1;
                    store.appendAll(List.of(call(EventType.STARTED, id, 1, "a", "w" + (id % 3), id * 10 * US,
                                    2 * id), call(EventType.SUCCEEDED, id, 1, "a", "w" + (id % 3),
                                    id * 10 * US + 5 * US, 2 * id + 1)));
                    view.appended();
                } else if (pulse == batches) {
                    drawsAt[1] = view.drawCount(); // the draws of pulses 0 .. batches - 1
                } else if (pulse == batches + 4) {
                    drawsAt[2] = view.drawCount();
                    stop();
                    done.countDown();
                }
                pulse++;
            }
        };
        onFx(() -> {
            feed.start();
            return null;
        });
        assertThat(done.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        long whileComing = drawsAt[1] - drawsAt[0];
        assertThat(whileComing).isPositive().isLessThanOrEqualTo(batches / 2);
        assertThat(onFx(view::heldBatches)).isGreaterThanOrEqualTo(batches / 2 - 1);
        assertThat(onFx(view::drawnEvents)).isEqualTo(store.size()).isEqualTo(2L * batches);

        // Between two pulses: a batch after the quiet pulses is drawn at once, a second one waits for a later
        // pulse, a zoom is drawn at once.
        long[] drawn = onFx(() -> {
            long d0 = view.drawCount();
            view.appended();
            view.getParent().layout();
            long d1 = view.drawCount();
            view.appended();
            view.getParent().layout();
            long d2 = view.drawCount();
            view.zoom(0.5);
            view.getParent().layout();
            return new long[] {d1 - d0, d2 - d1, view.drawCount() - d2};
        });
        assertThat(drawn).containsExactly(1, 0, 1);
    }

    private static <T> T onFx(Callable<T> task) throws Exception {
        return WaitForAsyncUtils.asyncFx(task).get();
    }
}
