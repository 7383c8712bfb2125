package dev.asynclab.lab.scenario;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/// A declared `fail:` fails its first attempts for sure, then each attempt with its probability.
class FailureTest {

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
