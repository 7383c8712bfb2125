package dev.asynclab.lab.scenario;

import dev.asynclab.engine.event.EventType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TourLoaderTest {

    private static final String HEAD = """
            name: t
            callbacks:
              - name: slow-service
                count: 4
                work: { sleep: 10ms }
            """;

    private static List<String> problems(String tour) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load("t.yaml", HEAD + tour));
        return e.problems().stream().map(ScenarioProblem::toString).toList();
    }

    @Test
    void aTourIsReadWithItsTriggersCaptionsAndQuestion() throws Exception {
        Scenario s = ScenarioLoader.load("t.yaml", HEAD + """
                tour:
                  - at: 150ms
                    caption: >
                      Look at the queue.
                  - on: { event: timed_out, name: slow-service, attempt: 2 }
                    caption: A timeout.
                    question:
                      ask: How many?
                      answer: { count: timed_out, name: slow-service }
                      choices:
                        - { say: none, when: "0" }
                        - { say: some, when: ">= 1" }
                      explain: Because.
                """);
        List<TourStep> steps = s.tour().steps();
        assertThat(steps).hasSize(2);
        assertThat(steps.get(0).trigger()).isEqualTo(new TourTrigger.At(Duration.ofMillis(150)));
        assertThat(steps.get(0).caption()).isEqualTo("Look at the queue.");
        assertThat(steps.get(0).position()).isEqualTo(new Position(7, 5));
        assertThat(steps.get(1).trigger()).isEqualTo(new TourTrigger.On(EventType.TIMED_OUT,
                Optional.of("slow-service"), OptionalInt.of(2)));
        TourQuestion q = steps.get(1).question().orElseThrow();
        assertThat(q.answer()).isEqualTo(new TourMeasure("timed_out", Optional.of("slow-service")));
        assertThat(q.choices()).extracting(TourQuestion.Choice::say).containsExactly("none", "some");
        assertThat(q.explain()).contains("Because.");
        assertThat(ScenarioLoader.load("t.yaml", HEAD).tour().isEmpty()).isTrue();
    }

    @Test
    void aMistypedEventOrNameIsNamedAtItsPlace() {
        assertThat(problems("""
                tour:
                  - on: { event: timed_ot, name: slow-servce }
                    caption: x
                """)).containsExactly(
                "t.yaml:7:18: unknown event type 'timed_ot' in 'on' in tour step 1 (did you mean 'timed_out'?)",
                "t.yaml:7:34: no callback or group named 'slow-servce' in this scenario for 'name' in 'on' in tour "
                        + "step 1 (did you mean 'slow-service'?)");
    }

    @Test
    void aStepNeedsExactlyOneTriggerAndACaption() {
        assertThat(problems("""
                tour:
                  - { at: 1ms, on: { event: queued }, caption: x }
                  - { say: x }
                """)).containsExactly(
                "t.yaml:7:5: both 'at' and 'on' in tour step 1: expected one trigger, 'at: 150ms' or "
                        + "'on: { event: timed_out }'",
                "t.yaml:8:5: missing key 'caption' in tour step 2: expected what the learner should look at",
                "t.yaml:8:5: neither 'at' nor 'on' in tour step 2: expected one trigger, 'at: 150ms' or "
                        + "'on: { event: timed_out }'",
                "t.yaml:8:7: unknown key 'say' in tour step 2; expected one of: at, on, caption, question");
    }

    @Test
    void choicesThatOverlapAreRefusedSoTheRunDecidesOneAnswer() {
        assertThat(problems("""
                tour:
                  - at: 0ms
                    caption: x
                    question:
                      ask: How many?
                      answer: { count: max_queue, name: slow-service }
                      choices:
                        - { say: few, when: "0..5" }
                        - { say: many, when: ">= 5" }
                """)).containsExactly(
                "t.yaml:11:41: 'max_queue' is counted over the whole run, not per name: remove 'name' from "
                        + "'answer' in the question of tour step 1",
                "t.yaml:14:30: choice 2 ('>= 5') overlaps choice 1 ('0..5'): both would hold for 5; expected ranges "
                        + "that do not share a count");
    }

    @Test
    void anUnknownCountIsNamedWithTheNearestOne() {
        assertThat(problems("""
                tour:
                  - at: 0ms
                    caption: x
                    question:
                      ask: How many?
                      answer: { count: timedout }
                      choices: [{ say: a, when: "0" }]
                """)).containsExactly(
                "t.yaml:11:24: unknown count 'timedout' in 'answer' in the question of tour step 1 (did you mean "
                        + "'timed_out'?)",
                "t.yaml:12:16: expected a list of 2 to 6 choices for 'choices' in the question of tour step 1, "
                        + "found 1 choices");
    }
}
