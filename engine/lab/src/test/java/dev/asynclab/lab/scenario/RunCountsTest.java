package dev.asynclab.lab.scenario;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/// A run's counts of launched and ended top-level tasks (the CLI's progress) on the simulated clock, where the
/// runner counts them on the simulation thread without atomics: every task ends, launched or not.
class RunCountsTest {

    @Test
    void aFinishedRunCountsEveryTaskLaunchedAndEnded() throws Exception {
        Scenario s = ScenarioLoader.load("counts.yaml", """
                name: counts
                seed: 3
                pool: { size: 2, queue: 3 }
                callbacks:
                  - name: job
                    count: 40
                    arrival: { every: 1ms }
                    work: { sleep: 5ms }
                    timeout: 4ms
                """);
        ScenarioRun run = ScenarioRunner.start(s, RunOptions.DEFAULTS.withClock(ClockMode.SIMULATED), List.of());
        run.await(Duration.ofMinutes(1));

        assertThat(run.total()).isEqualTo(40);
        assertThat(run.launched()).isEqualTo(40);
        assertThat(run.ended()).isEqualTo(40);
        assertThat(run.progress()).isEqualTo(1.0);
    }

    @Test
    void arrivalsAfterACancelAllEndWithoutBeingLaunched() throws Exception {
        Scenario s = ScenarioLoader.load("cancelled.yaml", """
                name: cancelled
                seed: 3
                pool: { size: 2 }
                cancel_all: { at: 100ms }
                callbacks:
                  - name: job
                    count: 10
                    arrival: { every: 40ms }
                    work: { sleep: 500ms }
                """);
        ScenarioRun run = ScenarioRunner.start(s, RunOptions.DEFAULTS.withClock(ClockMode.SIMULATED), List.of());
        var summary = run.await(Duration.ofMinutes(1));

        assertThat(run.launched()).isEqualTo(3); // at 0, 40 and 80 ms
        assertThat(run.ended()).isEqualTo(10);
        assertThat(summary.overall().outcomes()).containsEntry("CANCELLED", 3L);
    }
}
