package dev.asynclab.lab.story;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/// An invocation's story names the resilience policy that acted on it, in the same words as the step captions.
class PolicyStoryTest {

    /// The second failure (at 30 ms) opens the breaker for 1 s, so the call at 40 ms is refused with 990 ms to go.
    @Test
    void aCallRefusedByAnOpenBreakerSaysSoAndThatItNeverRan() throws Exception {
        RunHistory h = SimulatedRuns.run("""
                name: breaker
                pool: { size: 1 }
                circuit_breakers:
                  db: { window: 2, minimum_calls: 2, failure_rate: 50, open_for: 1s, half_open_calls: 1 }
                callbacks:
                  - name: query
                    count: 3
                    arrival: { at: [0ms, 20ms, 40ms] }
                    work: { sleep: 10ms }
                    fail: { probability: 1.0, error: IOException, message: down }
                    timeout: 1s
                    circuit_breaker: db
                """);
        assertThat(StoryTeller.tell(h, 3).orElseThrow().sentences()).containsExactly(
                "query #3 arrived at 40.0 ms.",
                "It was refused at once by the circuit breaker (rejected), so its callback never ran: circuit 'db' is"
                        + " open (for 990 ms more).",
                "The caller got a rejection at once.");
    }

    @Test
    void aFallbackSaysWhatItReplacedAndWhatTheCallerGot() throws Exception {
        RunHistory h = SimulatedRuns.run("""
                name: fallback
                pool: { size: 1 }
                callbacks:
                  - name: recommend
                    count: 1
                    arrival: { at: [0ms] }
                    work: { sleep: 10ms }
                    fail: { probability: 1.0, error: IOException, message: down }
                    timeout: 1s
                    fallback: { value: top sellers, on: [failed] }
                """);
        assertThat(StoryTeller.tell(h, 1).orElseThrow().sentences()).contains(
                "Its fallback took the place of that outcome (IOException: down): the caller got 'top sellers'"
                        + " instead.");
    }

    @Test
    void anInjectedFaultIsToldAsDoneOnPurpose() throws Exception {
        RunHistory h = SimulatedRuns.run("""
                name: faults
                pool: { size: 1 }
                callbacks:
                  - name: primary
                    count: 1
                    arrival: { at: [0ms] }
                    work: { sleep: 10ms }
                    timeout: 1s
                    faults:
                      - { rate: 1.0, error: IOException, message: "injected: reset" }
                """);
        assertThat(StoryTeller.tell(h, 1).orElseThrow().sentences())
                .anySatisfy(s -> assertThat(s).startsWith("A fault was injected into it on purpose"));
    }

    @Test
    void aRetryTheBudgetRefusedIsToldAsNotRetried() throws Exception {
        RunHistory h = SimulatedRuns.run("""
                name: budget
                pool: { size: 1 }
                retry_budgets:
                  backend: { ratio: 0.0, min_per_second: 0, window: 10s }
                callbacks:
                  - name: search
                    count: 1
                    arrival: { at: [0ms] }
                    work: { sleep: 10ms }
                    fail: { probability: 1.0, error: IOException, message: down }
                    timeout: 1s
                    retry: { attempts: 3, delay: 10ms }
                    retry_budget: backend
                """);
        assertThat(StoryTeller.tell(h, 1).orElseThrow().sentences())
                .anySatisfy(s -> assertThat(s).startsWith("It was not retried: "));
    }
}
