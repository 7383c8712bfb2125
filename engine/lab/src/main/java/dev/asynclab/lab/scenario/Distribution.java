package dev.asynclab.lab.scenario;

import java.time.Duration;
import java.util.random.RandomGenerator;

/// How long a piece of declared work takes: fixed, or drawn from a distribution. Every draw is at least zero
/// and depends only on the generator, so the same seed gives the same durations.
///
/// ```java
/// Distribution d = new Distribution.Exponential(Duration.ofMillis(20));
/// long nanos = d.sample(new java.util.SplittableRandom(42));
/// ```
public sealed interface Distribution {

    /// One draw, in nanoseconds.
    long sample(RandomGenerator random);

    /// The mean of the distribution (after truncation at zero is ignored), for summaries and sizing.
    Duration mean();

    /// `sleep: 50ms`
    record Fixed(Duration value) implements Distribution {
        public long sample(RandomGenerator random) {
            return value.toNanos();
        }

        public Duration mean() {
            return value;
        }
    }

    /// `sleep: { uniform: [50ms, 150ms] }`: every value in [min, max] equally likely.
    record Uniform(Duration min, Duration max) implements Distribution {
        public long sample(RandomGenerator random) {
            long lo = min.toNanos();
            long hi = max.toNanos();
            return lo == hi ? lo : random.nextLong(lo, hi + 1);
        }

        public Duration mean() {
            return min.plus(max).dividedBy(2);
        }
    }

    /// `sleep: { exponential: 20ms }`: memoryless, with the given mean; service times of an M/M/c queue.
    record Exponential(Duration mean) implements Distribution {
        public long sample(RandomGenerator random) {
            return Math.round(-mean.toNanos() * Math.log(1.0 - random.nextDouble()));
        }
    }

    /// `sleep: { normal: { mean: 50ms, stddev: 10ms } }`: draws below zero count as zero.
    record Normal(Duration mean, Duration stddev) implements Distribution {
        public long sample(RandomGenerator random) {
            double value = mean.toNanos() + stddev.toNanos() * random.nextGaussian();
            return Math.max(0, Math.round(value));
        }
    }

    /// `sleep: { lognormal: { median: 40ms, sigma: 0.5 } }`: mostly near the median with a long right tail,
    /// the shape of real request latencies.
    record LogNormal(Duration median, double sigma) implements Distribution {
        public long sample(RandomGenerator random) {
            return Math.round(median.toNanos() * Math.exp(sigma * random.nextGaussian()));
        }

        public Duration mean() {
            return Duration.ofNanos(Math.round(median.toNanos() * Math.exp(sigma * sigma / 2)));
        }
    }
}
