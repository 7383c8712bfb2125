package dev.asynclab.lab.scenario;

import java.util.random.RandomGenerator;

/// A `RandomGenerator` that gives exactly what `new java.util.SplittableRandom(seed)` gives — the same `nextLong()`
/// and `nextInt()` (SplitMix64), and the same `RandomGenerator` defaults built on them (`nextDouble`,
/// `nextGaussian`, bounded ints and longs) — as one small object: a `SplittableRandom` is two (it builds a helper
/// of its own), and a scenario's callback built one per invocation to draw its work and its failure.
/// `new SplitMixRandom(42).nextDouble()` is `new SplittableRandom(42).nextDouble()` (`SplitMixRandomTest`).
final class SplitMixRandom implements RandomGenerator {

    private static final long GAMMA = 0x9e3779b97f4a7c15L; // SplittableRandom's, for a generator made from a seed

    private long seed;

    SplitMixRandom(long seed) {
        this.seed = seed;
    }

    @Override
    public long nextLong() {
        long z = seed += GAMMA;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    @Override
    public int nextInt() {
        long z = seed += GAMMA;
        z = (z ^ (z >>> 33)) * 0x62a9d9ed799705f5L;
        return (int) (((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
    }
}
