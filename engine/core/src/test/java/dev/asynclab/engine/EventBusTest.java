package dev.asynclab.engine;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventBus;
import dev.asynclab.engine.event.EventSink;
import dev.asynclab.engine.event.EventType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class EventBusTest {

    @Test
    void manyProducersGiveGapFreeOrderedSeqAndMonotonicTime() throws Exception {
        List<Event> seen = new ArrayList<>();
        var batches = new AtomicInteger();
        var bus = EventBus.create(System::nanoTime, 64, List.of(new EventSink() {
            @Override
            public void onEvent(Event event) {
                seen.add(event);
            }

            @Override
            public void onBatchEnd() {
                batches.incrementAndGet();
            }
        }));
        int producers = 4;
        int each = 20_000;
        var go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int id = p;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < each; i++) {
                    bus.publish(Event.of(EventType.LOG, id, i, 0, "p"));
                }
            }));
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        bus.close();
        assertThat(seen).hasSize(producers * each);
        for (int i = 0; i < seen.size(); i++) {
            assertThat(seen.get(i).seq()).isEqualTo(i);
            if (i > 0) {
                assertThat(seen.get(i).t()).isGreaterThanOrEqualTo(seen.get(i - 1).t());
            }
        }
        // per producer, its own events keep their order
        int[] next = new int[producers];
        for (Event e : seen) {
            assertThat(e.attempt()).isEqualTo(next[(int) e.id()]++);
        }
        assertThat(batches.get()).isLessThan(seen.size());
    }

    @Test
    void aSlowSinkMakesProducersWaitAndCountsTheStalls() {
        List<Event> seen = new ArrayList<>();
        var bus = EventBus.create(System::nanoTime, 8, List.of(e -> {
            seen.add(e);
            Thread.onSpinWait();
            if (e.seq() % 8 == 0) {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }
        }));
        for (int i = 0; i < 200; i++) {
            bus.publish(Event.of(EventType.LOG, 1, i, 0, "x"));
        }
        bus.close();
        assertThat(seen).hasSize(200); // nothing dropped
        assertThat(bus.stalls()).isPositive();
    }

    /// A producer that found the ring full goes on only once a quarter of it is free, so behind a slow sink it stalls
    /// at most once per quarter of the ring. Before, it went on as soon as the writer freed any room (which it does
    /// every 256 events of a long batch) and stalled again a moment later, once per 256 events here; each stall took
    /// CPU the writer needed.
    @Test
    void aProducerThatFoundTheRingFullWaitsForAQuarterOfItBeforeGoingOn() {
        var delivered = new AtomicInteger();
        int capacity = 4096;
        var bus = EventBus.create(System::nanoTime, capacity, List.of(e -> {
            delivered.incrementAndGet();
            long until = System.nanoTime() + 1_000; // a sink slower than the producer, whatever the machine's load
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
        }));
        int events = 40_000;
        for (int i = 0; i < events; i++) {
            bus.publish(Event.of(EventType.LOG, 1, i, 0, "x"));
        }
        bus.close();
        assertThat(delivered.get()).isEqualTo(events);
        assertThat(bus.stalls()).isPositive().isLessThanOrEqualTo(events / (capacity / 4));
    }

    @Test
    void closeCallsOnCloseOnceEverythingIsDelivered() {
        var closed = new AtomicInteger();
        var count = new AtomicInteger();
        var bus = EventBus.create(System::nanoTime, 16, List.of(new EventSink() {
            @Override
            public void onEvent(Event event) {
                count.incrementAndGet();
            }

            @Override
            public void onClose() {
                closed.set(count.get());
            }
        }));
        for (int i = 0; i < 100; i++) {
            bus.publish(Event.of(EventType.LOG, 1, i, 0, "x"));
        }
        bus.close();
        assertThat(closed.get()).isEqualTo(100);
    }

    /// A result's value reads the same whether its text was made on the writer thread (a String, a boxed primitive)
    /// or at once (anything else), and a mutable value is recorded as it was when the callback returned.
    @Test
    void aResultsValueIsRecordedAsItWasWhenTheCallbackReturned() {
        List<Event> seen = new ArrayList<>();
        var mutable = new StringBuilder("before");
        String longText = "x".repeat(5_000);
        try (var bus = EventBus.create(System::nanoTime, 8, List.of(seen::add))) {
            bus.publishResult(EventType.SUCCEEDED, 1, 1, 0, "a", "w0", 10, 42);
            bus.publishResult(EventType.SUCCEEDED, 2, 1, 0, "b", "w0", 10, longText);
            bus.publishResult(EventType.SUCCEEDED, 3, 1, 0, "c", "w0", 10, mutable);
            mutable.append(" and after");
            bus.publishResult(EventType.SUCCEEDED, 4, 1, 0, "d", "w0", 10, null);
            bus.publishResult(EventType.SUCCEEDED, 5, 1, 0, "e", "w0", 10, 2.5);
        }
        assertThat(seen).extracting(Event::value)
                .containsExactly("42", Event.textOf(longText), "before", null, "2.5");
        assertThat(Event.textOf(longText)).hasSize(Event.MAX_VALUE_TEXT).endsWith("…");
        assertThat(seen).extracting(Event::seq).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(seen).allSatisfy(e -> {
            assertThat(e.type()).isEqualTo(EventType.SUCCEEDED);
            assertThat(e.worker()).isEqualTo("w0");
            assertThat(e.duration()).isEqualTo(10);
            assertThat(e.queueDepth()).isEqualTo(-1);
            assertThat(e.errorType()).isNull();
        });
    }
}
