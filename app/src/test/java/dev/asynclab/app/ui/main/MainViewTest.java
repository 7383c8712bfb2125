package dev.asynclab.app.ui.main;

import dev.asynclab.app.AsyncLabApp;
import dev.asynclab.app.FxWait;
import dev.asynclab.app.MainWindowFixture;
import dev.asynclab.app.store.EventStore;
import dev.asynclab.app.ui.charts.ChartTheme;
import dev.asynclab.app.ui.theme.Theme;
import dev.asynclab.app.ui.timeline.TimelineLayout;
import dev.asynclab.app.ui.timeline.TimelineView;
import dev.asynclab.app.store.Outcome;
import dev.asynclab.app.ui.session.StatusCounts;
import dev.asynclab.lab.audit.AuditHeader;
import dev.asynclab.lab.audit.AuditLogWriter;
import dev.asynclab.engine.event.EventType;
import dev.asynclab.lab.metrics.RunSummary;
import dev.asynclab.lab.scenario.ClockMode;
import dev.asynclab.lab.scenario.RunOptions;
import dev.asynclab.lab.scenario.ScenarioLoader;
import dev.asynclab.lab.scenario.ScenarioRunner;
import javafx.geometry.Point2D;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/// The wiring a person sees, headless: the welcome view, a real scenario run on the simulated clock, selecting a
/// bar, a broken scenario, replaying an audit log, switching the theme.
@ExtendWith(ApplicationExtension.class)
class MainViewTest {

    static final Path ROOT = MainWindowFixture.ROOT;
    static final Path SCENARIOS = MainWindowFixture.SCENARIOS;

    private MainWindowFixture window;
    private MainViewModel vm;
    private MainView view;

    @Start
    void start(Stage stage) {
        window = MainWindowFixture.show(stage, 1280, 800);
        vm = window.vm();
        view = window.view();
    }

    @AfterEach
    void forgetPrefs() throws Exception {
        window.forget();
    }

    /// Loads a built-in scenario for an instant run on the simulated clock; true when it loaded.
    private boolean loadSimulated(String file) {
        return window.loadSimulated(file);
    }

    private void awaitStoreSize(long size) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.storeProperty().get().size() == size);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void awaitRunEnd() throws Exception {
        window.awaitRunEnd();
    }

    @Test
    void welcomeListsTheBuiltInScenariosWithTheirDescriptions(FxRobot robot) throws Exception {
        long files;
        try (var list = Files.list(SCENARIOS)) {
            files = list.filter(f -> f.toString().endsWith(".yaml")).count();
        }
        var items = view.welcome().scenarioList().getItems();
        assertThat(items).hasSize((int) files).isNotEmpty();
        assertThat(items).anySatisfy(e -> assertThat(e.name()).isEqualTo("Pool saturation and a growing queue"));
        assertThat(items).allSatisfy(e -> assertThat(e.description() + e.problem()).isNotBlank());
        assertThat(robot.lookup("#welcome-scenarios").tryQuery()).isPresent();
    }

    @Test
    void theSpeedAndPoolSpinnersStillFollowTheViewModelAfterAGarbageCollection(FxRobot robot) throws Exception {
        javafx.scene.control.Spinner<Integer> pool = FxWait.node(robot, "#pool-spinner");
        javafx.scene.control.Spinner<Double> speed = FxWait.node(robot, "#speed-spinner");
        collectGarbage();
        WaitForAsyncUtils.asyncFx(() -> {
            vm.poolSizeProperty().set(7); // as opening another scenario does
            vm.speedProperty().set(3.0);
        }).get();
        assertThat(pool.getValue()).isEqualTo(7);
        assertThat(speed.getValue()).isEqualTo(3.0);
        WaitForAsyncUtils.asyncFx(() -> {
            pool.getValueFactory().setValue(5); // as the user does
            speed.getValueFactory().setValue(2.0);
        }).get();
        assertThat(vm.poolSizeProperty().get()).isEqualTo(5);
        assertThat(vm.speedProperty().get()).isEqualTo(2.0);
    }

    @Test
    void textThatIsNotANumberLeavesTheSpeedAndPoolAsTheyWere(FxRobot robot) throws Exception {
        javafx.scene.control.Spinner<Integer> pool = FxWait.node(robot, "#pool-spinner");
        javafx.scene.control.Spinner<Double> speed = FxWait.node(robot, "#speed-spinner");
        WaitForAsyncUtils.asyncFx(() -> {
            vm.poolSizeProperty().set(3);
            vm.speedProperty().set(2.0);
        }).get();
        for (String typed : new String[] {"abc", "1,5", "", "  "}) {
            // committed as Enter or leaving the field commits it; JavaFX's own converter threw on the FX thread
            WaitForAsyncUtils.asyncFx(() -> {
                pool.getEditor().setText(typed);
                pool.commitValue();
                speed.getEditor().setText(typed);
                speed.commitValue();
            }).get();
            assertThat(vm.poolSizeProperty().get()).as("pool after '%s'", typed).isEqualTo(3);
            assertThat(vm.speedProperty().get()).as("speed after '%s'", typed).isEqualTo(2.0);
        }
        WaitForAsyncUtils.asyncFx(() -> {
            pool.getEditor().setText(" 6 ");
            pool.commitValue();
        }).get();
        assertThat(vm.poolSizeProperty().get()).isEqualTo(6);
        // shown as the spinner's own converter shows them
        WaitForAsyncUtils.asyncFx(() -> vm.speedProperty().set(1.0)).get();
        assertThat(speed.getEditor().getText()).isEqualTo("1");
    }

    /// Runs the collector until an object only weakly reachable is gone, so what else is only weakly reachable is.
    private static void collectGarbage() throws InterruptedException {
        var sentinel = new java.lang.ref.WeakReference<>(new Object());
        for (int i = 0; i < 50 && sentinel.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(sentinel.get()).as("a collection ran").isNull();
    }

    @Test
    void toolbarButtonsCarryIconsInTheirTextColor(FxRobot robot) throws Exception {
        for (String id : new String[] {"#open-button", "#run-button", "#stop-button", "#fit-button", "#live-button",
                "#theme-button", "#tune-button", "#tour-button"}) {
            // the bars are built after the window's first layout pulse, the buttons when the toolbar's skin is made
            javafx.scene.control.Button b = FxWait.node(robot, id);
            assertThat(b.getGraphic()).as(id).isInstanceOf(org.kordamp.ikonli.javafx.FontIcon.class);
            var icon = (org.kordamp.ikonli.javafx.FontIcon) b.getGraphic();
            assertThat(icon.getIconCode()).as(id).isNotNull();
            assertThat(icon.getIconColor()).as(id).isEqualTo(b.getTextFill());
        }
    }

    @Test
    void aSimulatedRunFillsTheCountsAsTheSummarySaysAndDrawsBars(FxRobot robot) throws Exception {
        robot.interact(() -> assertThat(loadSimulated("10-pool-saturation.yaml")).isTrue());
        FxWait.node(robot, "#run-button");
        FxWait.pulses(robot, 2); // laid out, so the click lands on it
        robot.clickOn("#run-button");
        awaitRunEnd();

        RunSummary summary = vm.lastSummaryProperty().get();
        Map<String, Long> observed = summary.observedCounts();
        StatusCounts counts = vm.countsProperty().get();
        assertThat(counts.submitted()).isEqualTo(observed.get("submitted")).isEqualTo(200);
        assertThat(counts.succeeded()).isEqualTo(observed.get("succeeded"));
        assertThat(counts.failed()).isEqualTo(observed.get("failed"));
        assertThat(counts.rejected()).isEqualTo(observed.get("rejected"));
        assertThat(counts.active()).isZero();
        assertThat(vm.storeProperty().get().size()).isEqualTo(summary.eventCount());
        // In words when it fits, abbreviated when not (never cut); the words are on hover either way.
        assertThat(view.status().getText()).isIn(counts.describe(), counts.abbreviated());
        assertThat(view.status().getTooltip().getText()).contains("succeeded 200");

        TimelineView timeline = view.timeline();
        robot.interact(timeline::redraw);
        assertThat(timeline.drawCount()).isPositive();
        assertThat(timeline.lastStats().bars() + timeline.lastStats().binnedColumns()).isPositive();
        assertThat(vm.storeProperty().get().laneCount()).isEqualTo(4);
        assertThat(view.charts().model().latencyCount()).isEqualTo(200);
    }

    @Test
    void theTuningWindowOpensForTheScenarioAndAPickedSizeRunsInTheTimeline(FxRobot robot) throws Exception {
        robot.interact(() -> assertThat(loadSimulated("10-pool-saturation.yaml")).isTrue());
        FxWait.node(robot, "#tune-button");
        FxWait.pulses(robot, 2);
        robot.clickOn("#tune-button");
        WaitForAsyncUtils.waitForFxEvents();
        TuningWindow tuning = view.tuningWindow();
        assertThat(tuning.stage().isShowing()).isTrue();
        assertThat(tuning.stage().getTitle()).contains("Pool saturation");
        assertThat(tuning.tabs().sweep().scenarioProperty().get().name()).isEqualTo(vm.scenarioProperty().get().name());
        robot.interact(() -> tuning.tabs().sweep().onOpenRunProperty().get().accept(6));
        awaitRunEnd();
        assertThat(vm.poolSizeProperty().get()).isEqualTo(6);
        assertThat(vm.storeProperty().get().laneCount()).isEqualTo(6);
        robot.interact(() -> tuning.stage().close());
    }

    @Test
    void aHistogramBucketHighlightsItsAttemptsInTheTimeline(FxRobot robot) throws Exception {
        window.runToEnd(robot, "10-pool-saturation.yaml");
        EventStore store = vm.storeProperty().get();
        robot.interact(() -> view.charts().refresh(store));
        var bars = view.charts().model().histogramData().getSeries(0);
        int bucket = java.util.stream.IntStream.range(0, bars.getItemCount())
                .filter(b -> bars.getY(b).doubleValue() > 0).findFirst().orElseThrow();
        long[] range = view.charts().model().bucketRange(bucket);
        long inBucket = java.util.stream.IntStream.range(0, store.invocations().size())
                .filter(s -> store.invocations().startedAt(s) >= 0)
                .mapToLong(s -> store.invocations().latency(s))
                .filter(l -> l >= range[0] && l < range[1]).count();
        assertThat(inBucket).isPositive();

        robot.interact(() -> view.timeline().highlightProperty().set(view.charts().model().bucketHighlight(bucket)));
        robot.interact(view.timeline()::redraw);
        assertThat(view.timeline().lastStats().highlighted()).isEqualTo(inBucket);
        assertThat(vm.session().highlightProperty().get().label()).startsWith("attempts of ");
    }

    @Test
    void aRunsLintsAreListedAndLeadToTheInvocationsConcerned(FxRobot robot) throws Exception {
        window.runToEnd(robot, "12-late-finish.yaml");
        var expected = dev.asynclab.lab.scenario.Linter.check(vm.scenarioProperty().get(),
                vm.lastSummaryProperty().get());
        assertThat(vm.session().lints()).containsExactlyElementsOf(expected).isNotEmpty();
        var lint = vm.session().lints().stream().filter(l -> !l.ids().isEmpty() && !l.groupIds()).findFirst()
                .orElseThrow();
        int slot = WaitForAsyncUtils.asyncFx(() -> vm.session().focus(lint)).get();
        EventStore store = vm.storeProperty().get();
        assertThat(store.invocations().id(slot)).isEqualTo(lint.ids().getFirst());
        // every invocation the lint names is highlighted, and the timeline draws them so
        int[] concerned = vm.session().slotsOf(lint);
        assertThat(concerned).hasSize(lint.ids().size());
        for (int s : concerned) {
            assertThat(view.timeline().highlightProperty().get().test(store.invocations(), s)).isTrue();
        }
        assertThat(view.timeline().selectedSlotProperty().get()).isEqualTo(slot);
    }

    /// The bug: loading a scenario put its pool's size in the toolbar, and a run with a size asked for runs a
    /// fixed pool, so an adaptive limit (scenarios 19, 20) never ran in the app.
    @Test
    void anAdaptiveLimitRunsInTheAppAndTheTimelineDrawsItsSteps(FxRobot robot) throws Exception {
        robot.interact(() -> {
            assertThat(loadSimulated("19-aimd-burst.yaml")).isTrue();
            assertThat(vm.poolSizeProperty().get()).as("as in the scenario").isZero();
            vm.run();
        });
        awaitRunEnd();
        EventStore store = vm.storeProperty().get();
        assertThat(store.count(EventType.POOL_RESIZED)).isPositive();
        assertThat(store.laneCount()).isGreaterThan(10); // the limit grew past its initial 10
        robot.interact(view.timeline()::redraw);
        assertThat(view.timeline().lastStats().limitSpans()).isPositive();
    }

    @Test
    void clickingABarShowsThatInvocationsDetailsAndFiltersTheEvents(FxRobot robot) throws Exception {
        window.runToEnd(robot, "01-timeout.yaml");
        EventStore store = vm.storeProperty().get();
        TimelineView timeline = view.timeline();
        int slot = store.lane(0).slot(0);
        robot.interact(() -> timeline.reveal(slot));
        robot.interact(() -> timeline.selectedSlotProperty().set(-1));
        WaitForAsyncUtils.waitForFxEvents();

        Point2D point = WaitForAsyncUtils.asyncFx(() -> timeline.localToScreen(barCentre(timeline, store, slot)))
                .get();
        robot.clickOn(point);
        WaitForAsyncUtils.waitForFxEvents();

        long id = store.invocations().id(slot);
        assertThat(vm.session().selectedSlotProperty().get()).isEqualTo(slot);
        assertThat(view.details().titleText()).startsWith("#" + id + " ");
        assertThat(view.events().rowCount()).isEqualTo(store.eventsOf(slot).length);
    }

    @Test
    void aScenarioWithJavaScriptCallbacksRuns(FxRobot robot) throws Exception {
        robot.interact(() -> {
            assertThat(loadSimulated("17-script-js.yaml")).isTrue();
            vm.run();
        });
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> (vm.lastSummaryProperty().get() != null
                || !vm.errorProperty().get().isEmpty()) && !vm.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.countsProperty().get().submitted())
                .isEqualTo(vm.lastSummaryProperty().get().observedCounts().get("submitted")).isPositive();
    }

    private static Point2D barCentre(TimelineView timeline, EventStore store, int slot) {
        var inv = store.invocations();
        long end = inv.endedAt(slot) < 0 ? store.lastTime() : inv.endedAt(slot);
        TimelineLayout layout = timeline.currentLayout();
        double x = layout.x(timeline.viewport().xOf((inv.startedAt(slot) + end) / 2));
        double y = layout.laneTop(inv.lane(slot)) + layout.laneHeight() / 2;
        return new Point2D(x, y);
    }

    @Test
    void aBrokenScenarioNamesItsLineAndDoesNotRun(FxRobot robot, @TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, """
                name: Broken
                callbacks:
                  - name: fetch
                    count: 3
                    timout: 100ms
                """);
        robot.interact(() -> vm.open(broken));
        Label error = FxWait.node(robot, "#scenario-error");
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).contains("broken.yaml:5:");
        robot.interact(vm::run); // Run loads the file again: still broken, so nothing runs
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.storeProperty().get().size()).isZero();
        assertThat(error.getText()).contains("broken.yaml:5:");
    }

    /// F5 after editing the file on disk runs the new version, even when the old one was broken.
    @Test
    void runAfterTheFileIsFixedOnDiskRunsTheNewVersion(FxRobot robot, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("edited.yaml");
        Files.writeString(file, "name: Edited\ncallbacks:\n  - name: fetch\n    count: 3\n    timout: 100ms\n");
        robot.interact(() -> vm.open(file));
        assertThat(FxWait.<Button>node(robot, "#run-button").isDisabled())
                .as("Run stays available: the file may be fixed on disk").isFalse();
        Files.writeString(file, "name: Edited\nclock: simulated\ncallbacks:\n  - name: fetch\n    count: 3\n"
                + "    work: { sleep: 10ms }\n");
        robot.interact(() -> vm.pacedProperty().set(false));
        robot.press(javafx.scene.input.KeyCode.F5).release(javafx.scene.input.KeyCode.F5);
        awaitRunEnd();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.countsProperty().get().succeeded()).isEqualTo(3);

        Files.writeString(file, "name: Edited again\nclock: simulated\ncallbacks:\n  - name: fetch\n"
                + "    count: 5\n    work: { sleep: 10ms }\n");
        robot.interact(vm::run);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.titleProperty().get().equals("Edited again")
                && vm.lastSummaryProperty().get() != null && !vm.runningProperty().get());
        assertThat(vm.countsProperty().get().succeeded()).isEqualTo(5);
    }

    @Test
    void recentFilesUpdateAtOnceAndDropFilesThatNoLongerExist(FxRobot robot, @TempDir Path dir) throws Exception {
        Path kept = dir.resolve("kept.yaml");
        Path gone = dir.resolve("gone.yaml");
        Files.copy(SCENARIOS.resolve("01-timeout.yaml"), kept);
        Files.copy(SCENARIOS.resolve("01-timeout.yaml"), gone);
        robot.interact(() -> vm.open(gone));
        robot.interact(() -> vm.open(kept));
        assertThat(view.welcome().recentList().getItems()).startsWith(kept.toAbsolutePath().normalize(),
                gone.toAbsolutePath().normalize());
        Files.delete(gone);
        robot.interact(vm::showWelcome);
        assertThat(view.welcome().recentList().getItems()).contains(kept.toAbsolutePath().normalize())
                .doesNotContain(gone.toAbsolutePath().normalize());
    }

    @Test
    void anAuditLogIsVerifiedAndReplayedEventByEvent(FxRobot robot, @TempDir Path dir) throws Exception {
        Path log = dir.resolve("run.jsonl");
        var scenario = ScenarioLoader.load(SCENARIOS.resolve("04-retry-fixed-delay.yaml"));
        var header = AuditHeader.of("test-run", scenario.name(), Instant.EPOCH, "test",
                AuditHeader.CLOCK_SIMULATED, scenario.seed());
        RunSummary summary;
        try (AuditLogWriter writer = new AuditLogWriter(log, header)) {
            summary = ScenarioRunner.start(scenario, RunOptions.DEFAULTS.withClock(ClockMode.SIMULATED),
                    List.of(writer)).await();
        }

        robot.interact(() -> vm.open(log));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.replay().activeProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxWait.<Label>node(robot, "#replay-header").getText()).contains(scenario.name());
        assertThat(vm.replay().verificationProperty().get()).startsWith("chain verified");
        awaitStoreSize(summary.eventCount());
        robot.interact(view::showEventsTab); // the table follows the store while it shows
        assertThat(view.events().rowCount()).isEqualTo(summary.eventCount());
        // The timeline's playhead is at the replay's current event: the last, then wherever the steps go.
        assertThat(view.timeline().playheadTimeProperty().get())
                .isEqualTo((double) vm.storeProperty().get().lastTime());

        robot.interact(() -> vm.replay().seek(0));
        assertThat(vm.storeProperty().get().size()).isZero();
        robot.interact(() -> vm.replay().step(1));
        robot.interact(() -> vm.replay().step(1));
        awaitStoreSize(2);
        robot.interact(() -> vm.replay().step(-1));
        awaitStoreSize(1);
        assertThat(vm.storeProperty().get().type(0)).isEqualTo(EventType.RUN_STARTED);
        assertThat(view.events().rowCount()).isEqualTo(1);
        assertThat(view.timeline().playheadTimeProperty().get()).isEqualTo((double) vm.storeProperty().get().time(0));

        robot.interact(() -> vm.loadScenario(SCENARIOS.resolve("01-timeout.yaml")));
        assertThat(view.timeline().playheadTimeProperty().get()).as("no replay, no playhead").isNaN();
    }

    @Test
    void followingAnAuditLogLoadsWhatItHoldsAndStopsAtTheRunsEnd(FxRobot robot, @TempDir Path dir) throws Exception {
        Path log = dir.resolve("follow.jsonl");
        var scenario = ScenarioLoader.load(SCENARIOS.resolve("02-cancellation.yaml"));
        RunSummary summary;
        try (AuditLogWriter writer = new AuditLogWriter(log, AuditHeader.of("follow", scenario.name(),
                Instant.EPOCH, "test", AuditHeader.CLOCK_SIMULATED, scenario.seed()))) {
            summary = ScenarioRunner.start(scenario, RunOptions.DEFAULTS.withClock(ClockMode.SIMULATED),
                    List.of(writer)).await();
        }

        robot.interact(() -> vm.follow(log));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.storeProperty().get().size()).isEqualTo(summary.eventCount());
        assertThat(vm.countsProperty().get().cancelled()).isEqualTo(summary.observedCounts().get("cancelled"));
    }

    @Test
    void switchingTheThemeRecolorsTheTimeline(FxRobot robot) {
        var light = view.palette().outcome(Outcome.FAILED);
        robot.interact(() -> AsyncLabApp.applyTheme(view, Theme.DARK));
        assertThat(view.getStyleClass()).contains("dark");
        assertThat(view.palette().outcome(Outcome.FAILED)).isNotEqualTo(light);
        robot.interact(() -> AsyncLabApp.applyTheme(view, Theme.LIGHT));
        assertThat(view.palette().outcome(Outcome.FAILED)).isEqualTo(light);
    }

    @Test
    void theLatencyHistogramsBarsTakeNoOutcomesColourInEitherTheme(FxRobot robot) {
        for (Theme theme : List.of(Theme.DARK, Theme.LIGHT)) {
            robot.interact(() -> AsyncLabApp.applyTheme(view, theme));
            var bars = view.charts().charts().get(0).getXYPlot().getRenderer().getSeriesPaint(0);
            assertThat(bars).as("%s: the bars count every outcome", theme)
                    .isEqualTo(ChartTheme.awt(view.palette().accent()))
                    .isNotEqualTo(ChartTheme.awt(view.palette().outcome(Outcome.SUCCEEDED)));
        }
    }
}
