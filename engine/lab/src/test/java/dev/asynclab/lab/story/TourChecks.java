package dev.asynclab.lab.story;

import dev.asynclab.engine.event.Event;
import dev.asynclab.lab.metrics.RunSummary;
import dev.asynclab.lab.scenario.Scenario;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/// What every built-in tour must do on a simulated run of its scenario: have 3 to 6 steps, each of which the run
/// reaches, in the order they are told, and questions whose right answer the run decides.
public final class TourChecks {

    private TourChecks() {
    }

    public static void check(Scenario scenario, List<Event> events, RunSummary summary) {
        String name = scenario.source().map(p -> p.getFileName().toString()).orElse(scenario.name());
        assertThat(scenario.tour().steps()).as(name + ": a tour of 3 to 6 steps").hasSizeBetween(3, 6);
        List<TourStop> stops = TourPlan.of(scenario.tour(), RunHistory.of(events), summary);
        long lastSeq = -1;
        for (TourStop stop : stops) {
            String step = name + " step " + (stop.index() + 1) + " (" + stop.step().trigger().describe() + ")";
            assertThat(stop.triggered()).as(step + " triggers during the run").isTrue();
            assertThat(stop.seq()).as(step + " comes after the step before it").isGreaterThanOrEqualTo(lastSeq);
            lastSeq = stop.seq();
            stop.answer().ifPresent(answer -> {
                assertThat(answer.right()).as(step + ": one choice holds the run's count " + answer.value())
                        .isPresent();
                var question = stop.step().question().orElseThrow();
                assertThat(question.choices().get(answer.right().getAsInt()).when().test(answer.value())).isTrue();
                assertThat(answer.verdict(question, answer.right().getAsInt())).startsWith("Right. The run shows "
                        + answer.value() + ": ");
            });
        }
        assertThat(stops).as(name + ": at least one question").anyMatch(s -> s.answer().isPresent());
    }
}
