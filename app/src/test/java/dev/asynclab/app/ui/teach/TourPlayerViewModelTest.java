package dev.asynclab.app.ui.teach;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import dev.asynclab.lab.metrics.RunSummary;
import dev.asynclab.lab.scenario.ClockMode;
import dev.asynclab.lab.scenario.RunOptions;
import dev.asynclab.lab.scenario.Scenario;
import dev.asynclab.lab.scenario.ScenarioLoader;
import dev.asynclab.lab.scenario.ScenarioRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/// The tour of 01-timeout played on a simulated run, against a stage that records what it was asked to show.
class TourPlayerViewModelTest {

    static final Path SCENARIOS = Path.of(System.getProperty("asynclab.project.root", ".."), "scenarios");

    static final class RecordingStage implements TourStage {
        final List<Integer> shown = new ArrayList<>();
        List<Long> highlighted = List.of();

        @Override
        public void show(int eventCount) {
            shown.add(eventCount);
        }

        @Override
        public void highlight(List<Long> ids) {
            highlighted = ids;
        }

        int last() {
            return shown.getLast();
        }
    }

    private final RecordingStage stage = new RecordingStage();
    private final List<Event> events = new ArrayList<>();
    private TourPlayerViewModel tour;

    @BeforeEach
    void playTheTimeoutTour() throws Exception {
        Scenario s = ScenarioLoader.load(SCENARIOS.resolve("01-timeout.yaml"));
        RunSummary summary = ScenarioRunner.start(s, RunOptions.DEFAULTS.withClock(ClockMode.SIMULATED),
                List.of(events::add)).await(Duration.ofMinutes(1));
        tour = TourPlayerViewModel.of(s, events, summary, stage);
    }

    private int countThroughFirst(EventType type) {
        int n = 0;
        for (Event e : events) {
            n++;
            if (e.type() == type) {
                return n;
            }
        }
        throw new AssertionError("no " + type);
    }

    @Test
    void eachStepScrubsTheRunToItsMomentAndShowsItsCaption() {
        tour.restart();
        assertThat(tour.positionProperty().get()).isEqualTo("Step 1 of 4");
        assertThat(tour.captionProperty().get()).startsWith("0.0 ms — Twenty calls to a slow service arrive");
        assertThat(stage.last()).isZero();
        assertThat(tour.canBackProperty().get()).isFalse();
        assertThat(tour.canNextProperty().get()).isTrue();

        tour.next();
        assertThat(tour.captionProperty().get()).startsWith("95.9 ms — This call's work took less than 100 ms");
        assertThat(stage.last()).isEqualTo(countThroughFirst(EventType.SUCCEEDED));
        assertThat(stage.highlighted).containsExactly(1L);
    }

    @Test
    void aQuestionHoldsNextBackUntilAnsweredThenSaysWhy() {
        tour.restart();
        tour.next();
        tour.next();
        assertThat(tour.questionProperty().get()).isEqualTo("How many of the 20 calls will time out?");
        assertThat(tour.choices()).containsExactly("none", "a few (1 to 5)", "about half (6 to 14)",
                "nearly all (15 or more)");
        assertThat(stage.highlighted).containsExactly(2L);
        assertThat(tour.canNextProperty().get()).isFalse();
        tour.next();
        assertThat(tour.indexProperty().get()).as("Next waits for an answer").isEqualTo(2);

        tour.choose(1);
        assertThat(tour.revealedProperty().get()).isTrue();
        assertThat(tour.verdictProperty().get()).isEqualTo("Not quite: the answer is 'about half (6 to 14)'. "
                + "The run shows 12: timed_out of slow-service (invocations that ended TIMED_OUT). The work takes "
                + "80 to 120 ms, spread evenly, so roughly every call whose work needs more than 100 ms, about half, "
                + "times out.");
        tour.choose(2);
        assertThat(tour.chosenProperty().get()).as("an answer cannot be taken back").isEqualTo(1);
        assertThat(tour.canNextProperty().get()).isTrue();
    }

    @Test
    void theRightAnswerIsSaidRight() {
        tour.restart();
        tour.next();
        tour.next();
        tour.choose(2);
        assertThat(tour.verdictProperty().get()).startsWith("Right. The run shows 12: ");
    }

    @Test
    void backScrubsBackAndRestartGoesToTheFirstStep() {
        tour.restart();
        tour.next();
        tour.next();
        tour.choose(2);
        tour.next();
        int atLast = stage.last();
        assertThat(tour.positionProperty().get()).isEqualTo("Step 4 of 4");
        assertThat(tour.canNextProperty().get()).isFalse();
        tour.back();
        assertThat(tour.indexProperty().get()).isEqualTo(2);
        assertThat(stage.last()).isLessThan(atLast);
        assertThat(tour.revealedProperty().get()).as("the question is asked again").isFalse();
        tour.restart();
        assertThat(tour.indexProperty().get()).isZero();
        assertThat(stage.last()).isZero();
    }
}
