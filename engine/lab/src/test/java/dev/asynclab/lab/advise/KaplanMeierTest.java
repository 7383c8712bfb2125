package dev.asynclab.lab.advise;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class KaplanMeierTest {

    @Test
    void textbookExampleWithCensoring() {
        // 6, 6, 6, 6+, 7, 9+, 10: S(6) = 4/7, S(7) = 4/7 * 2/3, S(10) = 0 (the last one finished)
        var km = KaplanMeier.of(new long[] {6, 6, 6, 6, 7, 9, 10},
                new boolean[] {true, true, true, false, true, false, true});
        assertThat(km.survival(5)).isEqualTo(1.0);
        assertThat(km.survival(6)).isCloseTo(4.0 / 7, within(1e-12));
        assertThat(km.survival(8)).isCloseTo(4.0 / 7 * 2 / 3, within(1e-12));
        assertThat(km.survival(10)).isZero();
        assertThat(km.quantile(0.4)).isEqualTo(6); // F(6) = 3/7
        assertThat(km.quantile(0.5)).isEqualTo(7); // F(7) = 13/21
        assertThat(km.quantile(0.7)).isEqualTo(10);
        assertThat(km.coverage()).isEqualTo(1.0);
    }

    @Test
    void beyondTheLastFinishedTimeTheLongestSeenIsALowerBound() {
        var km = KaplanMeier.of(new long[] {10, 20, 30, 30}, new boolean[] {true, true, false, false});
        assertThat(km.coverage()).isEqualTo(0.5);
        assertThat(km.quantile(0.9)).isEqualTo(30);
        assertThat(km.sample(4)).containsExactly(10, 20, 30, 30);
    }

    /// Random samples of 1 to 200 values, with ties (a property over many inputs, seeded so a failure repeats).
    private static long[][] samples(long seed, long max) {
        var random = new SplittableRandom(seed);
        long[][] out = new long[300][];
        for (int k = 0; k < out.length; k++) {
            out[k] = random.longs(random.nextInt(1, 201), 0, max + 1).toArray();
        }
        return out;
    }

    @Test
    void withoutCensoringItIsTheEmpiricalDistribution() {
        for (long[] v : samples(1, 1_000_000)) {
            withoutCensoring(v);
        }
    }

    private static void withoutCensoring(long[] v) {
        boolean[] all = new boolean[v.length];
        Arrays.fill(all, true);
        var km = KaplanMeier.of(v, all);
        long[] sorted = v.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            double p = (i + 0.5) / sorted.length;
            assertThat(km.quantile(p)).isEqualTo(sorted[i]);
        }
        assertThat(km.sample(sorted.length)).containsExactly(sorted);
    }

    @Test
    void survivalNeverRisesAndSampleIsSorted() {
        var random = new SplittableRandom(2);
        for (long[] v : samples(3, 1000)) {
            monotone(v, random);
        }
    }

    private static void monotone(long[] v, SplittableRandom random) {
        boolean[] fin = new boolean[v.length];
        for (int i = 0; i < fin.length; i++) {
            fin[i] = random.nextBoolean();
        }
        var km = KaplanMeier.of(v, fin);
        double last = 1;
        for (long t = 0; t <= 1000; t += 10) {
            double s = km.survival(t);
            assertThat(s).isLessThanOrEqualTo(last).isBetween(0.0, 1.0);
            last = s;
        }
        long[] sample = km.sample(50);
        long[] sorted = sample.clone();
        Arrays.sort(sorted);
        assertThat(sample).containsExactly(sorted);
    }
}
