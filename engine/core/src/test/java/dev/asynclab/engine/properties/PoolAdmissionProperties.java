package dev.asynclab.engine.properties;

import dev.asynclab.engine.CallLifecycles;
import dev.asynclab.engine.AsyncCallbackPool;
import dev.asynclab.engine.AsyncCallbackResult;
import dev.asynclab.engine.AsyncCallbackResult.Status;
import dev.asynclab.engine.AsyncCallbackRuntime;
import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventBus;
import dev.asynclab.engine.event.EventType;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.assertj.core.api.Assertions.assertThat;

/// The pool's admission on real threads, where workers take the next waiting call without handing their slot back:
/// for any mix of concurrent submitters, completions, cancels, a resize and a bounded or unbounded queue, no more
/// calls run at once than the pool allows, every call runs at most once and ends exactly once, and none is left
/// waiting while a slot is free (the pool gets quiet).
class PoolAdmissionProperties {

    @Property(tries = 40)
    void concurrentSubmitsCompletionsAndCancelsKeepTheLimitAndEndEveryCallOnce(
            @ForAll @IntRange(min = 1, max = 3) int size,
            @ForAll @IntRange(min = -1, max = 40) int queueCapacity,
            @ForAll @IntRange(min = 1, max = 3) int submitters,
            @ForAll @IntRange(min = 20, max = 400) int callsEach,
            @ForAll @IntRange(min = 0, max = 7) int cancelEvery,
            @ForAll @IntRange(min = 0, max = 4) int resizeTo,
            @ForAll @IntRange(min = 0, max = 2_000) int spin) throws Exception {
        List<Event> events = Collections.synchronizedList(new ArrayList<>());
        var bus = EventBus.create(1 << 12, events::add);
        var runtime = AsyncCallbackRuntime.builder().events(bus).build();
        int total = submitters * callsEach;
        int limit = Math.max(size, resizeTo);
        var running = new AtomicInteger();
        var mostAtOnce = new AtomicInteger();
        var runs = new AtomicIntegerArray(total);
        List<CompletableFuture<AsyncCallbackResult>> futures = new ArrayList<>(Collections.nCopies(total, null));
        var start = new CountDownLatch(1);
        try (var pool = AsyncCallbackPool.builder(runtime).size(size).queueCapacity(queueCapacity).build()) {
            List<Thread> threads = new ArrayList<>();
            for (int s = 0; s < submitters; s++) {
                int first = s * callsEach;
                threads.add(Thread.ofPlatform().start(() -> {
                    awaitQuietly(start);
                    for (int i = first; i < first + callsEach; i++) {
                        int index = i;
                        var f = pool.submit(ctx -> {
                            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                            runs.incrementAndGet(index);
                            Thread.onSpinWait();
                            for (int k = 0; k < spin; k++) {
                                Thread.onSpinWait();
                            }
                            running.decrementAndGet();
                            return index;
                        }, "c" + index, Duration.ofSeconds(30));
                        futures.set(index, f);
                        if (cancelEvery > 0 && index % cancelEvery == 0) {
                            f.cancel(true); // races with a worker taking it from the queue, or running it
                        }
                    }
                }));
            }
            if (resizeTo > 0) {
                threads.add(Thread.ofPlatform().start(() -> {
                    awaitQuietly(start);
                    Thread.yield();
                    pool.resize(resizeTo);
                }));
            }
            start.countDown();
            for (Thread t : threads) {
                t.join();
            }
            assertThat(pool.awaitAll(Duration.ofMinutes(1))).as("no call left waiting while a slot is free").isTrue();
            assertThat(pool.activeCount()).isZero();
            assertThat(pool.queuedCount()).isZero();
            assertThat(pool.completedCount()).isEqualTo(total);
        }
        assertThat(mostAtOnce.get()).as("calls running at once").isLessThanOrEqualTo(limit);
        for (int i = 0; i < total; i++) {
            AsyncCallbackResult r = futures.get(i).get(1, TimeUnit.MINUTES);
            assertThat(runs.get(i)).as("runs of call %d", i).isLessThanOrEqualTo(1);
            if (r.status() == Status.SUCCEEDED) {
                assertThat(runs.get(i)).isEqualTo(1);
                assertThat(r.value()).isEqualTo(i);
            } else if (r.status() == Status.REJECTED) {
                assertThat(queueCapacity).as("rejected only by a bounded queue").isGreaterThanOrEqualTo(0);
                assertThat(runs.get(i)).isZero();
            } else {
                assertThat(r.status()).isEqualTo(Status.CANCELLED);
            }
        }
        bus.close();
        long seq = 0;
        synchronized (events) {
            for (Event e : events) {
                assertThat(e.seq()).as("seq gap-free").isEqualTo(seq++);
                if (e.type() == EventType.QUEUED && queueCapacity >= 0) {
                    assertThat(e.queueDepth()).isBetween(1, queueCapacity);
                }
            }
            CallLifecycles.startsFollowSubmitOrQueue(events);
            CallLifecycles.eachCallEndedOnce(events, total);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
