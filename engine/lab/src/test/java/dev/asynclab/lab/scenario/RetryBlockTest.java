package dev.asynclab.lab.scenario;

import dev.asynclab.engine.RetryPolicy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/// A scenario's `retry:` block reads into the engine's own [RetryPolicy], with the scenario's defaults where
/// the block says nothing; the run's copies of it (slowed down, other attempts) change only what they say.
class RetryBlockTest {

    private static CallbackSpec only(String callback) throws ScenarioException {
        return (CallbackSpec) ScenarioLoader.load("r.yaml", "name: r\ncallbacks:\n  - " + callback + "\n")
                .steps().getFirst();
    }

    @Test
    void attemptsAloneMeansRetryAtOnceOnEveryFailureAndTimeout() throws ScenarioException {
        RetryPolicy policy = only("{ name: a, retry: { attempts: 3 } }").retry();

        assertThat(policy.maxAttempts()).as("tries in all, the first included").isEqualTo(3);
        assertThat(policy.delay()).as("a scenario's delay defaults to none, not the builder's 100 ms")
                .isEqualTo(Duration.ZERO);
        assertThat(policy.backoff()).isEqualTo(1.0);
        assertThat(policy.maxDelay()).isEqualTo(Duration.ZERO);
        assertThat(policy.jitter()).isZero();
        assertThat(policy.retryOn()).isEmpty();
        assertThat(policy.retryTimeouts()).isTrue();
        assertThat(policy.deadline()).isEqualTo(Duration.ZERO);
    }

    @Test
    void aCallbackWithoutRetryTriesOnce() throws ScenarioException {
        RetryPolicy policy = only("{ name: a }").retry();

        assertThat(policy.maxAttempts()).isEqualTo(1);
        assertThat(RetryPolicies.retries(policy)).isFalse();
    }

    @Test
    void defaultsRetryReachesCallbacksThatSayNothing() throws ScenarioException {
        String text = "name: r\ndefaults: { retry: { attempts: 4, delay: 10ms } }\ncallbacks:\n  - { name: a }\n"
                + "  - { name: b, retry: { attempts: 2 } }\n";
        List<Step> steps = ScenarioLoader.load("r.yaml", text).steps();

        assertThat(((CallbackSpec) steps.get(0)).retry().maxAttempts()).isEqualTo(4);
        assertThat(((CallbackSpec) steps.get(0)).retry().delay()).isEqualTo(Duration.ofMillis(10));
        assertThat(((CallbackSpec) steps.get(1)).retry().maxAttempts()).as("its own block wins whole").isEqualTo(2);
        assertThat(((CallbackSpec) steps.get(1)).retry().delay()).isEqualTo(Duration.ZERO);
    }

    @Test
    void retryOnTakesOneErrorTypeOrAList() throws ScenarioException {
        assertThat(only("{ name: a, retry: { attempts: 2, retry_on: IOException } }").retry().retryOn())
                .containsExactly("IOException");
        assertThat(only("{ name: a, retry: { attempts: 2, retry_on: [IOException, TimeoutError] } }").retry()
                .retryOn()).isEqualTo(Set.of("IOException", "TimeoutError"));
    }

    @Test
    void aSlowedRunWaitsProportionallyLongerBetweenTries() {
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(4).delay(Duration.ofMillis(100))
                .backoff(2.0, Duration.ofSeconds(1)).jitter(0.2).retryOn("IOException").retryTimeouts(false)
                .deadline(Duration.ofSeconds(5)).build();

        RetryPolicy slowed = RetryPolicies.scaled(policy, d -> d.multipliedBy(10));

        assertThat(slowed).usingRecursiveComparison().isEqualTo(RetryPolicy.builder().maxAttempts(4)
                .delay(Duration.ofSeconds(1)).backoff(2.0, Duration.ofSeconds(10)).jitter(0.2).retryOn("IOException")
                .retryTimeouts(false).deadline(Duration.ofSeconds(50)).build());
    }

    @Test
    void withMaxAttemptsChangesOnlyTheAttempts() {
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(2).delay(Duration.ofMillis(30)).jitter(0.5)
                .retryTimeouts(false).build();

        RetryPolicy five = RetryPolicies.withMaxAttempts(policy, 5);

        assertThat(five.maxAttempts()).isEqualTo(5);
        assertThat(five).usingRecursiveComparison().ignoringFields("maxAttempts").isEqualTo(policy);
    }
}
