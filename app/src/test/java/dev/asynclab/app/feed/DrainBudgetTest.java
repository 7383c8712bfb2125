package dev.asynclab.app.feed;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DrainBudgetTest {

    private final DrainBudget budget = new DrainBudget(8_000_000, 256);

    @Test
    void assumesAColdJitUntilItHasSeenADrain() {
        assertThat(budget.slice(50_000)).isEqualTo((int) (8_000_000 / DrainBudget.COLD_NANOS_PER_EVENT));
        assertThat(budget.slice(100)).isEqualTo(100);
    }

    @Test
    void takesWhatFitsInTheBudgetAtTheLearnedCost() {
        budget.record(1_000, 1_000_000); // 1 µs an event
        assertThat(budget.slice(50_000)).isEqualTo(8_000);
        assertThat(budget.slice(3_000)).isEqualTo(3_000);
    }

    @Test
    void neverTakesFewerThanTheMinimumSoABacklogShrinks() {
        budget.record(100, 100_000_000); // 1 ms an event: a cold JIT
        assertThat(budget.slice(10_000)).isEqualTo(256);
        assertThat(budget.slice(100)).isEqualTo(100);
    }

    @Test
    void averagesDrainsSoOneSlowFrameDoesNotStarveTheNext() {
        budget.record(1_000, 1_000_000);  // 1 µs
        budget.record(1_000, 3_000_000);  // 3 µs, say a chart redrew in this frame
        assertThat(budget.nanosPerEvent()).isEqualTo(2_000.0);
        assertThat(budget.slice(50_000)).isEqualTo(4_000);
    }

    @Test
    void tinyDrainsDoNotCount() {
        budget.record(3, 30_000_000);
        assertThat(budget.nanosPerEvent()).isEqualTo(DrainBudget.COLD_NANOS_PER_EVENT);
    }

    @Test
    void theFirstDrainReplacesTheColdGuessOutright() {
        budget.record(1_000, 1_000_000);
        assertThat(budget.nanosPerEvent()).isEqualTo(1_000.0);
    }
}
