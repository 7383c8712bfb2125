package dev.asynclab.app.bench;

import dev.asynclab.app.SyntheticRun;
import dev.asynclab.app.store.EventStore;
import dev.asynclab.app.ui.timeline.DrawStats;
import dev.asynclab.app.ui.theme.Theme;
import dev.asynclab.app.ui.timeline.TimelineView;
import dev.asynclab.engine.event.Event;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import static dev.asynclab.app.bench.BenchReport.median;
import static dev.asynclab.app.bench.BenchReport.onFx;
import static dev.asynclab.app.bench.BenchReport.print;
import static dev.asynclab.app.bench.BenchReport.round;
import static dev.asynclab.app.bench.BenchReport.timeRedraws;
import static org.assertj.core.api.Assertions.assertThat;

/// The timeline's figures for a 1,000,000-event run: EventStore load time, and the time to redraw the timeline
/// fit-all and zoomed in (recording the canvas commands, and recording plus rendering them into an image); and
/// FX frame intervals and input waits during a live run of 50,000 events a second, against the floor of the same
/// window redrawing its timeline every frame with no events arriving, and the render thread's CPU per frame split
/// into what any change of the timeline's canvas costs and what painting the timeline adds. Prints medians;
/// asserts nothing about time (a loaded machine must not fail a build).
///
/// Run: `./mvnw -B -q -pl app -am test -Pbench -Dtest=TimelineBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false`
/// then `grep -h '\[bench\]' app/target/surefire-reports/*TimelineBenchmarkTest-output.txt`.
@Tag("bench")
class TimelineBenchmarkTest {

    private static final int EVENTS = 1_000_000;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void loadAndFrameTimesForAMillionEvents() throws Exception {
        List<Event> events = new SyntheticRun(16, 4_000, 50_000, 7).events(EVENTS);
        double[] loads = new double[7];
        EventStore store = null;
        for (int r = 0; r < loads.length; r++) {
            long begin = System.nanoTime();
            store = new EventStore();
            for (int from = 0; from < events.size(); from += 8192) {
                store.appendAll(events.subList(from, Math.min(events.size(), from + 8192)));
            }
            loads[r] = (System.nanoTime() - begin) / 1e6;
        }
        print("EventStore load of %,d events: median %.0f ms (runs %s)", store.size(), median(loads),
                round(loads));

        EventStore loaded = store;
        TimelineView view = onFx(() -> {
            TimelineView v = new TimelineView(loaded);
            v.paletteProperty().set(dev.asynclab.app.ui.theme.PaletteReader.read(Theme.LIGHT));
            StackPane root = new StackPane(v);
            FxToolkit.registerPrimaryStage().setScene(new Scene(root, 1600, 900));
            root.applyCss();
            root.layout();
            return v;
        });
        double emptySnapshot = onFx(() -> {
            javafx.scene.canvas.Canvas empty = new javafx.scene.canvas.Canvas(1600, 900);
            double[] times = new double[10];
            for (int i = 0; i < times.length; i++) {
                long begin = System.nanoTime();
                empty.snapshot(null, null);
                times[i] = (System.nanoTime() - begin) / 1e6;
            }
            return median(times);
        });
        print("baseline: snapshot of an empty 1600x900 canvas (software pipeline, image readback) median %.2f ms",
                emptySnapshot);
        measure("fit all", view, () -> view.fitAll());
        measure("zoomed in (about 2 ms of a 1 s run)", view, () -> {
            view.viewport().show(loaded.lastTime() / 2, loaded.lastTime() / 2 + 2_000_000, 1544);
        });
        assertThat(view.drawCount()).isPositive();
    }

    @Test
    void fxFrameTimesDuringALiveRunOf50000EventsASecond() throws Exception {
        List<Event> events = new SyntheticRun(16, 20_000, 150_000, 11).events(400_000);
        var prefs = java.util.prefs.Preferences.userRoot().node("asynclab-bench-" + System.nanoTime());
        var vm = new dev.asynclab.app.ui.main.MainViewModel(new dev.asynclab.app.ui.welcome.RecentFiles(prefs));
        var view = onFx(() -> {
            var v = new dev.asynclab.app.ui.main.MainView(vm,
                    new dev.asynclab.app.ui.welcome.FolderScenarioCatalog(List.of()), x -> { });
            // The app's own theme: Modena's split panes paint a cached nine-slice background that costs the
            // software pipeline more than the whole timeline, so measuring without the theme measures another app.
            Scene scene = new Scene(v, 1440, 900);
            dev.asynclab.app.AsyncLabApp.applyTheme(v, Theme.LIGHT);
            FxToolkit.registerPrimaryStage().setScene(scene);
            FxToolkit.registerPrimaryStage().show();
            return v;
        });
        FxResponsiveness probe = new FxResponsiveness();
        probe.start();
        ThreadCpu fxCpu = ThreadCpu.of(onFx(() -> Thread.currentThread().threadId()));
        ThreadCpu renderCpu = ThreadCpu.named("QuantumRenderer");
        ThreadCpu.PerFrame perFrame = new ThreadCpu.PerFrame();
        onFx(() -> {
            perFrame.start();
            return null;
        });
        WaitForAsyncUtils.sleep(1, java.util.concurrent.TimeUnit.SECONDS); // the first layout and CSS of the window

        probe.reset();
        onFx(() -> {
            vm.start(new dev.asynclab.app.PacedSyntheticSource(events, 50_000));
            return null;
        });
        // The first second apart: the workspace replaces the welcome view (its first CSS and layout), the first
        // chart draws, and the JIT is still cold.
        WaitForAsyncUtils.sleep(1, java.util.concurrent.TimeUnit.SECONDS);
        FxResponsiveness.Figures start = probe.figures();
        probe.reset();
        fxCpu.mark();
        renderCpu.mark();
        perFrame.reset();
        long[] timelineAtMark = onFx(() -> new long[] {view.timeline().drawCount(),
                view.timeline().heldBatches()});
        long liveBegin = System.nanoTime();
        WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS, () -> !vm.runningProperty().get());
        FxResponsiveness.Figures live = probe.figures();
        double liveSeconds = (System.nanoTime() - liveBegin) / 1e9;
        long[] timelineLive = onFx(() -> new long[] {view.timeline().drawCount() - timelineAtMark[0],
                view.timeline().heldBatches() - timelineAtMark[1]});
        double liveFxCpu = fxCpu.millisSinceMark() / Math.max(1, live.frames());
        double liveRenderCpu = renderCpu.millisSinceMark() / Math.max(1, live.frames());
        double[] liveFrameCpu = perFrame.medianAndP95();
        // A few frames after the run has ended, the timeline shows every event: the last batch was drawn.
        WaitForAsyncUtils.sleep(200, java.util.concurrent.TimeUnit.MILLISECONDS);
        long[] drawnOfAll = onFx(() -> new long[] {view.timeline().drawnEvents(),
                vm.storeProperty().get().size()});

        // The floor, in the same run: the same window redrawing its full timeline every frame, no events arriving.
        javafx.animation.AnimationTimer repaint = new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) {
                view.timeline().invalidate();
            }
        };
        onFx(() -> {
            repaint.start();
            return null;
        });
        probe.reset();
        fxCpu.mark();
        renderCpu.mark();
        perFrame.reset();
        WaitForAsyncUtils.sleep(3, java.util.concurrent.TimeUnit.SECONDS);
        FxResponsiveness.Figures floor = probe.figures();
        double floorFxCpu = fxCpu.millisSinceMark() / Math.max(1, floor.frames());
        double floorRenderCpu = renderCpu.millisSinceMark() / Math.max(1, floor.frames());
        double[] floorFrameCpu = perFrame.medianAndP95();
        onFx(() -> {
            repaint.stop();
            return null;
        });

        // The render thread's share that is not the timeline's painting: with nothing changed it should not paint
        // at all; with the timeline's canvas changed by one pixel each frame (in its own background colour, at its
        // top left corner, so nothing shows) Prism still draws the whole canvas texture into the window, the cost
        // any change to the canvas pays, however little was painted.
        RenderCpu idle = renderCpuPerFrame(probe, renderCpu);
        javafx.animation.AnimationTimer touch = new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) {
                var g = view.timeline().canvas().getGraphicsContext2D();
                g.setFill(view.timeline().paletteProperty().get().background());
                g.fillRect(0, 0, 1, 1);
            }
        };
        onFx(() -> {
            touch.start();
            return null;
        });
        RenderCpu touched = renderCpuPerFrame(probe, renderCpu);
        onFx(() -> {
            touch.stop();
            perFrame.stop();
            return null;
        });
        probe.stop();

        var feed = vm.feed().orElseThrow();
        long drains = feed.frameCount();
        double[] drainMillis = onFx(() -> new double[] {feed.drainNanos() / 1e6 / Math.max(1, drains),
                feed.maxDrainNanos() / 1e6});
        print("live run at 50,000 events/s for %.1f s (%,d events), 1440x900 window, after its first second: %s;"
                        + " %,d hops to the FX thread, %,d drains taking %.2f ms on average (max %.1f ms) of FX"
                        + " thread time", events.size() / 50_000.0, vm.storeProperty().get().size(), live,
                feed.hopCount(), drains, drainMillis[0], drainMillis[1]);
        // Per second as well as per frame: a build that drops frames does its work in fewer, longer frames, so its
        // CPU per frame is higher for the same work; per second of the run compares the work itself.
        print("CPU per second of the live run (%.1f s): FX thread %.0f ms, render thread %.0f ms", liveSeconds,
                liveFxCpu * live.frames() / liveSeconds, liveRenderCpu * live.frames() / liveSeconds);
        print("timeline during the live run after its first second: %,d draws in %,d frames (%.2f a frame), %,d"
                        + " batches held for a later pulse; at the end drawn through %,d of %,d events",
                timelineLive[0], live.frames(), timelineLive[0] / (double) Math.max(1, live.frames()),
                timelineLive[1], drawnOfAll[0], drawnOfAll[1]);
        print("the run's first second (workspace shown, first chart draws, JIT cold): %s", start);
        print("floor, same window redrawing its timeline every frame with no events arriving: %s", floor);
        print("CPU per frame: FX thread live %.2f ms, floor %.2f ms (live - floor %.2f ms); render thread live %.2f"
                        + " ms, floor %.2f ms", liveFxCpu, floorFxCpu, liveFxCpu - floorFxCpu, liveRenderCpu,
                floorRenderCpu);
        print("render thread CPU per frame: nothing changed %.2f ms, the canvas changed by one pixel %.2f ms (its"
                        + " texture drawn into the window), the timeline repainted (floor) %.2f ms: painting the"
                        + " timeline %.2f ms of it; frames %,d and %,d", idle.millisPerFrame(),
                touched.millisPerFrame(), floorRenderCpu, floorRenderCpu - touched.millisPerFrame(), idle.frames(),
                touched.frames());
        print("FX thread CPU per frame: live median %.2f ms, p95 %.2f ms; floor median %.2f ms, p95 %.2f ms",
                liveFrameCpu[0], liveFrameCpu[1], floorFrameCpu[0], floorFrameCpu[1]);
        print("live / floor: frame interval median %.2fx, p95 %.2fx; input wait p99 %.2fx",
                live.frameMedian() / floor.frameMedian(), live.frameP95() / floor.frameP95(),
                live.inputP99() / Math.max(0.001, floor.inputP99()));
        prefs.removeNode();
        assertThat(vm.storeProperty().get().size()).isEqualTo(events.size());
        assertThat(live.frames()).isPositive();
        assertThat(drawnOfAll[0]).isEqualTo(drawnOfAll[1]);
    }

    /// The render thread's CPU per frame over two seconds, after 300 ms for the change before it to settle.
    private static RenderCpu renderCpuPerFrame(FxResponsiveness probe, ThreadCpu renderCpu) {
        WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);
        probe.reset();
        renderCpu.mark();
        WaitForAsyncUtils.sleep(2, java.util.concurrent.TimeUnit.SECONDS);
        long frames = probe.figures().frames();
        return new RenderCpu(renderCpu.millisSinceMark() / Math.max(1, frames), frames);
    }

    private record RenderCpu(double millisPerFrame, long frames) {
    }

    private static void measure(String what, TimelineView view, Runnable setUp) throws Exception {
        double[] record = new double[40];
        double[] rendered = new double[15];
        DrawStats stats = onFx(() -> {
            setUp.run();
            DrawStats s = view.redraw();
            timeRedraws(view, record);
            for (int i = 0; i < rendered.length; i++) {
                long begin = System.nanoTime();
                view.redraw();
                view.canvas().snapshot(null, null);
                rendered[i] = (System.nanoTime() - begin) / 1e6;
            }
            return s;
        });
        print("timeline %s, 1600x900: redraw median %.2f ms (max %.2f); redraw + render to image median %.2f ms;"
                        + " %,d bars, %,d attempts binned into %,d pixel columns, %,d markers",
                what, median(record), Arrays.stream(record).max().orElse(0), median(rendered), stats.bars(),
                stats.binned(), stats.binnedColumns(), stats.markers());
    }
}
