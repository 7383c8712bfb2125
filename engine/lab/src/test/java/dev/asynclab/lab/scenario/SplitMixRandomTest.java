package dev.asynclab.lab.scenario;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/// `SplitMixRandom` draws what `SplittableRandom` of the same seed draws, for every call a scenario's
/// distributions, failures and arrivals make, in any mix: a run's events stay what its seed gave before.
class SplitMixRandomTest {

    @Property(tries = 500)
    void drawsWhatASplittableRandomOfTheSameSeedDraws(@ForAll long seed, @ForAll long calls,
                                                      @ForAll @IntRange(min = 1, max = 1000) int bound) {
        var jdk = new SplittableRandom(seed);
        var ours = new SplitMixRandom(seed);
        long pick = calls;
        for (int i = 0; i < 64; i++) {
            switch ((int) (pick & 7)) {
                case 0 -> assertThat(ours.nextDouble()).isEqualTo(jdk.nextDouble());
                case 1 -> assertThat(ours.nextGaussian()).isEqualTo(jdk.nextGaussian());
                case 2 -> assertThat(ours.nextInt(bound)).isEqualTo(jdk.nextInt(bound));
                case 3 -> assertThat(ours.nextLong(-bound, bound * 7L)).isEqualTo(jdk.nextLong(-bound, bound * 7L));
                case 4 -> assertThat(ours.nextLong()).isEqualTo(jdk.nextLong());
                case 5 -> assertThat(ours.nextInt()).isEqualTo(jdk.nextInt());
                case 6 -> assertThat(ours.nextExponential()).isEqualTo(jdk.nextExponential());
                default -> assertThat(ours.nextDouble(0.5, 2.0)).isEqualTo(jdk.nextDouble(0.5, 2.0));
            }
            pick = Long.rotateRight(pick, 3) ^ i;
        }
    }
}
