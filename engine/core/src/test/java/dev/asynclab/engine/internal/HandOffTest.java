package dev.asynclab.engine.internal;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/// A `HandOff` hands each piece of work to exactly one waiting thread or back to its caller: an offer that says
/// it was taken reaches the waiter, one that says it was not reaches nobody, whoever wins the race between the
/// waiter giving up and the offer.
class HandOffTest {

    private static final long LONG_WAIT = 60_000_000_000L;

    @Test
    void anOfferWithNobodyWaitingIsRefused() {
        assertThat(new HandOff<String>().offer("work")).isFalse();
    }

    @Test
    void aWaitingThreadGetsTheWorkOfferedAndOnlyOneOfferIsTaken() throws Exception {
        var handOff = new HandOff<String>();
        var got = new AtomicReference<String>();
        Thread waiter = Thread.ofPlatform().start(() -> got.set(handOff.await(LONG_WAIT)));
        awaitParked(waiter);
        assertThat(handOff.offer("first")).isTrue();
        assertThat(handOff.offer("second")).isFalse(); // the one waiter has its work already
        waiter.join();
        assertThat(got.get()).isEqualTo("first");
    }

    @Test
    void aSecondThreadDoesNotWaitWhereOneWaitsAlready() throws Exception {
        var handOff = new HandOff<String>();
        var first = new AtomicReference<String>();
        Thread waiter = Thread.ofPlatform().start(() -> first.set(handOff.await(LONG_WAIT)));
        awaitParked(waiter);
        assertThat(handOff.await(LONG_WAIT)).isNull(); // returns at once: the test would hang otherwise
        assertThat(handOff.offer("work")).isTrue();
        waiter.join();
        assertThat(first.get()).isEqualTo("work");
    }

    @Test
    void aThreadThatGaveUpIsNeverHandedWorkAndTheNextWaiterIs() throws Exception {
        var handOff = new HandOff<String>();
        assertThat(handOff.await(0)).isNull();
        assertThat(handOff.offer("lost?")).isFalse();
        var got = new AtomicReference<String>();
        Thread waiter = Thread.ofPlatform().start(() -> got.set(handOff.await(LONG_WAIT)));
        awaitParked(waiter);
        assertThat(handOff.offer("next")).isTrue();
        waiter.join();
        assertThat(got.get()).isEqualTo("next");
    }

    @Test
    void anInterruptedWaiterGivesUpAndKeepsItsInterrupt() throws Exception {
        var handOff = new HandOff<String>();
        var got = new AtomicReference<String>("not returned");
        var stillInterrupted = new AtomicReference<Boolean>();
        Thread waiter = Thread.ofPlatform().start(() -> {
            got.set(handOff.await(LONG_WAIT));
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        });
        awaitParked(waiter);
        waiter.interrupt();
        waiter.join();
        assertThat(got.get()).isNull();
        assertThat(stillInterrupted.get()).isTrue();
        assertThat(handOff.offer("after")).isFalse();
    }

    /// The race itself: waiters giving up after a few microseconds, or at once, against offers from two threads.
    /// Every offer that returned true was received by a waiter, once; no waiter received anything not offered
    /// or offered to it as refused.
    @Property(tries = 60)
    void everyAcceptedOfferReachesOneWaiterAndNoRefusedOneDoes(@ForAll @IntRange(min = 0, max = 20_000) int lingerNanos,
                                                               @ForAll @IntRange(min = 50, max = 400) int rounds)
            throws Exception {
        var handOff = new HandOff<Integer>();
        List<Integer> received = new CopyOnWriteArrayList<>();
        List<Integer> accepted = new CopyOnWriteArrayList<>();
        var next = new AtomicInteger();
        var offersDone = new java.util.concurrent.CountDownLatch(2);
        Thread waiter = Thread.ofPlatform().start(() -> {
            while (offersDone.getCount() > 0) {
                Integer w = handOff.await(lingerNanos);
                if (w != null) {
                    received.add(w);
                }
            }
        });
        List<Thread> offerers = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            offerers.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < rounds; i++) {
                    int w = next.incrementAndGet();
                    if (handOff.offer(w)) {
                        accepted.add(w);
                    }
                    Thread.onSpinWait();
                }
                offersDone.countDown();
            }));
        }
        for (Thread o : offerers) {
            o.join();
        }
        waiter.join();
        assertThat(received).containsExactlyInAnyOrderElementsOf(accepted);
    }

    /// Waits until `t` is parked in `await` (after its spins): an offer then must wake it.
    private static void awaitParked(Thread t) throws InterruptedException {
        while (t.getState() != Thread.State.TIMED_WAITING) {
            assertThat(t.isAlive()).as("the waiter returned before it was handed anything").isTrue();
            Thread.sleep(1);
        }
    }
}
