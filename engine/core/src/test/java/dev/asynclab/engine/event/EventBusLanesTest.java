package dev.asynclab.engine.event;

import dev.asynclab.engine.spi.RealScheduler;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.LongSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/// What the lanes change, seen from a sink: on the system clock, events that two threads published at once come in
/// the order of their clock readings, not of their publishing; on another clock in the order they were published,
/// their `t` raised. The writer is held inside the sink (on a first "gate" event) while the two threads publish, so
/// that it finds both events in one round whatever the machine's load.
class EventBusLanesTest {

    @Test
    void onTheSystemClockEventsPublishedAtOnceComeInTheOrderOfTheirReadings() throws InterruptedException {
        assumeTrue(EventBus.SystemClock.MOVES_EVERY_READING, "a system clock that repeats a reading: one lane");
        List<Event> seen = publishLaterReadingFirst(RealScheduler.SYSTEM_CLOCK);
        assertThat(seen).extracting(Event::name).containsExactly("gate", "earlier reading", "later reading");
        assertThat(seen.get(2).t() - seen.get(1).t()).isEqualTo(1); // their own readings: nothing raised
        assertThat(seen).extracting(Event::seq).containsExactly(0L, 1L, 2L);
    }

    @Test
    void onAnotherClockEventsComeInTheOrderTheyWerePublished() throws InterruptedException {
        LongSupplier nanoTime = System::nanoTime; // the same readings, but not the system clock's own supplier
        List<Event> seen = publishLaterReadingFirst(nanoTime);
        assertThat(seen).extracting(Event::name).containsExactly("gate", "later reading", "earlier reading");
        assertThat(seen.get(2).t()).isEqualTo(seen.get(1).t()); // raised, never back in time
    }

    @Test
    void anEventStampedLaterThanTheClockWaitsForItButCloseDeliversIt() {
        List<Event> seen = new CopyOnWriteArrayList<>();
        var bus = EventBus.create(1 << 4, seen::add);
        bus.publish(Event.of(EventType.LOG, 1, 1, 0, "now"));
        bus.publishAt(System.nanoTime() + 3_600_000_000_000L, EventType.LOG, 2, 1, 0, "in an hour", null, -1, null,
                null, null, -1);
        bus.close();
        assertThat(seen).extracting(Event::name).containsExactly("now", "in an hour");
    }

    /// Three threads to every lane, a third of their events stamped with a reading a millisecond old (as the engine
    /// stamps a QUEUED with its submission's reading), behind lanes of 16 slots and a sink slower than they are, so that
    /// they keep finding their lane full: every event arrives and nobody waits for good. The first build of the lanes
    /// claimed a seq before it waited for room, and a producer waiting on a full lane then held a slot the merge
    /// waited for (a stale event published behind it bounded the round below the lane's own events): the pool batch
    /// hung in its first second.
    @Test
    void producersSharingLanesWithOldReadingsBehindFullLanesNeverWaitForGood() throws InterruptedException {
        var delivered = new java.util.concurrent.atomic.AtomicLong();
        var bus = EventBus.create(16, e -> {
            delivered.incrementAndGet();
            long until = System.nanoTime() + 200;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
        });
        int threads = 3 * EventBus.LANES;
        int each = 2_000;
        List<Thread> started = new java.util.ArrayList<>();
        for (int p = 0; p < threads; p++) {
            int producer = p;
            Runnable work = () -> {
                for (int i = 0; i < each; i++) {
                    long now = System.nanoTime() - (i % 3 == 0 ? 1_000_000 : 0);
                    bus.publishAt(now, EventType.LOG, producer, i, 0, "x", null, -1, null, null, null, -1);
                }
            };
            started.add(p % 2 == 0 ? Thread.ofPlatform().start(work) : Thread.ofVirtual().start(work));
        }
        long deadline = System.nanoTime() + 60_000_000_000L; // a hang fails the test, not the build
        for (Thread t : started) {
            t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
        assertThat(started).noneMatch(Thread::isAlive);
        bus.close();
        assertThat(delivered.get()).isEqualTo((long) threads * each);
    }

    /// Two threads in different lanes: the first publishes an event stamped one nanosecond later than the second's,
    /// both while the writer is held in the sink.
    private static List<Event> publishLaterReadingFirst(LongSupplier clock) throws InterruptedException {
        List<Event> seen = new CopyOnWriteArrayList<>();
        var inSink = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var bus = EventBus.create(clock, 1 << 10, List.of(e -> {
            seen.add(e);
            if (e.name().equals("gate")) {
                inSink.countDown();
                try {
                    release.await();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }));
        long r = System.nanoTime();
        bus.publishAt(r, EventType.LOG, 0, 0, 0, "gate", null, -1, null, null, null, -1);
        inSink.await();
        Thread later = Thread.ofPlatform().unstarted(() -> bus.publishAt(r + 2, EventType.LOG, 1, 1, 0,
                "later reading", null, -1, null, null, null, -1));
        Thread earlier;
        do { // consecutive threads' ids pick different lanes; a thread made meanwhile elsewhere could make two share
            earlier = Thread.ofPlatform().unstarted(() -> bus.publishAt(r + 1, EventType.LOG, 2, 1, 0,
                    "earlier reading", null, -1, null, null, null, -1));
        } while (lane(earlier) == lane(later));
        later.start();
        later.join();
        earlier.start();
        earlier.join();
        release.countDown();
        bus.close();
        return seen;
    }

    private static long lane(Thread t) {
        return EventBus.laneOf(t.threadId());
    }
}
