package dev.asynclab.engine.spi;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/// Tasks due now wait in a ring that starts with 64 slots: past that, and wrapped round, they still run in the
/// order they came, interleaved with timers by (due, order), and one called off runs nothing.
class SimulatedSchedulerNowRingTest {

    @Test
    void manyTasksDueNowRunInOrderAcrossTheRingGrowingWhileWrapped() {
        var sim = new SimulatedScheduler();
        List<Integer> ran = new ArrayList<>();
        // Half run first, so the ring's head has moved on when the second wave makes it grow.
        for (int i = 0; i < 50; i++) {
            int n = i;
            sim.workers().execute(() -> ran.add(n));
        }
        sim.schedule(() -> {
            for (int i = 50; i < 300; i++) {
                int n = i;
                if (n == 120) {
                    sim.schedule(() -> ran.add(-1), 0).cancel(); // called off before it comes up
                }
                sim.workers().execute(() -> ran.add(n));
            }
        }, 0);
        sim.schedule(() -> ran.add(1_000), 5); // a timer: after everything due at 0
        long tasks = sim.runUntilIdle();

        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            expected.add(i);
        }
        expected.add(1_000);
        assertThat(ran).isEqualTo(expected);
        assertThat(tasks).isEqualTo(302); // 300 + the task that queued the second wave + the timer
        assertThat(sim.nanoTime()).isEqualTo(5);
        assertThat(sim.pendingTasks()).isZero();
    }
}
