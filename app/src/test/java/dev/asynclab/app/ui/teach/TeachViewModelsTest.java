package dev.asynclab.app.ui.teach;

import dev.asynclab.app.store.EventStore;
import dev.asynclab.engine.event.Event;
import dev.asynclab.lab.scenario.ClockMode;
import dev.asynclab.lab.scenario.RunOptions;
import dev.asynclab.lab.scenario.Scenario;
import dev.asynclab.lab.scenario.ScenarioLoader;
import dev.asynclab.lab.scenario.ScenarioRunner;
import dev.asynclab.lab.story.RunHistory;
import dev.asynclab.lab.story.StoryTeller;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

import static dev.asynclab.app.ui.teach.TourPlayerViewModelTest.SCENARIOS;
import static org.assertj.core.api.Assertions.assertThat;

class TeachViewModelsTest {

    @Test
    void theCaptionPanelKeepsTheScenarioTitleAndDescriptionAsOneParagraph() throws Exception {
        var caption = new CaptionPanelViewModel();
        assertThat(caption.presentProperty().get()).isFalse();
        caption.show(ScenarioLoader.load(SCENARIOS.resolve("01-timeout.yaml")));
        assertThat(caption.titleProperty().get()).isEqualTo("A timeout");
        assertThat(caption.descriptionProperty().get()).startsWith("Twenty calls to a slow service that answers in "
                + "80 to 120 ms, each with a 100 ms timeout. Look at the timeline:").doesNotContain("\n");
        caption.show(null);
        assertThat(caption.presentProperty().get()).isFalse();
        assertThat(CaptionPanelViewModel.oneParagraph("a\nb\n\nc")).isEqualTo("a b\n\nc");
    }

    @Test
    void theDetailsStoryIsTheExplainStoryOfTheSelection() throws Exception {
        Scenario s = ScenarioLoader.load(SCENARIOS.resolve("04-retry-fixed-delay.yaml"));
        List<Event> events = new ArrayList<>();
        ScenarioRunner.start(s, RunOptions.DEFAULTS.withClock(ClockMode.SIMULATED), List.of(events::add))
                .await(Duration.ofMinutes(1));
        var story = new StoryViewModel();
        story.tell(events, 3);
        assertThat(story.textProperty().get()).startsWith("flaky-db #1 arrived at 0.0 ms. Attempt 1 (#1) started "
                + "at once on w0").endsWith("The caller got its result after 160 ms; it took 3 attempts.");
        story.tell(events.subList(0, 6), 1);
        assertThat(story.textProperty().get()).as("a replay scrubbed back tells the story so far")
                .doesNotContain("Attempt 3");
        story.tell(events, -1);
        assertThat(story.textProperty().get()).isEmpty();

        var store = new EventStore();
        store.appendAll(events);
        story.tell(store, store.invocationSlot(3));
        assertThat(story.textProperty().get()).as("told from the app's store, as from the events")
                .isEqualTo(StoryTeller.tell(RunHistory.of(events), 3).orElseThrow().paragraph());
        story.tell(store, -1);
        assertThat(story.textProperty().get()).isEmpty();
    }

    @Test
    void presenterScaleStepsUpAndDownWithinItsRange() {
        var presenter = new PresenterScale();
        assertThat(presenter.rootStyle()).as("the theme's own size").isEqualTo("-fx-font-size: 14.00px;");
        presenter.larger();
        assertThat(presenter.scaleProperty().get()).isEqualTo(1.15);
        for (int i = 0; i < 20; i++) {
            presenter.larger();
        }
        assertThat(presenter.scaleProperty().get()).isEqualTo(2.0);
        assertThat(presenter.rootStyle()).isEqualTo("-fx-font-size: 28.00px;");
        for (int i = 0; i < 20; i++) {
            presenter.smaller();
        }
        assertThat(presenter.scaleProperty().get()).isEqualTo(0.85);
        presenter.scaleProperty().set(9);
        assertThat(presenter.rootStyle()).as("a setting out of range is clamped").isEqualTo("-fx-font-size: 28.00px;");
        presenter.reset();
        assertThat(presenter.scaleProperty().get()).isEqualTo(1.0);
    }

    @Test
    void theRememberedScaleIsSavedAsItChangesAndReadBackNextTime() throws Exception {
        Preferences prefs = Preferences.userRoot().node("asynclab-presenter-" + System.nanoTime());
        try {
            var presenter = PresenterScale.remembered(prefs);
            assertThat(presenter.scaleProperty().get()).as("nothing saved yet").isEqualTo(1.0);
            presenter.larger();
            presenter.larger();
            assertThat(PresenterScale.remembered(prefs).scaleProperty().get()).isEqualTo(1.25);
            prefs.putDouble(PresenterScale.KEY, 40);
            assertThat(PresenterScale.remembered(prefs).scaleProperty().get()).as("a bad value is clamped")
                    .isEqualTo(2.0);
        } finally {
            prefs.removeNode();
        }
    }
}
