package dev.asynclab.app.ui.main;

import dev.asynclab.app.FxWait;
import dev.asynclab.app.MainWindowFixture;
import dev.asynclab.app.store.EventStore;
import dev.asynclab.app.ui.teach.PresenterScale;
import dev.asynclab.app.ui.teach.RedFlagCell;
import dev.asynclab.app.ui.timeline.Viewport;
import dev.asynclab.app.ui.welcome.RecentFiles;
import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import dev.asynclab.lab.audit.AuditHeader;
import dev.asynclab.lab.audit.AuditLogWriter;
import dev.asynclab.lab.metrics.RunSummary;
import dev.asynclab.lab.scenario.ClockMode;
import dev.asynclab.lab.scenario.RunOptions;
import dev.asynclab.lab.scenario.Scenario;
import dev.asynclab.lab.scenario.ScenarioLoader;
import dev.asynclab.lab.scenario.ScenarioRunner;
import dev.asynclab.lab.story.RedFlag;
import dev.asynclab.lab.story.RedFlags;
import dev.asynclab.lab.story.RunHistory;
import dev.asynclab.lab.story.StepCaption;
import dev.asynclab.lab.story.StoryTeller;
import dev.asynclab.lab.story.TourPlan;
import dev.asynclab.lab.story.TourStop;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

import static dev.asynclab.app.ui.main.MainViewTest.SCENARIOS;
import static org.assertj.core.api.Assertions.assertThat;

/// The teaching half of the window, headless: the scenario's caption panel, a tour played step by step (a
/// question asked, answered, Back, Restart), the story of a selected invocation, the caption of a replay step,
/// the red flags and their links, presenter scale (Ctrl+plus) and the timeline's own plain keys. What the window
/// shows is checked against the lab's own words for the same simulated run.
@ExtendWith(ApplicationExtension.class)
class TeachingTest {

    private MainWindowFixture window;
    private Preferences prefs;
    private MainViewModel vm;
    private MainView view;

    @Start
    void start(Stage stage) {
        // the presenter's scale remembered in the window's preferences, as the app does
        window = MainWindowFixture.show(stage, 1280, 800,
                prefs -> new MainViewModel(new RecentFiles(prefs), PresenterScale.remembered(prefs)), v -> { });
        prefs = window.prefs();
        vm = window.vm();
        view = window.view();
    }

    @AfterEach
    void forgetPrefs() throws Exception {
        window.forget();
    }

    /// The events of `file` run as the app runs it for a tour: simulated clock, its own seed and pool.
    private static List<Event> simulated(String file, List<RunSummary> summary) throws Exception {
        List<Event> events = new ArrayList<>();
        summary.add(ScenarioRunner.start(ScenarioLoader.load(SCENARIOS.resolve(file)),
                RunOptions.DEFAULTS.withClock(ClockMode.SIMULATED), List.of(events::add)).await());
        return events;
    }

    private void runUnpaced(FxRobot robot, String file) throws Exception {
        window.runToEnd(robot, file);
    }

    private static List<Event> eventsOf(EventStore store) {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < store.size(); i++) {
            events.add(store.event(i));
        }
        return events;
    }

    private String text(FxRobot robot, String id) throws Exception {
        return node(robot, id).getText();
    }

    /// The node `id` once it is in the scene: a control's content (the caption's description inside its
    /// `TitledPane`) joins the scene graph only when the control's skin is made, at the next pulse, which on a loaded
    /// machine may come after `interact` has returned.
    private static Labeled node(FxRobot robot, String id) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(id).tryQuery().isPresent());
        return robot.lookup(id).queryAs(Labeled.class);
    }

    private boolean shown(FxRobot robot, String id) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(id).tryQuery().isPresent());
        for (Node n = robot.lookup(id).query(); n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /// The tour has played on (or scrubbed back) to a step: the session shows exactly its first `count` events.
    private void awaitShown(int count) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm.replay().playingProperty().get()
                && vm.storeProperty().get().size() == count);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static int countThrough(List<Event> events, long seq) {
        return (int) events.stream().filter(e -> e.seq() <= seq).count();
    }

    @Test
    void theScenariosTitleAndDescriptionStayOnScreenAndFoldAway(FxRobot robot) throws Exception {
        robot.interact(() -> vm.loadScenario(SCENARIOS.resolve("01-timeout.yaml")));
        TitledPane caption = robot.lookup("#caption-panel").queryAs(TitledPane.class);
        assertThat(shown(robot, "#caption-panel")).isTrue();
        assertThat(caption.getText()).isEqualTo("A timeout");
        assertThat(text(robot, "#caption-description")).startsWith("Twenty calls to a slow service");

        runUnpaced(robot, "01-timeout.yaml");
        assertThat(shown(robot, "#caption-panel")).as("still there while it runs and after").isTrue();
        robot.clickOn(caption.lookup(".title"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(caption.isExpanded()).isFalse();
        assertThat(vm.caption().foldedProperty().get()).isTrue();
        runUnpaced(robot, "04-retry-fixed-delay.yaml");
        assertThat(caption.isExpanded()).as("folded stays folded").isFalse();
        assertThat(caption.getText()).isEqualTo(vm.scenarioProperty().get().name());
    }

    @Test
    void aTourPlaysStepByStepAsksBeforeItTellsAndGoesBackAndRestarts(FxRobot robot) throws Exception {
        List<RunSummary> summary = new ArrayList<>();
        List<Event> run = simulated("01-timeout.yaml", summary);
        Scenario scenario = ScenarioLoader.load(SCENARIOS.resolve("01-timeout.yaml"));
        List<TourStop> stops = TourPlan.of(scenario.tour(), RunHistory.of(run), summary.getFirst());
        RunHistory whole = RunHistory.of(run);

        robot.interact(() -> vm.loadScenario(SCENARIOS.resolve("01-timeout.yaml")));
        FxWait.node(robot, "#tour-button"); // a toolbar's button: in the scene once the toolbar's skin is made
        FxWait.pulses(robot, 2); // and laid out, so the click lands on it
        robot.clickOn("#tour-button");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.tourProperty().get() != null);
        awaitShown(countThrough(run, stops.get(0).seq()));
        assertThat(text(robot, "#tour-position")).isEqualTo("Step 1 of 4");
        assertThat(text(robot, "#tour-caption")).isEqualTo(stops.get(0).caption());
        assertThat(FxWait.<Button>node(robot, "#tour-back").isDisabled()).isTrue();
        assertThat(shown(robot, "#caption-panel")).as("the scenario's caption stays over the tour").isTrue();

        // Step 2 plays on to the first success: that call is highlighted and selected, its story told so far.
        robot.clickOn("#tour-next");
        int second = countThrough(run, stops.get(1).seq());
        awaitShown(second);
        assertThat(text(robot, "#tour-caption")).isEqualTo(stops.get(1).caption());
        EventStore store = vm.storeProperty().get();
        long id = stops.get(1).ids().getFirst();
        int slot = store.invocationSlot(id);
        assertThat(view.timeline().highlightProperty().get().test(store.invocations(), slot)).isTrue();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.session().selectedSlotProperty().get() == slot);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.details().storyText()).isEqualTo(StoryTeller.tell(RunHistory.of(run.subList(0, second)),
                id).orElseThrow().paragraph());
        assertThat(text(robot, "#replay-caption")).as("what the step's event did, in words")
                .isEqualTo(StepCaption.of(whole, run.get(second - 1)));

        // Step 3 asks before the run shows the answer; Next waits for an answer.
        robot.clickOn("#tour-next");
        int third = countThrough(run, stops.get(2).seq());
        awaitShown(third);
        assertThat(text(robot, "#tour-question")).isEqualTo("How many of the 20 calls will time out?");
        assertThat(FxWait.<Button>node(robot, "#tour-next").isDisabled()).isTrue();
        assertThat(shown(robot, "#tour-verdict")).isFalse();
        assertThat(vm.storeProperty().get().count(EventType.TIMED_OUT)).as("the outcome is not on screen yet")
                .isLessThan(summary.getFirst().observedCounts().get("timed_out"));
        Button right = robot.lookup(".tour-choice").queryAllAs(Button.class).stream()
                .filter(b -> b.getText().equals("about half (6 to 14)")).findFirst().orElseThrow();
        robot.clickOn(right);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shown(robot, "#tour-verdict")).isTrue();
        assertThat(text(robot, "#tour-verdict")).startsWith("Right. The run shows "
                + summary.getFirst().observedCounts().get("timed_out") + ": ");
        assertThat(right.isDisabled()).as("an answer cannot be taken back").isTrue();

        robot.clickOn("#tour-next");
        int fourth = countThrough(run, stops.get(3).seq());
        awaitShown(fourth);
        assertThat(text(robot, "#tour-position")).isEqualTo("Step 4 of 4");
        assertThat(FxWait.<Button>node(robot, "#tour-next").isDisabled()).isTrue();

        // Back scrubs back to the question, which is asked again; Restart goes to the start.
        robot.clickOn("#tour-back");
        awaitShown(third);
        assertThat(text(robot, "#tour-position")).isEqualTo("Step 3 of 4");
        assertThat(shown(robot, "#tour-verdict")).isFalse();
        assertThat(robot.lookup(".tour-choice").queryAllAs(Button.class)).allSatisfy(b ->
                assertThat(b.isDisabled()).isFalse());
        robot.clickOn("#tour-restart");
        awaitShown(countThrough(run, stops.get(0).seq()));
        assertThat(text(robot, "#tour-position")).isEqualTo("Step 1 of 4");

        // Opening anything else ends the tour.
        runUnpaced(robot, "01-timeout.yaml");
        assertThat(vm.tourProperty().get()).isNull();
        assertThat(robot.lookup("#tour-position").tryQuery()).isEmpty();
    }

    @Test
    void aTourStaysUsableAt1024x768WithTheTextTwoStepsLarger(FxRobot robot) throws Exception {
        robot.interact(() -> {
            Stage stage = (Stage) view.getScene().getWindow();
            stage.setWidth(1024);
            stage.setHeight(768);
            vm.presenter().larger();
            vm.presenter().larger();
            vm.loadScenario(SCENARIOS.resolve("06-retry-storm.yaml"));
            vm.tour();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.tourProperty().get() != null);
        robot.interact(() -> vm.tourProperty().get().next());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm.replay().playingProperty().get()
                && !vm.tourProperty().get().questionProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        Scene scene = view.getScene();
        assertThat(scene.getWidth()).isEqualTo(1024);
        Node pane = FxWait.node(robot, "#tour-pane"); // the side split pane's item: in the scene with its skin
        List<Node> controls = new ArrayList<>(List.of(robot.lookup("#tour-question").query(),
                robot.lookup("#tour-back").query(), robot.lookup("#tour-next").query(),
                robot.lookup("#tour-restart").query()));
        controls.addAll(robot.lookup(".tour-choice").queryAll());
        assertThat(controls).hasSizeGreaterThan(5);
        for (Node n : controls) {
            assertInView(n, pane, scene);
        }
        for (String id : List.of("#run-button", "#tour-button", "#fit-button", "#timeline")) {
            assertInView(robot.lookup(id).query(), view, scene);
        }
        assertThat(robot.lookup("#timeline").query().getBoundsInLocal().getHeight()).as("room for the timeline")
                .isGreaterThan(120);
    }

    /// Shown whole inside `within` (the tour's scroll pane: not scrolled away) and inside the window.
    private static void assertInView(Node node, Node within, Scene scene) {
        assertThat(node.getScene()).as(node + " in the window, not an overflow menu").isSameAs(scene);
        Bounds b = node.localToScene(node.getBoundsInLocal());
        Bounds v = within.localToScene(within.getBoundsInLocal());
        assertThat(b.getWidth()).as(node + " has a size").isPositive();
        assertThat(b.getMinY()).as(node + " top").isGreaterThanOrEqualTo(Math.max(0, v.getMinY()) - 0.5);
        assertThat(b.getMaxY()).as(node + " bottom").isLessThanOrEqualTo(Math.min(scene.getHeight(), v.getMaxY()) + 0.5);
        assertThat(b.getMaxX()).as(node + " right edge").isLessThanOrEqualTo(Math.min(scene.getWidth(), v.getMaxX()) + 0.5);
    }

    @Test
    void selectingAnInvocationTellsItsStoryAsExplainDoes(FxRobot robot) throws Exception {
        runUnpaced(robot, "04-retry-fixed-delay.yaml");
        EventStore store = vm.storeProperty().get();
        int slot = store.invocationSlot(3);
        robot.interact(() -> vm.session().selectedSlotProperty().set(slot));
        assertThat(view.details().storyText())
                .isEqualTo(StoryTeller.tell(RunHistory.of(eventsOf(store)), 3).orElseThrow().paragraph())
                .contains("flaky-db #1");
        assertThat(shown(robot, "#details-story")).isTrue();
        robot.interact(() -> vm.session().selectedSlotProperty().set(-1));
        assertThat(view.details().storyText()).isEmpty();
        assertThat(shown(robot, "#details-story")).isFalse();
    }

    @Test
    void eachReplayStepHasACaptionInPlainWords(FxRobot robot, @TempDir Path dir) throws Exception {
        Path log = dir.resolve("late.jsonl");
        List<Event> events = new ArrayList<>();
        Scenario scenario = ScenarioLoader.load(SCENARIOS.resolve("12-late-finish.yaml"));
        try (AuditLogWriter writer = new AuditLogWriter(log, AuditHeader.of("teach-test", scenario.name(),
                Instant.EPOCH, "test", AuditHeader.CLOCK_SIMULATED, scenario.seed()))) {
            ScenarioRunner.start(scenario, RunOptions.DEFAULTS.withClock(ClockMode.SIMULATED),
                    List.of(writer, events::add)).await();
        }
        RunHistory history = RunHistory.of(events);
        int timeout = 0;
        while (events.get(timeout).type() != EventType.TIMED_OUT
                || history.find(events.get(timeout).id(), EventType.LATE_FINISH).isEmpty()) {
            timeout++;
        }
        int k = timeout + 1;
        robot.interact(() -> vm.open(log));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.replay().activeProperty().get());
        robot.interact(() -> vm.replay().seek(k));
        assertThat(text(robot, "#replay-caption")).isEqualTo(StepCaption.of(history, events.get(k - 1)))
                .contains("timed out after its").contains("was interrupted").contains("(late finish)");
        robot.interact(() -> vm.replay().step(-1));
        assertThat(text(robot, "#replay-caption")).isEqualTo(StepCaption.of(history, events.get(k - 2)));
        robot.interact(() -> vm.replay().seek(0));
        assertThat(shown(robot, "#replay-caption")).as("nothing shown, nothing said").isFalse();
    }

    @Test
    void redFlagsAreRankedAndLinkToTheInvocationsTheyExplain(FxRobot robot) throws Exception {
        runUnpaced(robot, "12-late-finish.yaml");
        EventStore store = vm.storeProperty().get();
        List<RedFlag> expected = RedFlags.rank(vm.session().lints(), RunHistory.of(eventsOf(store)));
        assertThat(expected).isNotEmpty();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.session().redFlags().size() == expected.size());
        assertThat(vm.session().redFlags()).containsExactlyElementsOf(expected);

        FxWait.node(robot, "Red flags (" + expected.size() + ")"); // the tab's header, made by the pane's skin
        robot.clickOn("Red flags (" + expected.size() + ")");
        RedFlag first = expected.getFirst();
        assertThat(first.ids()).isNotEmpty();
        // The list's cells are made and filled by its layout, at a pulse after the tab was chosen.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> redFlagCell(robot, first).isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Node link = redFlagCell(robot, first).orElseThrow().lookup(".red-flag-link");
        robot.clickOn(link);
        WaitForAsyncUtils.waitForFxEvents();
        int slot = store.invocationSlot(first.ids().getFirst());
        assertThat(vm.session().selectedSlotProperty().get()).isEqualTo(slot);
        for (long id : first.ids()) {
            assertThat(view.timeline().highlightProperty().get().test(store.invocations(),
                    store.invocationSlot(id))).as("#" + id + " highlighted").isTrue();
        }
        assertThat(view.details().storyText()).as("the selected invocation tells why").isNotEmpty();
    }

    private static java.util.Optional<RedFlagCell> redFlagCell(FxRobot robot, RedFlag flag) {
        return robot.lookup(".red-flag").queryAllAs(RedFlagCell.class).stream()
                .filter(cell -> flag.equals(cell.getItem())).findFirst();
    }

    @Test
    void ctrlPlusScalesTheWholeWindowsTextAndTheScaleIsRemembered(FxRobot robot) throws Exception {
        robot.interact(() -> vm.loadScenario(SCENARIOS.resolve("01-timeout.yaml")));
        Labeled run = node(robot, "#run-button");
        // its font comes from the CSS pass of a pulse, which on a loaded machine may come after interact
        FxWait.pulses(robot, 2);
        assertThat(run.getFont().getSize()).isEqualTo(14.0);
        robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.EQUALS)
                .release(KeyCode.EQUALS, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.presenter().scaleProperty().get()).isEqualTo(1.25);
        assertThat(view.getStyle()).isEqualTo("-fx-font-size: 17.50px;");
        robot.interact(view::applyCss);
        assertThat(run.getFont().getSize()).as("a toolbar button's text follows the root").isEqualTo(17.5);
        assertThat(node(robot, "#caption-description").getFont().getSize()).isEqualTo(17.5);
        assertThat(PresenterScale.remembered(prefs).scaleProperty().get()).as("saved as a setting").isEqualTo(1.25);

        robot.press(KeyCode.CONTROL, KeyCode.MINUS).release(KeyCode.MINUS, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.presenter().scaleProperty().get()).isEqualTo(1.15);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT0).release(KeyCode.DIGIT0, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.getStyle()).isEqualTo("-fx-font-size: 14.00px;");
        assertThat(PresenterScale.remembered(prefs).scaleProperty().get()).isEqualTo(1.0);
    }

    @Test
    void plainPlusMinusAndZeroZoomTheTimelineButNotInATextField(FxRobot robot) throws Exception {
        runUnpaced(robot, "10-pool-saturation.yaml");
        robot.interact(() -> view.timeline().requestFocus());
        Viewport viewport = view.timeline().viewport();
        double fitted = viewport.nsPerPixel();
        robot.type(KeyCode.EQUALS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(viewport.nsPerPixel()).as("+ zooms in").isLessThan(fitted);
        assertThat(vm.presenter().scaleProperty().get()).as("and leaves the text alone").isEqualTo(1.0);
        double zoomed = viewport.nsPerPixel();
        robot.type(KeyCode.MINUS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(viewport.nsPerPixel()).as("- zooms out").isGreaterThan(zoomed);
        robot.type(KeyCode.EQUALS);
        robot.clickOn("#seed-field");
        robot.type(KeyCode.END, KeyCode.DIGIT0);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.seedProperty().get()).as("a 0 typed in the seed goes into the seed (10 -> 100)")
                .isEqualTo(100);
        assertThat(viewport.mode()).isNotEqualTo(Viewport.Mode.FIT);
        robot.interact(() -> view.timeline().requestFocus());
        robot.type(KeyCode.DIGIT0);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(viewport.mode()).as("0 fits the whole run").isEqualTo(Viewport.Mode.FIT);
    }
}
