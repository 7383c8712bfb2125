package dev.asynclab.lab.scenario;

import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;

/// When the invocations of a callback (or the runs of a group) are submitted, as offsets from the start of the
/// run. Every form has a `start` offset.
///
/// ```java
/// long[] offsets = new Arrival.Every(Duration.ofMillis(20), Duration.ZERO).times(3, random); // 0, 20ms, 40ms
/// ```
public sealed interface Arrival {

    /// Everything at the start of the run.
    Arrival IMMEDIATE = new Every(Duration.ZERO, Duration.ZERO);

    /// The offset of the first arrival.
    Duration start();

    /// `count` arrival offsets in nanoseconds, in order; deterministic for a given generator state.
    long[] times(int count, RandomGenerator random);

    /// The same pattern at `factor` times the rate (`factor` > 0): every offset and gap divided by it.
    default Arrival faster(double factor) {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("rate factor must be > 0, was " + factor);
        }
        if (factor == 1.0) {
            return this;
        }
        return switch (this) {
            case Every e -> new Every(div(e.interval(), factor), div(e.start(), factor));
            case Poisson p -> new Poisson(p.perSecond() * factor, div(p.start(), factor));
            case At at -> new At(at.offsets().stream().map(d -> div(d, factor)).toList(), div(at.start(), factor));
            case Burst b -> new Burst(b.size(), div(b.every(), factor), div(b.start(), factor));
            case Gaps g -> new Gaps(g.gaps().stretched(1 / factor), g.sizes(), div(g.start(), factor));
        };
    }

    private static Duration div(Duration d, double factor) {
        return Duration.ofNanos(Math.round(d.toNanos() / factor));
    }

    /// `arrival: { every: 20ms }`: a fixed interval.
    record Every(Duration interval, Duration start) implements Arrival {
        public long[] times(int count, RandomGenerator random) {
            long[] times = new long[count];
            for (int i = 0; i < count; i++) {
                times[i] = start.toNanos() + i * interval.toNanos();
            }
            return times;
        }
    }

    /// `arrival: { poisson: 50/s }`: independent arrivals at a mean rate (exponential gaps).
    record Poisson(double perSecond, Duration start) implements Arrival {
        public long[] times(int count, RandomGenerator random) {
            long[] times = new long[count];
            double meanGap = 1e9 / perSecond;
            double t = start.toNanos();
            for (int i = 0; i < count; i++) {
                t += -meanGap * Math.log(1.0 - random.nextDouble());
                times[i] = Math.round(t);
            }
            return times;
        }
    }

    /// `arrival: { at: [0ms, 5ms, 50ms] }`: explicit offsets, one per invocation (after `start`).
    record At(List<Duration> offsets, Duration start) implements Arrival {
        public At {
            offsets = List.copyOf(offsets);
        }

        public long[] times(int count, RandomGenerator random) {
            if (count > offsets.size()) {
                throw new IllegalArgumentException(count + " arrivals asked of a list of " + offsets.size());
            }
            return offsets.stream().limit(count).mapToLong(d -> start.toNanos() + d.toNanos()).sorted().toArray();
        }
    }

    /// `arrival: { burst: { size: 10, every: 1s } }`: `size` at once, then the next `size` after `every`.
    record Burst(int size, Duration every, Duration start) implements Arrival {
        public long[] times(int count, RandomGenerator random) {
            long[] times = new long[count];
            for (int i = 0; i < count; i++) {
                times[i] = start.toNanos() + (i / size) * every.toNanos();
            }
            return times;
        }
    }

    /// `arrival: { gaps: { empirical: [0ms, 2ms, 9ms] }, sizes: [1, 1, 5] }`: arrivals come in batches; the gap
    /// before each batch is drawn from `gaps` (any duration distribution) and its size from `sizes` (each listed
    /// size equally likely; absent: one at a time). The first batch comes at `start` plus one gap. A renewal
    /// process fitted from a recorded log (`asynclab advise`): bursts keep their sizes, steady traffic its gaps.
    record Gaps(Distribution gaps, java.util.List<Integer> sizes, Duration start) implements Arrival {
        public Gaps {
            sizes = java.util.List.copyOf(sizes);
            if (sizes.isEmpty() || sizes.stream().anyMatch(n -> n < 1)) {
                throw new IllegalArgumentException("batch sizes must be a non-empty list of sizes >= 1");
            }
        }

        public long[] times(int count, RandomGenerator random) {
            long[] times = new long[count];
            long t = start.toNanos();
            int i = 0;
            while (i < count) {
                t += gaps.sample(random);
                int size = sizes.get(random.nextInt(sizes.size()));
                for (int k = 0; k < size && i < count; k++) {
                    times[i++] = t;
                }
            }
            return times;
        }
    }
}
