package dev.asynclab.engine.internal;

/// The steps of `java.util.SplittableRandom` (SplitMix64) on a plain `long`, for code that draws a few numbers
/// per invocation: a `SplittableRandom` is two objects (it makes a helper of its own when built), and an invocation
/// that asked for a random number built one. The numbers are the same as a `SplittableRandom(seed)`'s, so runs
/// keep their seeds' results (`SplitMixTest` checks them against the JDK's).
public final class SplitMix {

    /// What `SplittableRandom(seed)` adds to its seed for each number.
    public static final long GAMMA = 0x9e3779b97f4a7c15L;

    private SplitMix() {
    }

    /// The `nextLong()` of a generator whose seed has just been stepped to `seed`.
    public static long mix64(long seed) {
        long z = (seed ^ (seed >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /// The `nextInt()` of a generator whose seed has just been stepped to `seed`.
    public static int mix32(long seed) {
        long z = (seed ^ (seed >>> 33)) * 0x62a9d9ed799705f5L;
        return (int) (((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
    }

    /// The `nextDouble()` of a generator whose seed has just been stepped to `seed`: 53 random bits in [0, 1).
    public static double toDouble(long seed) {
        return (mix64(seed) >>> 11) * 0x1.0p-53;
    }
}
