package dev.asynclab.engine;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/// A bulkhead: at most `maxConcurrent` of the calls it guards are in flight at once, wherever they run (a pool,
/// the runtime's own workers). It has no threads and no queue of its own: a call over the limit ends `REJECTED`
/// at once (`bulkhead 'db' is full (4 calls in flight)`). A call holds its place from its launch until its
/// terminal event. Beside a pool it keeps one dependency from taking every worker. Thread-safe, lock-free.
///
/// ```java
/// var db = Bulkhead.of("db", 4);
/// AsyncCallbacks.execute(pool, Task.call("query", query, Duration.ofSeconds(1)).withBulkhead(db));
/// ```
public final class Bulkhead {

    private final String name;
    private final int maxConcurrent;
    private final AtomicInteger inFlight = new AtomicInteger();

    private Bulkhead(String name, int maxConcurrent) {
        this.name = Objects.requireNonNull(name, "name");
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1, was " + maxConcurrent);
        }
        this.maxConcurrent = maxConcurrent;
    }

    public static Bulkhead of(String name, int maxConcurrent) {
        return new Bulkhead(name, maxConcurrent);
    }

    public String name() {
        return name;
    }

    public int maxConcurrent() {
        return maxConcurrent;
    }

    /// Calls holding a place now.
    public int inFlight() {
        return inFlight.get();
    }

    /// Takes a place; false when all are taken.
    public boolean tryAcquire() {
        while (true) {
            int n = inFlight.get();
            if (n >= maxConcurrent) {
                return false;
            }
            // Guard against a race with another caller taking the last place between the read and the CAS.
            if (inFlight.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    /// Gives a place back.
    public void release() {
        inFlight.decrementAndGet();
    }

    /// Why a call was refused, in words for the `REJECTED` event.
    public String refusal() {
        return "bulkhead '" + name + "' is full (" + maxConcurrent + " calls in flight)";
    }

    @Override
    public String toString() {
        return "Bulkhead[" + name + ", " + inFlight() + " of " + maxConcurrent + "]";
    }
}
