package dev.asynclab.engine.functional;

import dev.asynclab.engine.AsyncCallbackPool;
import dev.asynclab.engine.AsyncCallbackResult;
import dev.asynclab.engine.AsyncCallbackRuntime;
import dev.asynclab.engine.Sim;
import dev.asynclab.engine.AsyncCallbackResult.Status;
import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import dev.asynclab.engine.spi.RealScheduler;
import dev.asynclab.engine.spi.RealScheduler.ThreadMode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.asynclab.engine.Sim.ms;
import static dev.asynclab.engine.Sim.nanos;
import static org.assertj.core.api.Assertions.assertThat;

class PoolTest {

    @Test
    void neverRunsMoreThanTheLimitOnRealThreads() throws Exception {
        var current = new AtomicInteger();
        var peak = new AtomicInteger();
        try (var pool = AsyncCallbackPool.builder().size(4).build()) {
            List<CompletableFuture<AsyncCallbackResult>> fs = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                fs.add(pool.submit(ctx -> {
                    int now = current.incrementAndGet();
                    peak.accumulateAndGet(now, Math::max);
                    Thread.sleep(1);
                    current.decrementAndGet();
                    return null;
                }, "count", Duration.ofSeconds(30)));
            }
            assertThat(pool.awaitAll(Duration.ofMinutes(2))).isTrue();
            assertThat(fs).allMatch(f -> f.join().isSuccess());
            assertThat(pool.completedCount()).isEqualTo(200);
            assertThat(pool.activeCount()).isZero();
        }
        assertThat(peak.get()).isBetween(1, 4);
    }

    @Test
    void runsQueuedInvocationsInFifoOrder() throws Exception {
        try (var sim = new Sim(); var pool = AsyncCallbackPool.builder(sim.runtime).size(1).build()) {
            List<Integer> order = Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < 20; i++) {
                int n = i;
                pool.submit(ctx -> {
                    order.add(n);
                    ctx.sleep(ms(5));
                    return n;
                }, "job-" + i, ms(100));
            }
            assertThat(pool.queuedCount()).isEqualTo(19);
            pool.awaitAll(Duration.ofHours(1));
            assertThat(order).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 20).boxed().toList());
            List<Event> queued = sim.events(EventType.QUEUED);
            assertThat(queued).extracting(Event::queueDepth).startsWith(1, 2, 3);
            assertThat(sim.events(EventType.STARTED).getLast().t()).isEqualTo(nanos(95));
        }
    }

    @Test
    void rejectsPastTheQueueCapacity() {
        try (var sim = new Sim();
             var pool = AsyncCallbackPool.builder(sim.runtime).size(2).queueCapacity(3).build()) {
            List<CompletableFuture<AsyncCallbackResult>> fs = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                fs.add(pool.submit(ctx -> {
                    ctx.sleep(ms(10));
                    return 1;
                }, "burst", ms(100)));
            }
            long rejected = fs.stream().filter(f -> f.isDone() && f.join().status() == Status.REJECTED).count();
            assertThat(rejected).isEqualTo(5);
            sim.run();
            assertThat(fs).filteredOn(f -> f.join().isSuccess()).hasSize(5);
            assertThat(sim.events(EventType.REJECTED)).hasSize(5)
                    .allSatisfy(e -> assertThat(e.errorMessage()).contains("queue full"));
        }
    }

    @Test
    void cancelAllCancelsQueuedAndRunning() {
        try (var sim = new Sim(); var pool = AsyncCallbackPool.builder(sim.runtime).size(2).build()) {
            List<CompletableFuture<AsyncCallbackResult>> fs = new ArrayList<>();
            var ran = new AtomicInteger();
            for (int i = 0; i < 6; i++) {
                fs.add(pool.submit(ctx -> {
                    ran.incrementAndGet();
                    ctx.sleep(ms(100));
                    return 1;
                }, "victim", Duration.ZERO));
            }
            sim.clock.advance(nanos(10));
            assertThat(pool.cancelAll()).isEqualTo(6);
            sim.run();
            assertThat(fs).allMatch(f -> f.join().status() == Status.CANCELLED);
            assertThat(ran.get()).isEqualTo(2);
            assertThat(pool.activeCount()).isZero();
            assertThat(pool.queuedCount()).isZero();
            assertThat(pool.completedCount()).isEqualTo(6);
        }
    }

    @Test
    void awaitAllWaitsForEverythingOnRealThreads() throws Exception {
        try (var pool = AsyncCallbackPool.builder().size(2).build()) {
            var done = new AtomicInteger();
            for (int i = 0; i < 10; i++) {
                pool.submit(ctx -> {
                    Thread.sleep(5);
                    return done.incrementAndGet();
                }, "w", Duration.ofSeconds(30));
            }
            assertThat(pool.awaitAll(Duration.ofMinutes(1))).isTrue();
            assertThat(done.get()).isEqualTo(10);
        }
    }

    @Test
    void awaitAllGivesUpAfterItsTimeout() throws Exception {
        var release = new CountDownLatch(1);
        try (var pool = AsyncCallbackPool.builder().size(1).build()) {
            pool.submit(ctx -> {
                release.await();
                return 1;
            }, "blocked", Duration.ZERO);
            assertThat(pool.awaitAll(Duration.ofMillis(20))).isFalse();
            release.countDown();
            assertThat(pool.awaitAll(Duration.ofMinutes(1))).isTrue();
        }
    }

    @Test
    void growingThePoolStartsQueuedWorkAtOnce() {
        try (var sim = new Sim(); var pool = AsyncCallbackPool.builder(sim.runtime).size(1).build()) {
            for (int i = 0; i < 4; i++) {
                pool.submit(ctx -> {
                    ctx.sleep(ms(100));
                    return 1;
                }, "job", Duration.ZERO);
            }
            sim.clock.advance(nanos(10));
            assertThat(pool.activeCount()).isEqualTo(1);
            pool.resize(4);
            sim.clock.advance(0);
            assertThat(pool.activeCount()).isEqualTo(4);
            sim.run();
            // one finished at 100 ms, the three started by the resize at 110 ms
            assertThat(sim.events(EventType.SUCCEEDED)).extracting(Event::t)
                    .containsExactly(nanos(100), nanos(110), nanos(110), nanos(110));
            assertThat(sim.events(EventType.POOL_RESIZED)).extracting(Event::value).containsExactly("4");
        }
    }

    @Test
    void shrinkingThePoolLetsRunningWorkFinish() {
        try (var sim = new Sim(); var pool = AsyncCallbackPool.builder(sim.runtime).size(3).build()) {
            for (int i = 0; i < 6; i++) {
                pool.submit(ctx -> {
                    ctx.sleep(ms(100));
                    return 1;
                }, "job", Duration.ZERO);
            }
            sim.clock.advance(nanos(1));
            pool.resize(1);
            sim.run();
            // 3 at 100 ms, then one at a time: 200, 300, 400
            assertThat(sim.events(EventType.SUCCEEDED)).extracting(Event::t)
                    .containsExactly(nanos(100), nanos(100), nanos(100), nanos(200), nanos(300), nanos(400));
        }
    }

    @Test
    void aCallbackThatIgnoresItsTimeoutKeepsItsSlot() {
        try (var sim = new Sim(); var pool = AsyncCallbackPool.builder(sim.runtime).size(1).build()) {
            pool.submit(ctx -> {
                ctx.sleepIgnoringInterrupt(ms(300));
                return 1;
            }, "stubborn", ms(100));
            pool.submit(ctx -> 2, "next", ms(100));
            sim.run();
            var started = sim.events(EventType.STARTED);
            assertThat(started.get(1).t()).isEqualTo(nanos(300));
        }
    }

    @Test
    void closedPoolRejects() {
        var pool = AsyncCallbackPool.builder(AsyncCallbackRuntime.defaultRuntime()).size(1).build();
        pool.close();
        assertThat(pool.submit(ctx -> 1, "late").join().status()).isEqualTo(Status.REJECTED);
    }

    @Test
    void platformThreadsWorkToo() throws Exception {
        try (var platform = new RealScheduler(ThreadMode.PLATFORM)) {
            var rt = AsyncCallbackRuntime.builder().scheduler(platform).build();
            var pool = AsyncCallbackPool.builder(rt).size(2).build();
            var names = Collections.synchronizedSet(new java.util.HashSet<Boolean>());
            for (int i = 0; i < 20; i++) {
                pool.submit(ctx -> names.add(Thread.currentThread().isVirtual()), "p", Duration.ofSeconds(30));
            }
            assertThat(pool.awaitAll(Duration.ofMinutes(1))).isTrue();
            assertThat(names).containsExactly(false);
        }
    }
}
