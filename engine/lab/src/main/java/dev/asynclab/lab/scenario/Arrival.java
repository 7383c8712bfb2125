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
}
