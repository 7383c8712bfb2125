package dev.asynclab.app.ui.main;

import dev.asynclab.app.FxWait;
import dev.asynclab.app.MainWindowFixture;
import dev.asynclab.app.store.EventStore;
import dev.asynclab.app.ui.session.Session;
import dev.asynclab.app.ui.session.SessionSource;
import dev.asynclab.app.ui.timeline.Highlight;
import dev.asynclab.lab.audit.AuditHeader;
import dev.asynclab.lab.audit.AuditLogReader;
import dev.asynclab.lab.audit.AuditLogWriter;
import dev.asynclab.lab.metrics.RunMetrics;
import dev.asynclab.lab.scenario.ClockMode;
import dev.asynclab.lab.scenario.Lint;
import dev.asynclab.lab.scenario.Linter;
import dev.asynclab.lab.story.RedFlag;
import dev.asynclab.lab.scenario.RunOptions;
import dev.asynclab.lab.scenario.ScenarioLoader;
import dev.asynclab.lab.scenario.ScenarioRunner;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/// One session per source: open A, run it, select and highlight, then open B — another scenario, a log, a
/// followed log, a broken file — and nothing of A remains anywhere (view model, timeline, details, events table,
/// charts, problems, status bar). Each of the four bugs this fixed has its case here.
@ExtendWith(ApplicationExtension.class)
class SessionReplacementTest {

    static final Path SCENARIOS = MainViewTest.SCENARIOS;

    private MainWindowFixture window;
    private MainViewModel vm;
    private MainView view;
    private Session a;
    private EventStore aStore;

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

    /// A: the late-finish scenario run to its end (it has lints), an invocation selected, a bucket highlighted.
    @BeforeEach
    void runASelectAndHighlight(FxRobot robot) throws Exception {
        runScenario(robot, "12-late-finish.yaml");
        a = vm.session();
        aStore = a.store();
        assertThat(a.lints()).isNotEmpty();
        robot.interact(() -> {
            view.timeline().reveal(aStore.lane(0).slot(0));
            view.timeline().highlightLatency(0, Long.MAX_VALUE);
            view.showEventsTab();
        });
        assertThat(a.selectedSlotProperty().get()).isNotNegative();
        assertThat(a.highlightProperty().get().isNone()).isFalse();
        assertThat(view.details().titleText()).startsWith("#");
    }

    private void runScenario(FxRobot robot, String file) throws Exception {
        window.runToEnd(robot, file);
    }

    /// Nothing of A in any view: the session, its store, selection, highlight, lints and summary are B's.
    private void assertNothingOfA(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Session b = vm.session();
        assertThat(b).isNotSameAs(a);
        assertThat(a.isClosed()).isTrue();
        EventStore store = b.store();
        assertThat(store).isNotSameAs(aStore);
        assertThat(vm.storeProperty().get()).isSameAs(store);
        robot.interact(() -> {
            assertThat(view.timeline().store()).isSameAs(store);
            assertThat(view.timeline().selectedSlotProperty().get()).isEqualTo(b.selectedSlotProperty().get());
            assertThat(view.timeline().highlightProperty().get()).isSameAs(b.highlightProperty().get());
            assertThat(view.events().rowCount()).isEqualTo(store.size());
            view.charts().refresh(store);
            assertThat(view.charts().model().latencyCount()).isEqualTo(b.resultProperty().get() == null ? 0
                    : view.charts().model().latencyCount());
        });
        assertThat(b.selectedSlotProperty().get()).isEqualTo(-1);
        assertThat(b.highlightProperty().get()).isEqualTo(Highlight.NONE);
        assertThat(view.details().titleText()).isEqualTo("Nothing selected");
        @SuppressWarnings("unchecked")
        ListView<RedFlag> redFlags = FxWait.node(robot, "#red-flags"); // a tab's content: in the scene with the skin
        assertThat(redFlags.getItems()).containsExactlyElementsOf(b.redFlags());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> b.redFlags().size() == b.lints().size());
        assertThat(b.redFlags()).map(RedFlag::code).containsExactlyInAnyOrderElementsOf(
                b.lints().stream().map(Lint::code).toList());
        assertThat(vm.titleProperty().get()).isEqualTo(b.title());
        assertThat(FxWait.<Label>node(robot, "#run-summary").getText()).isEqualTo(b.summaryProperty().get());
        assertThat(robot.lookup("#status-counts").queryAs(Label.class).getText())
                .isIn(b.countsProperty().get().describe(), b.countsProperty().get().abbreviated());
    }

    /// The lints `asynclab summarize LOG` prints for a log: the same fold, without a scenario.
    private static List<Lint> summarizeLints(Path log) {
        var metrics = new RunMetrics(0);
        try (var reader = AuditLogReader.open(log)) {
            reader.forEach(metrics::onEvent);
        }
        return Linter.check(null, metrics.summary());
    }

    private static Path writeLog(Path dir, String scenarioFile) throws Exception {
        Path log = dir.resolve(scenarioFile.replace(".yaml", ".jsonl"));
        var scenario = ScenarioLoader.load(SCENARIOS.resolve(scenarioFile));
        try (AuditLogWriter writer = new AuditLogWriter(log, AuditHeader.of("test", scenario.name(), Instant.EPOCH,
                "test", AuditHeader.CLOCK_SIMULATED, scenario.seed()))) {
            ScenarioRunner.start(scenario, RunOptions.DEFAULTS.withClock(ClockMode.SIMULATED), List.of(writer))
                    .await();
        }
        return log;
    }

    @Test
    void anotherScenarioRunReplacesEverythingOfTheFirst(FxRobot robot) throws Exception {
        runScenario(robot, "01-timeout.yaml");
        assertNothingOfA(robot);
        assertThat(vm.session().lints()).containsExactlyElementsOf(Linter.check(vm.scenarioProperty().get(),
                vm.lastSummaryProperty().get()));
        assertThat(vm.session().summaryProperty().get()).isNotEmpty();
    }

    /// A what-if from the Tuning window enters as a session of its own kind, through the same feed as a run, and
    /// replaces the first run whole; Run then runs the same what-if again.
    @Test
    void aWhatIfRerunIsASessionOfItsOwnThatReplacesTheRun(FxRobot robot) throws Exception {
        robot.interact(() -> {
            view.tune();
            var whatIf = view.tuningWindow().tabs().whatIf();
            whatIf.poolSizeProperty().set(1);
            assertThat(whatIf.openRun()).isTrue();
        });
        window.awaitRunEndAfter(a);
        assertNothingOfA(robot);
        Session whatIf = vm.session();
        assertThat(whatIf.source()).isInstanceOf(SessionSource.WhatIfRun.class);
        assertThat(((SessionSource.WhatIfRun) whatIf.source()).changes()).contains("pool 1");
        assertThat(vm.titleProperty().get()).isEqualTo("what-if: " + a.title());
        assertThat(a.store().laneCount()).as("the run's two callbacks at once").isGreaterThan(1);
        assertThat(vm.storeProperty().get().laneCount()).as("the what-if's pool of one").isEqualTo(1);
        assertThat(vm.feed()).contains(whatIf.feed());

        robot.interact(vm::run);
        window.awaitRunEndAfter(whatIf);
        assertThat(whatIf.isClosed()).isTrue();
        assertThat(vm.session().source()).isInstanceOf(SessionSource.WhatIfRun.class);
        assertThat(vm.storeProperty().get().size()).isEqualTo(whatIf.store().size());
        robot.interact(() -> view.tuningWindow().close());
    }

    @Test
    void loadingAnotherScenarioShowsAnEmptyTimelineUnderItsName(FxRobot robot) throws Exception {
        robot.interact(() -> vm.open(SCENARIOS.resolve("01-timeout.yaml")));
        assertNothingOfA(robot);
        assertThat(vm.storeProperty().get().size()).isZero();
        assertThat(vm.titleProperty().get()).isEqualTo(vm.scenarioProperty().get().name());
    }

    /// The bug: a replay opened after a run kept the run's lints, naming callbacks that are not in the log.
    @Test
    void aReplayedLogShowsTheLintsSummarizeGivesItAndNoneOfTheRun(FxRobot robot, @TempDir Path dir)
            throws Exception {
        Path log = writeLog(dir, "06-retry-storm.yaml");
        robot.interact(() -> vm.open(log));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.replay().activeProperty().get());
        long events;
        try (var reader = AuditLogReader.open(log)) {
            events = reader.forEach(e -> { });
        }
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.storeProperty().get().size() == events);
        assertNothingOfA(robot);
        assertThat(vm.session().lints()).containsExactlyElementsOf(summarizeLints(log));
        assertThat(vm.session().lints()).noneMatch(a.lints()::contains);
        assertThat(vm.scenarioProperty().get()).as("a log has no scenario to run").isNull();
    }

    /// The bug: a followed log ended with no lints although the command line finds one.
    @Test
    void aFollowedLogEndsWithTheLintsSummarizeGivesIt(FxRobot robot, @TempDir Path dir) throws Exception {
        Path log = writeLog(dir, "12-late-finish.yaml");
        List<Lint> expected = summarizeLints(log);
        assertThat(expected).as("the log shows a late finish").isNotEmpty();
        robot.interact(() -> vm.follow(log));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm.runningProperty().get()
                && vm.lastSummaryProperty().get() != null);
        assertNothingOfA(robot);
        assertThat(vm.session().lints()).containsExactlyElementsOf(expected);
    }

    /// The bug: a broken file left the previous timeline, details and lints under the new title.
    @Test
    void aBrokenScenarioShowsOnlyItsProblem(FxRobot robot, @TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, "name: Broken\ncallbacks:\n  - name: fetch\n    count: 3\n    timout: 100ms\n");
        robot.interact(() -> vm.open(broken));
        assertNothingOfA(robot);
        assertThat(vm.storeProperty().get().size()).isZero();
        assertThat(vm.errorProperty().get()).contains("broken.yaml:5:");
        assertThat(vm.titleProperty().get()).isEqualTo("broken.yaml");
        assertThat(vm.session().lints()).isEmpty();
    }

    @Test
    void aFileThatIsNotAnAuditLogShowsOnlyItsProblem(FxRobot robot, @TempDir Path dir) throws Exception {
        Path notALog = dir.resolve("notes.jsonl");
        Files.writeString(notALog, "this is not json\n");
        robot.interact(() -> vm.open(notALog));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm.errorProperty().get().isEmpty());
        assertNothingOfA(robot);
        assertThat(vm.errorProperty().get()).contains("notes.jsonl");
        assertThat(vm.storeProperty().get().size()).isZero();
    }

    /// The bug: histogram highlights survived new runs.
    @Test
    void aHighlightDoesNotSurviveARerunOfTheSameScenario(FxRobot robot) throws Exception {
        robot.interact(vm::run);
        window.awaitRunEndAfter(a);
        assertNothingOfA(robot);
        robot.interact(view.timeline()::redraw);
        assertThat(view.timeline().lastStats().highlighted()).isZero();
    }

    /// A replay replaced by a scenario: the replay bar goes, its scrubber snapping back does not touch the new
    /// session (it once tried to rewind a replay that was already closed).
    @Test
    void aReplayReplacedByAScenarioLeavesNoReplayBehind(FxRobot robot, @TempDir Path dir) throws Exception {
        Path log = writeLog(dir, "04-retry-fixed-delay.yaml");
        robot.interact(() -> vm.open(log));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.replay().activeProperty().get());
        Session replayed = vm.session();
        robot.interact(() -> vm.open(SCENARIOS.resolve("01-timeout.yaml")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(replayed.isClosed()).isTrue();
        assertThat(vm.replay().activeProperty().get()).isFalse();
        assertThat(shown(robot.lookup("#replay-slider").query())).as("the replay bar shows").isFalse();
        assertThat(vm.storeProperty().get().size()).isZero();
        assertThat(vm.replay().lengthProperty().get()).isZero();
    }

    /// Visible, and so are all its parents.
    private static boolean shown(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
