package dev.asynclab.engine.properties;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventBus;
import dev.asynclab.engine.event.EventType;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/// `EventBus.publishPair` beside single publishes, over generated numbers of producers, ring sizes and mixes: every
/// event reaches the sink exactly once with its own fields (none left over from the slot's last event), `seq` is
/// gap-free in the order the sink sees, `t` never decreases, each producer's events come in its own order, and the
/// two events of a pair are next to each other. Small rings make pairs wrap round the ring's end and make producers
/// that claimed a pair wait for room while others wait too; everything published before `close()` arrives.
class EventBusPairProperties {

    @Property(tries = 40)
    void pairsAndSinglesFromRacingProducersArriveOnceInSeqOrderWithPairsAdjacent(
            @ForAll @IntRange(min = 1, max = 4) int producers,
            @ForAll @IntRange(min = 2, max = 64) int capacity,
            @ForAll @IntRange(min = 1, max = 3_000) int each,
            @ForAll @IntRange(min = 2, max = 6) int pairEvery) throws InterruptedException {
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
                publishAll(bus, producer, each, pairEvery);
            }));
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        bus.close();

        assertArrivedOnceInOrderWithPairsAdjacent(seen, producers, each, pairEvery);
    }

    /// The same on a bus for one producer at a time, fed by producers that take turns (the claim is then a plain
    /// add of two): all of one producer's events, then the next one's, pairs adjacent, `seq` gap-free.
    @Property(tries = 30)
    void pairsOnAOneProducerBusFedInTurnArriveOnceInOrder(@ForAll @IntRange(min = 1, max = 3) int producers,
                                                          @ForAll @IntRange(min = 2, max = 64) int capacity,
                                                          @ForAll @IntRange(min = 1, max = 3_000) int each,
                                                          @ForAll @IntRange(min = 2, max = 6) int pairEvery)
            throws InterruptedException {
        List<Event> seen = new ArrayList<>();
        var bus = EventBus.createForOneProducer(System::nanoTime, capacity, List.of(seen::add));
        for (int p = 0; p < producers; p++) {
            int producer = p;
            Thread.ofPlatform().start(() -> publishAll(bus, producer, each, pairEvery)).join();
        }
        bus.close();

        assertArrivedOnceInOrderWithPairsAdjacent(seen, producers, each, pairEvery);
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i).id()).as("in turn").isGreaterThanOrEqualTo(seen.get(i - 1).id());
        }
    }

    /// Producer `producer`'s events number 0 to `each - 1`; every `pairEvery`-th (2 or more) starts a pair with the
    /// next one (when there is a next one). Singles alternate between a result (a value the writer turns into text)
    /// and an error, so a slot that held one of them and then holds half of a pair shows any field the pair did not
    /// clear.
    private static void publishAll(EventBus bus, int producer, int each, int pairEvery) {
        int i = 0;
        while (i < each) {
            if (i % pairEvery == 0 && i + 1 < each) {
                if (i % 2 == 0) {
                    bus.publishPair(EventType.SUBMITTED, i, EventType.QUEUED, i + 1, producer, 1, 9, "pair");
                } else {
                    bus.publishPairAt(bus.clock().getAsLong(), EventType.SUBMITTED, i, EventType.QUEUED, i + 1,
                            producer, 1, 9, "pair");
                }
                i += 2;
            } else {
                if (i % 2 == 0) {
                    bus.publishResult(EventType.SUCCEEDED, producer, 1, 0, "single", "w0", 5, i);
                } else {
                    bus.publish(EventType.FAILED, producer, 1, 0, "single", "w1", 6, "IOException", "reset", "v", i);
                }
                i++;
            }
        }
    }

    private static void assertArrivedOnceInOrderWithPairsAdjacent(List<Event> seen, int producers, int each,
                                                                  int pairEvery) {
        assertThat(seen).hasSize(producers * each);
        int[] next = new int[producers];
        for (int k = 0; k < seen.size(); k++) {
            Event e = seen.get(k);
            assertThat(e.seq()).isEqualTo(k);
            if (k > 0) {
                assertThat(e.t()).isGreaterThanOrEqualTo(seen.get(k - 1).t());
            }
            int producer = (int) e.id();
            int i = next[producer]++;
            assertThat(e).usingRecursiveComparison().ignoringFields("seq", "t")
                    .isEqualTo(expected(producer, i, each, pairEvery));
            if (e.type() == EventType.SUBMITTED) {
                assertThat(seen.get(k + 1)).as("the second of pair %d of producer %d, next to the first", i, producer)
                        .usingRecursiveComparison().ignoringFields("seq", "t")
                        .isEqualTo(expected(producer, i + 1, each, pairEvery));
            }
        }
    }

    /// Producer `producer`'s event number `i`, as `publishAll` publishes it (its number in the queue depth).
    private static Event expected(int producer, int i, int each, int pairEvery) {
        int start = i - i % pairEvery; // where the run of `pairEvery` that holds `i` begins: a pair, if it has room
        if (start + 1 < each && (i == start || i == start + 1)) {
            return new Event(-1, -1, i == start ? EventType.SUBMITTED : EventType.QUEUED, producer, 1, 9, "pair",
                    null, -1, null, null, null, i);
        }
        return i % 2 == 0
                ? new Event(-1, -1, EventType.SUCCEEDED, producer, 1, 0, "single", "w0", 5, null, null,
                        Integer.toString(i), -1)
                : new Event(-1, -1, EventType.FAILED, producer, 1, 0, "single", "w1", 6, "IOException", "reset", "v",
                        i);
    }
}
