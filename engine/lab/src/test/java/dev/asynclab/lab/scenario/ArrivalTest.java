package dev.asynclab.lab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ArrivalTest {

    private static final Duration START = Duration.ofMillis(100);

    @Test
    void everyIsEvenlySpacedFromItsStart() {
        long[] times = new Arrival.Every(Duration.ofMillis(20), START).times(3, new SplittableRandom(1));

        assertThat(times).containsExactly(100_000_000L, 120_000_000L, 140_000_000L);
    }

    @Test
    void immediateIsEverythingAtZero() {
        assertThat(Arrival.IMMEDIATE.times(4, new SplittableRandom(1))).containsOnly(0L);
    }

    @Test
    void atGivesItsOffsetsInOrder() {
        Arrival at = new Arrival.At(List.of(Duration.ofMillis(5), Duration.ZERO), START);

        assertThat(at.times(2, new SplittableRandom(1))).containsExactly(100_000_000L, 105_000_000L);
        assertThatThrownBy(() -> at.times(3, new SplittableRandom(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void burstSendsGroupsOfItsSize() {
        long[] times = new Arrival.Burst(3, Duration.ofSeconds(1), Duration.ZERO).times(7, new SplittableRandom(1));

        assertThat(times).containsExactly(0L, 0L, 0L, 1_000_000_000L, 1_000_000_000L, 1_000_000_000L,
                2_000_000_000L);
    }

    @Test
    void poissonArrivesAtItsRateInOrderAndDeterministically() {
        Arrival poisson = new Arrival.Poisson(50, START);
        long[] times = poisson.times(100_000, new SplittableRandom(9));

        assertThat(times).isSorted();
        assertThat(times[0]).isGreaterThanOrEqualTo(START.toNanos());
        double meanGap = (times[times.length - 1] - START.toNanos()) / (double) times.length;
        assertThat(meanGap).isCloseTo(20e6, within(0.2e6));
        assertThat(poisson.times(100, new SplittableRandom(9))).containsExactly(
                java.util.Arrays.copyOf(times, 100));
    }
}
