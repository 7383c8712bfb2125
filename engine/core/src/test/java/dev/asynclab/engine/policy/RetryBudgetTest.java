package dev.asynclab.engine.policy;

import dev.asynclab.engine.RetryBudget;
import dev.asynclab.engine.RetryPolicy;
import dev.asynclab.engine.Sim;
import dev.asynclab.engine.AsyncCallbackResult.Status;
import dev.asynclab.engine.Task;
import dev.asynclab.engine.event.EventType;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.asynclab.engine.Sim.ms;
import static dev.asynclab.engine.policy.Calls.at;
import static dev.asynclab.engine.policy.Calls.failingAfter;
import static dev.asynclab.engine.policy.Calls.futures;
import static org.assertj.core.api.Assertions.assertThat;

class RetryBudgetTest {

    private static final RetryPolicy THREE_TRIES = RetryPolicy.builder().maxAttempts(3).delay(ms(5)).build();

    @Test
    void retriesStopAtTheShareOfCallsTheBudgetAllows() {
        try (var sim = new Sim()) {
            var budget = RetryBudget.builder("backend").runtime(sim.runtime).ratio(0.5).minPerSecond(0)
                    .window(Duration.ofSeconds(10)).build();
            var fs = futures();
            for (int i = 0; i < 10; i++) {
                at(sim, 0, Task.call("call", failingAfter(10), ms(50)).withRetry(THREE_TRIES)
                        .withRetryBudget(budget), fs);
            }
            sim.run();
            // without the budget: 10 calls, 20 retries; with it: half as many retries as calls
            assertThat(sim.events(EventType.STARTED)).hasSize(15);
            assertThat(sim.events(EventType.RETRY_SCHEDULED)).hasSize(5);
            assertThat(sim.events(EventType.BUDGET_EXHAUSTED)).hasSize(10);
            assertThat(sim.events(EventType.BUDGET_EXHAUSTED).getFirst().value()).isEqualTo(
                    "retry budget 'backend' spent: 5 retries for 10 calls in the last 10000 ms (ratio 0.5, floor 0/s)");
            assertThat(fs).extracting(f -> f.join().status()).containsOnly(Status.FAILED);
        }
    }

    @Test
    void theFloorLetsAQuietServiceRetryAndTheWindowForgetsOldRetries() {
        try (var sim = new Sim()) {
            // a floor of 1 retry a second over 1 s: one retry, then none, then one again after the window
            var budget = RetryBudget.builder("backend").runtime(sim.runtime).ratio(0).minPerSecond(1)
                    .window(Duration.ofSeconds(1)).build();
            var fs = futures();
            var twoTries = RetryPolicy.builder().maxAttempts(2).delay(ms(5)).build();
            at(sim, 0, Task.call("a", failingAfter(10), ms(50)).withRetry(twoTries).withRetryBudget(budget), fs);
            at(sim, 100, Task.call("b", failingAfter(10), ms(50)).withRetry(twoTries).withRetryBudget(budget), fs);
            at(sim, 1_500, Task.call("c", failingAfter(10), ms(50)).withRetry(twoTries).withRetryBudget(budget), fs);
            sim.run();
            assertThat(sim.events(EventType.RETRY_SCHEDULED)).extracting(e -> e.name()).containsExactly("a", "c");
            assertThat(sim.events(EventType.BUDGET_EXHAUSTED)).extracting(e -> e.name()).containsExactly("b");
        }
    }
}
