package dev.asynclab.engine.internal;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/// Stepping a plain `long` by `GAMMA` and mixing it gives what `SplittableRandom` of that seed gives, so a callback's
/// `ctx.random()` draws the numbers it drew before it stopped building a `SplittableRandom` per invocation.
class SplitMixTest {

    @Property(tries = 1000)
    void stepsGiveWhatASplittableRandomOfTheSameSeedGives(@ForAll long seed) {
        var jdk = new SplittableRandom(seed);
        var kinds = new SplittableRandom(seed ^ 0x5DEECE66DL); // which call to compare next
        long s = seed;
        for (int i = 0; i < 32; i++) {
            s += SplitMix.GAMMA;
            switch (kinds.nextInt(3)) {
                case 0 -> assertThat(SplitMix.toDouble(s)).isEqualTo(jdk.nextDouble());
                case 1 -> assertThat(SplitMix.mix64(s)).isEqualTo(jdk.nextLong());
                default -> assertThat(SplitMix.mix32(s)).isEqualTo(jdk.nextInt());
            }
        }
    }
}
