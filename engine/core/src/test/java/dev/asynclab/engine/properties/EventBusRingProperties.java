package dev.asynclab.engine.properties;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventBus;
import dev.asynclab.engine.event.EventType;
import dev.asynclab.engine.spi.RealScheduler;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.assertj.core.api.Assertions.assertThat;

/// The event bus's ring of reused slots, over generated numbers of producers, ring sizes and event kinds: every
/// published event reaches the sink exactly once, with the fields it was published with (none left over from an
/// earlier event in the same slot), in gap-free `seq` order, each producer's events in its own order, `t` never
/// decreasing, and an event published after its thread saw another thread's event after that one. Small rings make
/// producers lap the writer many times, so slots are refilled while the writer reads their neighbours.
class EventBusRingProperties {

    @Property(tries = 40)
    void everyEventArrivesOnceWithItsOwnFieldsInSeqOrder(@ForAll @IntRange(min = 1, max = 4) int producers,
                                                         @ForAll @IntRange(min = 2, max = 64) int capacity,
                                                         @ForAll @IntRange(min = 1, max = 3_000) int each)
            throws InterruptedException {
        List<Event> seen = new ArrayList<>();
        var bus = EventBus.create(System::nanoTime, capacity, List.of(seen::add));
        var go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int producer = p;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < each; i++) {
                    publishKind(bus, producer, i);
                }
            }));
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        bus.close();

        assertEachArrivedOnceInClaimOrder(seen, producers, each);
    }

    /// Producers on platform and virtual threads (a pool's workers are virtual) behind a sink slower than they are, so
    /// that they keep finding the ring full and wait, parked, for the writer to free room: every event still arrives
    /// once, with its fields, in gap-free claim order, and `close` returns only once all have arrived.
    @Property(tries = 25)
    void producersParkedOnAFullRingAreWokenAndLoseNothing(@ForAll @IntRange(min = 1, max = 4) int producers,
                                                         @ForAll @IntRange(min = 0, max = 15) int virtualMask,
                                                         @ForAll @IntRange(min = 2, max = 256) int capacity,
                                                         @ForAll @IntRange(min = 1, max = 2_000) int each,
                                                         @ForAll @IntRange(min = 0, max = 2_000) int sinkNanos)
            throws InterruptedException {
        List<Event> seen = new ArrayList<>();
        var bus = EventBus.create(System::nanoTime, capacity, List.of(e -> {
            seen.add(e);
            long until = System.nanoTime() + sinkNanos;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
        }));
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int producer = p;
            Runnable work = () -> {
                for (int i = 0; i < each; i++) {
                    publishKind(bus, producer, i);
                }
            };
            boolean virtual = (virtualMask & (1 << p)) != 0;
            threads.add(virtual ? Thread.ofVirtual().start(work) : Thread.ofPlatform().start(work));
        }
        for (Thread t : threads) {
            t.join();
        }
        bus.close();

        assertEachArrivedOnceInClaimOrder(seen, producers, each);
    }

    /// A bus made for one producer at a time, fed by producers that take turns (each thread started after the
    /// previous one ended, as a simulated run hands over from the thread that starts it to the one that runs it):
    /// every event arrives once, with its fields, in gap-free `seq` order, whatever the ring's size.
    @Property(tries = 40)
    void aOneProducerBusFedInTurnDeliversEveryEventOnceInOrder(@ForAll @IntRange(min = 1, max = 4) int producers,
                                                               @ForAll @IntRange(min = 2, max = 64) int capacity,
                                                               @ForAll @IntRange(min = 1, max = 3_000) int each)
            throws InterruptedException {
        List<Event> seen = new ArrayList<>();
        var bus = EventBus.createForOneProducer(System::nanoTime, capacity, List.of(seen::add));
        for (int p = 0; p < producers; p++) {
            int producer = p;
            Thread.ofPlatform().start(() -> {
                for (int i = 0; i < each; i++) {
                    publishKind(bus, producer, i);
                }
            }).join();
        }
        bus.close();

        assertThat(seen).hasSize(producers * each);
        for (int i = 0; i < seen.size(); i++) {
            Event e = seen.get(i);
            assertThat(e.seq()).isEqualTo(i);
            if (i > 0) {
                assertThat(e.t()).isGreaterThanOrEqualTo(seen.get(i - 1).t());
            }
            assertThat(e.id()).isEqualTo(i / each); // in turn: all of one producer's, then the next one's
            assertThat(e).usingRecursiveComparison().ignoringFields("seq", "t")
                    .isEqualTo(expected(i / each, i % each));
        }
    }

    /// Every producer's events arrived once, with their own fields, in gap-free `seq` order with `t` non-decreasing,
    /// each producer's in the order it published them.
    private static void assertEachArrivedOnceInClaimOrder(List<Event> seen, int producers, int each) {
        assertThat(seen).hasSize(producers * each);
        int[] next = new int[producers];
        for (int i = 0; i < seen.size(); i++) {
            Event e = seen.get(i);
            assertThat(e.seq()).isEqualTo(i);
            if (i > 0) {
                assertThat(e.t()).isGreaterThanOrEqualTo(seen.get(i - 1).t());
            }
            int producer = (int) e.id();
            assertThat(e.attempt()).isEqualTo(next[producer]++);
            assertThat(e).usingRecursiveComparison().ignoringFields("seq", "t")
                    .isEqualTo(expected(producer, e.attempt()));
        }
    }

    /// Three kinds in turn, so a slot's next event is often of another kind than its last one: an event published
    /// whole (with a group's fields), one built from fields with an error, and a result whose text the writer makes.
    /// Producers that pause now and then, so the writer runs the ring dry, naps and wakes in the middle of their
    /// streams (and, with small rings, is woken by a producer that found the ring full): every event still arrives
    /// once, in claim order, and `flush()` returns only once the sinks have seen everything published before it.
    @Property(tries = 15)
    void pausingProducersLoseNothingAndFlushWaitsForTheirEvents(@ForAll @IntRange(min = 1, max = 3) int producers,
                                                                @ForAll @IntRange(min = 2, max = 4096) int capacity,
                                                                @ForAll @IntRange(min = 1, max = 400) int each,
                                                                @ForAll @IntRange(min = 1, max = 50) int pauseEvery,
                                                                @ForAll @IntRange(min = 0, max = 300_000) int pauseNanos)
            throws InterruptedException {
        List<Event> seen = new ArrayList<>();
        var delivered = new java.util.concurrent.atomic.AtomicLong();
        var flushedShort = new java.util.concurrent.atomic.AtomicLong();
        var bus = EventBus.create(System::nanoTime, capacity, List.of(e -> {
            seen.add(e);
            delivered.incrementAndGet();
        }));
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int producer = p;
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < each; i++) {
                    publishKind(bus, producer, i);
                    if (i % pauseEvery == 0) {
                        long before = bus.published();
                        bus.flush();
                        if (delivered.get() < before) {
                            flushedShort.incrementAndGet();
                        }
                        java.util.concurrent.locks.LockSupport.parkNanos(pauseNanos);
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        bus.close();

        assertThat(flushedShort.get()).as("flushes that returned before the sinks had the events").isZero();
        assertEachArrivedOnceInClaimOrder(seen, producers, each);
    }

    /// Producers in a ring (2-24 threads, platform and virtual), each publishing after it looked at how many events its
    /// neighbour had published: each event says which of its neighbour's it had seen published, and the sink gets that
    /// one first (the causal order any bus that merges producers' buffers must keep too: session 16 tried lanes).
    /// Besides, every event arrives once, `seq` gap-free, `t` never decreasing, each producer's in its order.
    @Property(tries = 30)
    void anEventPublishedAfterItsThreadSawAnotherComesAfterIt(@ForAll @IntRange(min = 2, max = 24) int producers,
                                                              @ForAll @IntRange(min = 0, max = 255) int virtualMask,
                                                              @ForAll @IntRange(min = 16, max = 4096) int capacity,
                                                              @ForAll @IntRange(min = 1, max = 1_000) int each)
            throws InterruptedException {
        List<Event> seen = new ArrayList<>();
        var bus = EventBus.create(RealScheduler.SYSTEM_CLOCK, capacity, List.of(seen::add));
        var published = new AtomicIntegerArray(producers); // each producer's count, written after its publish
        var go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int producer = p;
            int neighbour = (p + 1) % producers;
            Runnable work = () -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < each; i++) {
                    int saw = published.get(neighbour) - 1; // -1: none yet
                    bus.publish(EventType.LOG, producer, i, saw, "c", null, -1, null, null, null, -1);
                    published.set(producer, i + 1);
                }
            };
            threads.add((virtualMask & (1 << (p % 8))) != 0 ? Thread.ofVirtual().start(work)
                    : Thread.ofPlatform().start(work));
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        bus.close();

        assertThat(seen).hasSize(producers * each);
        int[] next = new int[producers];
        for (int i = 0; i < seen.size(); i++) {
            Event e = seen.get(i);
            assertThat(e.seq()).isEqualTo(i);
            if (i > 0) {
                assertThat(e.t()).isGreaterThanOrEqualTo(seen.get(i - 1).t());
            }
            int producer = (int) e.id();
            assertThat(e.attempt()).isEqualTo(next[producer]++);
            int neighbour = (producer + 1) % producers;
            if (e.group() >= 0) {
                assertThat(next[neighbour]).as("producer %d's event %d, after it saw its neighbour's %d", producer,
                        e.attempt(), e.group()).isGreaterThan((int) e.group());
            }
        }
    }

    /// Three kinds in turn, so a slot's next event is often of another kind than its last one: an event published
    /// whole (with a group's fields), one built from fields with an error, and a result whose text the writer makes.
    private static void publishKind(EventBus bus, int producer, int i) {
        switch (i % 3) {
            case 0 -> bus.publish(whole(producer, i));
            case 1 -> bus.publish(EventType.FAILED, producer, i, 7, "f", "w" + producer, i, "IOException", "reset",
                    null, i);
            default -> bus.publishResult(EventType.SUCCEEDED, producer, i, 0, "s", "w1", 5, i);
        }
    }

    /// An event with the run and group fields set, which only `publish(Event)` carries.
    private static Event whole(int producer, int i) {
        return new Event(-1, -1, EventType.GROUP_STARTED, producer, i, i, "g" + producer, null, -1, null, null, null,
                -1, "race", producer, i, 3);
    }

    private static Event expected(int producer, int i) {
        return switch (i % 3) {
            case 0 -> whole(producer, i);
            case 1 -> new Event(-1, -1, EventType.FAILED, producer, i, 7, "f", "w" + producer, i, "IOException",
                    "reset", null, i);
            default -> new Event(-1, -1, EventType.SUCCEEDED, producer, i, 0, "s", "w1", 5, null, null,
                    Integer.toString(i), -1);
        };
    }
}
