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

    /// The same shape with every duration `k` times as long (`k` > 0): a 1.5 times faster arrival rate is gaps
    /// stretched by 1/1.5.
    default Distribution stretched(double k) {
        if (!(k > 0)) {
            throw new IllegalArgumentException("stretch factor must be > 0, was " + k);
        }
        return switch (this) {
            case Fixed f -> new Fixed(times(f.value(), k));
            case Uniform u -> new Uniform(times(u.min(), k), times(u.max(), k));
            case Exponential e -> new Exponential(times(e.mean(), k));
            case Normal n -> new Normal(times(n.mean(), k), times(n.stddev(), k));
            case LogNormal l -> new LogNormal(times(l.median(), k), l.sigma());
            case Empirical e -> new Empirical(e.values().stream().map(v -> times(v, k)).toList());
        };
    }

    private static Duration times(Duration d, double k) {
        return Duration.ofNanos(Math.round(d.toNanos() * k));
    }

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

    /// `sleep: { empirical: [3ms, 5ms, 5ms, 40ms] }`: each draw is one of the listed durations, all equally
    /// likely (list a value twice to make it twice as likely). The shape of a measured sample kept as it was:
    /// `asynclab advise` writes the service times it fitted from an audit log this way.
    record Empirical(java.util.List<Duration> values) implements Distribution {
        public Empirical {
            values = java.util.List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("an empirical distribution needs at least one value");
            }
        }

        public long sample(RandomGenerator random) {
            return values.get(random.nextInt(values.size())).toNanos();
        }

        public Duration mean() {
            long sum = 0;
            for (Duration d : values) {
                sum += d.toNanos();
            }
            return Duration.ofNanos(sum / values.size());
        }
    }
}
