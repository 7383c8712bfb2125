package dev.asynclab.lab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asynclab.engine.RetryPolicy;
import java.time.Duration;
import java.util.Set;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryTest {

    private static final Retry BACKOFF = new Retry(5, Duration.ofMillis(100), 2.0, Duration.ofMillis(500), 0.2,
            List.of("IOException"), false, Duration.ZERO);

    @Test
    void attemptsCountTriesInAll() {
        assertThat(Retry.NONE.enabled()).isFalse();
        assertThat(BACKOFF.enabled()).isTrue();
        assertThatThrownBy(() -> new Retry(0, Duration.ZERO, 1, Duration.ZERO, 0, List.of(), true, Duration.ZERO))
                .hasMessageContaining("tries in all");
    }

    @Test
    void delayGrowsByTheBackoffFactorUpToTheCap() {
        double middle = 0.5; // a draw of 0.5 means no jitter either way
        assertThat(BACKOFF.delayAfter(1, middle)).isEqualTo(Duration.ofMillis(100));
        assertThat(BACKOFF.delayAfter(2, middle)).isEqualTo(Duration.ofMillis(200));
        assertThat(BACKOFF.delayAfter(3, middle)).isEqualTo(Duration.ofMillis(400));
        assertThat(BACKOFF.delayAfter(4, middle)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void jitterSpreadsByItsFractionEitherWay() {
        assertThat(BACKOFF.delayAfter(1, 0.0)).isEqualTo(Duration.ofMillis(80));
        assertThat(BACKOFF.delayAfter(1, 0.999999)).isBetween(Duration.ofMillis(119), Duration.ofMillis(120));
    }

    @Test
    void agreesWithTheEnginesRetryPolicy() {
        RetryPolicy policy = BACKOFF.toPolicy();

        assertThat(policy).isEqualTo(new RetryPolicy(5, Duration.ofMillis(100), 2.0, Duration.ofMillis(500), 0.2,
                Set.of("IOException"), false, Duration.ZERO));
        for (int retry = 1; retry <= 6; retry++) {
            for (double draw : new double[] {0.0, 0.3, 0.5, 0.9}) {
                assertThat(policy.delayNanos(retry, draw)).isEqualTo(BACKOFF.delayAfter(retry, draw).toNanos());
            }
        }
    }

    @Test
    void retriesOnlyTheNamedErrorTypes() {
        assertThat(BACKOFF.retriesOn("IOException")).isTrue();
        assertThat(BACKOFF.retriesOn("IllegalStateException")).isFalse();
        assertThat(Retry.NONE.retriesOn("Anything")).isTrue();
    }

    @Test
    void failureFailsTheFirstAttemptsThenByProbability() {
        Failure failure = new Failure(0.25, "E", "m", 2, false);

        assertThat(failure.failsOn(1, 0.99)).isTrue();
        assertThat(failure.failsOn(2, 0.99)).isTrue();
        assertThat(failure.failsOn(3, 0.99)).isFalse();
        assertThat(failure.failsOn(3, 0.1)).isTrue();
        assertThat(Failure.NONE.failsOn(1, 0.0)).isFalse();
    }
}
