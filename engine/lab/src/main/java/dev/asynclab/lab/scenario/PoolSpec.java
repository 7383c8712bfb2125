package dev.asynclab.lab.scenario;

import dev.asynclab.engine.spi.RealScheduler.ThreadMode;

/// `pool: { size: 4, queue: 100, threads: virtual }`: at most `size` invocations run at once, up to
/// `queueCapacity` wait (negative: unbounded, as `AsyncCallbackPool` takes it), the rest are rejected.
///
/// ```java
/// scenario.pool().map(p -> AsyncCallbackPool.builder(runtime).size(p.size()).queueCapacity(p.queueCapacity())
///         .build());
/// ```
///
/// `limit`, when present, makes the size adapt while the run goes ([LimitSpec]); `size` is then where a fixed
/// run of the same scenario would stand, and what `--pool` and sweeps replace (a sweep compares fixed sizes).
public record PoolSpec(int size, int queueCapacity, ThreadMode threads, java.util.Optional<LimitSpec> limit) {

    public PoolSpec {
        if (size < 1) {
            throw new IllegalArgumentException("pool size must be >= 1, was " + size);
        }
    }

    /// A pool of fixed size.
    public PoolSpec(int size, int queueCapacity, ThreadMode threads) {
        this(size, queueCapacity, threads, java.util.Optional.empty());
    }

    public boolean unboundedQueue() {
        return queueCapacity < 0;
    }
}
