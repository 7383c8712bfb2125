package dev.asynclab.engine.functional;

import dev.asynclab.engine.CallLifecycles;
import dev.asynclab.engine.AsyncCallbackPool;
import dev.asynclab.engine.AsyncCallbackResult;
import dev.asynclab.engine.AsyncCallbackRuntime;
import dev.asynclab.engine.AsyncCallbackWrapper;
import dev.asynclab.engine.CallbackFailure;
import dev.asynclab.engine.Sim;
import dev.asynclab.engine.AsyncCallbackResult.Status;
import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventBus;
import dev.asynclab.engine.event.EventType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.asynclab.engine.Sim.ms;
import static org.assertj.core.api.Assertions.assertThat;

class StressTest {

    @Test
    void tenThousandRandomInvocationsEachEndExactlyOnceOnRealThreads() throws Exception {
        List<Event> events = new ArrayList<>();
        var bus = EventBus.create(1 << 14, events::add);
        var rt = AsyncCallbackRuntime.builder().events(bus).build();
        var pool = AsyncCallbackPool.builder(rt).size(8).queueCapacity(5_000).build();
        var random = new SplittableRandom(7);
        List<CompletableFuture<AsyncCallbackResult>> futures = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            int kind = random.nextInt(5);
            var f = pool.submit(ctx -> switch (kind) {
                case 0 -> "ok";
                case 1 -> throw new CallbackFailure("IOException", "random failure");
                case 2 -> {
                    Thread.sleep(50);
                    yield "too slow";
                }
                case 3 -> {
                    Thread.sleep(1);
                    yield "slept";
                }
                default -> {
                    throw new IllegalStateException("boom");
                }
            }, "stress", kind == 2 ? Duration.ofMillis(2) : Duration.ofSeconds(30));
            futures.add(f);
            if (random.nextInt(20) == 0) {
                f.cancel(true);
            }
        }
        assertThat(pool.awaitAll(Duration.ofMinutes(3))).isTrue();
        bus.close();

        Map<Status, Integer> fromFutures = new EnumMap<>(Status.class);
        for (var f : futures) {
            fromFutures.merge(f.join().status(), 1, Integer::sum);
        }
        Map<EventType, Integer> fromLog = new EnumMap<>(EventType.class);
        long seq = 0;
        for (Event e : events) {
            assertThat(e.seq()).isEqualTo(seq++);
            if (e.isTerminal()) {
                fromLog.merge(e.type(), 1, Integer::sum);
            }
        }
        CallLifecycles.eachCallEndedOnce(events, 10_000);
        assertThat(pool.completedCount()).isEqualTo(10_000);
        assertThat(pool.activeCount()).isZero();
        assertThat(pool.queuedCount()).isZero();
        for (Status s : Status.values()) {
            assertThat(fromLog.getOrDefault(EventType.valueOf(s.name()), 0)).as(s.name())
                    .isEqualTo(fromFutures.getOrDefault(s, 0));
        }
        assertThat(fromFutures.get(Status.TIMED_OUT)).isPositive();
        assertThat(fromFutures.get(Status.CANCELLED)).isPositive();
        assertThat(fromFutures.get(Status.REJECTED)).isPositive();
    }

    @Test
    void tenThousandRandomInvocationsOnTheSimulatedClockKeepTheInvariants() throws Exception {
        try (var sim = new Sim(3);
             var pool = AsyncCallbackPool.builder(sim.runtime).size(4).queueCapacity(2_000).build()) {
            var random = new SplittableRandom(11);
            for (int i = 0; i < 10_000; i++) {
                long sleep = random.nextLong(1, 40);
                boolean fail = random.nextInt(7) == 0;
                boolean hang = random.nextInt(50) == 0;
                var f = pool.submit(ctx -> {
                    if (hang) {
                        ctx.sleepIgnoringInterrupt(ms(sleep * 3));
                    } else {
                        ctx.sleep(ms(sleep));
                    }
                    if (fail) {
                        throw new CallbackFailure("IOException", "no");
                    }
                    return sleep;
                }, "sim", ms(30));
                if (random.nextInt(30) == 0) {
                    sim.clock.advance(ms(random.nextLong(0, 5)).toNanos());
                    f.cancel(true);
                }
            }
            pool.awaitAll(Duration.ofHours(1));
            var terminals = sim.terminalsPerId();
            assertThat(terminals).hasSize(10_000);
            assertThat(terminals.values()).containsOnly(1L);
            assertThat(pool.completedCount()).isEqualTo(10_000);
            assertThat(sim.events(EventType.LATE_FINISH)).isNotEmpty();
            // a late finish always follows its invocation's terminal event
            Map<Long, Long> terminalSeq = new HashMap<>();
            for (Event e : sim.events()) {
                if (e.isTerminal()) {
                    terminalSeq.put(e.id(), e.seq());
                } else if (e.type() == EventType.LATE_FINISH) {
                    assertThat(terminalSeq).containsKey(e.id());
                }
            }
        }
    }

    @Test
    void manyThreadsSubmittingAndCancellingAtOnce() throws Exception {
        List<Event> events = java.util.Collections.synchronizedList(new ArrayList<>());
        var bus = EventBus.create(1 << 10, events::add);
        var rt = AsyncCallbackRuntime.builder().events(bus).build();
        var pool = AsyncCallbackPool.builder(rt).size(3).build();
        int threads = 8;
        int perThread = 500;
        var start = new CountDownLatch(1);
        List<CompletableFuture<AsyncCallbackResult>> all = java.util.Collections.synchronizedList(new ArrayList<>());
        try (var exec = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                int seed = t;
                exec.submit(() -> {
                    start.await();
                    var r = new SplittableRandom(seed);
                    for (int i = 0; i < perThread; i++) {
                        var f = pool.submit(ctx -> {
                            Thread.sleep(0, 100_000);
                            return 1;
                        }, "t" + seed, Duration.ofSeconds(30));
                        all.add(f);
                        if (r.nextBoolean()) {
                            f.cancel(true);
                        }
                        if (r.nextInt(100) == 0) {
                            all.get(r.nextInt(all.size())).cancel(true); // someone else's
                        }
                    }
                    return null;
                });
            }
            start.countDown();
        }
        assertThat(pool.awaitAll(Duration.ofMinutes(2))).isTrue();
        bus.close();
        assertThat(all).hasSize(threads * perThread);
        assertThat(all).allMatch(CompletableFuture::isDone);
        var terminals = events.stream().filter(Event::isTerminal)
                .collect(java.util.stream.Collectors.groupingBy(Event::id, java.util.stream.Collectors.counting()));
        assertThat(terminals).hasSize(threads * perThread);
        assertThat(terminals.values()).containsOnly(1L);
    }

    @Test
    void tenThousandTimeoutsLeaveNoCallbackRunning() throws Exception {
        var inside = new AtomicInteger();
        List<CompletableFuture<AsyncCallbackResult>> fs = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            fs.add(new AsyncCallbackWrapper(() -> {
                inside.incrementAndGet();
                try {
                    Thread.sleep(Duration.ofSeconds(60));
                    return 1;
                } finally {
                    inside.decrementAndGet();
                }
            }, "hang", Duration.ofMillis(5)).executeAsync());
        }
        CompletableFuture.allOf(fs.toArray(CompletableFuture[]::new)).get(2, java.util.concurrent.TimeUnit.MINUTES);
        assertThat(fs).allMatch(f -> f.join().status() == Status.TIMED_OUT);
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (inside.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(inside.get()).as("callbacks still running after their timeout").isZero();
    }
}
