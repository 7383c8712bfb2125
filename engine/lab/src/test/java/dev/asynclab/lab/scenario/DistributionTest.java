package dev.asynclab.lab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class DistributionTest {

    private static final Duration MS_20 = Duration.ofMillis(20);

    @Test
    void sameSeedGivesTheSameDraws() {
        Distribution d = new Distribution.LogNormal(MS_20, 0.7);

        assertThat(draws(d, 1, 100)).containsExactly(draws(d, 1, 100));
        assertThat(draws(d, 1, 100)).isNotEqualTo(draws(d, 2, 100));
    }

    @Test
    void fixedIsAlwaysItsValue() {
        assertThat(draws(new Distribution.Fixed(MS_20), 3, 10)).containsOnly(20_000_000L);
    }

    @Test
    void uniformStaysWithinItsBoundsAndCentresOnItsMean() {
        Distribution d = new Distribution.Uniform(Duration.ofMillis(50), Duration.ofMillis(150));
        long[] draws = draws(d, 4, 100_000);

        assertThat(LongStream.of(draws).min().orElseThrow()).isGreaterThanOrEqualTo(50_000_000L);
        assertThat(LongStream.of(draws).max().orElseThrow()).isLessThanOrEqualTo(150_000_000L);
        assertThat(mean(draws)).isCloseTo(100e6, within(1e6));
        assertThat(d.mean()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void exponentialHasItsMean() {
        assertThat(mean(draws(new Distribution.Exponential(MS_20), 5, 200_000))).isCloseTo(20e6, within(0.3e6));
    }

    @Test
    void normalHasItsMeanAndNeverGoesBelowZero() {
        long[] draws = draws(new Distribution.Normal(Duration.ofMillis(50), Duration.ofMillis(10)), 6, 100_000);

        assertThat(mean(draws)).isCloseTo(50e6, within(0.3e6));
        long[] clipped = draws(new Distribution.Normal(Duration.ofMillis(1), Duration.ofMillis(10)), 6, 1000);
        assertThat(LongStream.of(clipped).min().orElseThrow()).isZero();
    }

    @Test
    void lognormalHasItsMedianAndMean() {
        Distribution d = new Distribution.LogNormal(MS_20, 0.5);
        long[] draws = draws(d, 7, 200_001);

        assertThat(LongStream.of(draws).sorted().toArray()[100_000]).isCloseTo(20_000_000L, within(300_000L));
        assertThat(mean(draws)).isCloseTo(d.mean().toNanos(), within(0.3e6));
    }

    static long[] draws(Distribution d, long seed, int n) {
        SplittableRandom random = new SplittableRandom(seed);
        return LongStream.range(0, n).map(i -> d.sample(random)).toArray();
    }

    static double mean(long[] values) {
        return LongStream.of(values).average().orElseThrow();
    }
}
