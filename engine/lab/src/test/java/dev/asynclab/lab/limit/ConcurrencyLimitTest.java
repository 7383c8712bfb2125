package dev.asynclab.lab.limit;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/// The algorithms' arithmetic, sample by sample.
class ConcurrencyLimitTest {

    private static final long MS = 1_000_000;

    @Test
    void aimdGrowsByOneWhenBusyAndHalvesOnEveryDrop() {
        var aimd = ConcurrencyLimit.aimd(10, 1, 40, 0.5, 100 * MS);
        assertThat(aimd.update(20 * MS, 5, false)).isEqualTo(11);
        assertThat(aimd.update(20 * MS, 2, false)).as("less than half busy: no growth").isEqualTo(11);
        assertThat(aimd.update(20 * MS, 9, true)).isEqualTo(5);
        assertThat(aimd.update(150 * MS, 5, false)).as("slower than its timeout counts as a drop").isEqualTo(2);
        assertThat(aimd.update(20 * MS, 1, true)).isEqualTo(1);
        assertThat(aimd.update(20 * MS, 1, true)).as("never below min").isEqualTo(1);
    }

    @Test
    void aimdBacksOffByAtLeastOne() {
        var aimd = ConcurrencyLimit.aimd(3, 1, 40, 0.9, 100 * MS);
        assertThat(aimd.update(1, 3, true)).isEqualTo(2); // 3 * 0.9 = 2.7 -> 2
        assertThat(aimd.update(1, 2, true)).isEqualTo(1); // 2 * 0.9 = 1.8 -> 1
    }

    @Test
    void vegasGrowsWithoutAQueueAndShrinksWithALargeOne() {
        var vegas = ConcurrencyLimit.vegas(20, 1000, new SplittableRandom(1));
        assertThat(vegas.update(10 * MS, 20, false)).as("the first sample sets the no-load RTT").isEqualTo(20);
        assertThat(vegas.update(10 * MS, 20, false)).as("no queue: + 6 log10(20)").isEqualTo(26);
        int before = vegas.limit();
        // rtt twice the no-load one: queue = limit / 2 = 13 > 6 * log10(26) = 6: shrink by log10
        assertThat(vegas.update(20 * MS, 26, false)).isEqualTo(before - 1);
        assertThat(vegas.update(10 * MS, 25, true)).as("a drop shrinks it").isEqualTo(before - 2);
    }

    @Test
    void gradient2HoldsAtSteadyRttsPlusItsQueueAndShrinksWhenRttRises() {
        var g = ConcurrencyLimit.gradient2(20, 1, 200, 4, 0.2, 600);
        int limit = 0;
        for (int i = 0; i < 20; i++) {
            limit = g.update(10 * MS, 20, false); // steady RTT, gradient 1: + queue * smoothing each sample
        }
        assertThat(limit).isGreaterThan(30);
        int steady = g.limit();
        assertThat(g.update(40 * MS, steady, false)).as("RTT four times the average: gradient 0.5")
                .isLessThan(steady);
        assertThat(g.update(10 * MS, 1, false)).as("app-limited: no change").isEqualTo(g.limit());
    }
}
