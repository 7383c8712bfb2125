package dev.asynclab.lab.scenario;

import dev.asynclab.engine.spi.RealScheduler.ThreadMode;

/// `pool: { size: 4, queue: 100, threads: virtual }`: at most `size` invocations run at once, up to
/// `queueCapacity` wait (negative: unbounded, as `AsyncCallbackPool` takes it), the rest are rejected.
///
/// ```java
/// scenario.pool().map(p -> AsyncCallbackPool.builder(runtime).size(p.size()).queueCapacity(p.queueCapacity())
///         .build());
/// ```
public record PoolSpec(int size, int queueCapacity, ThreadMode threads) {

    public PoolSpec {
        if (size < 1) {
            throw new IllegalArgumentException("pool size must be >= 1, was " + size);
        }
    }

    public boolean unboundedQueue() {
        return queueCapacity < 0;
    }
}
