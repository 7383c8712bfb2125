package dev.asynclab.engine.internal;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.ReentrantLock;

import static org.assertj.core.api.Assertions.assertThat;

/// The pool's queue of waiting calls: on one thread it answers as a FIFO list with removal does (its size too), for
/// any sequence of offers, polls and removals; on many, every offered call is taken out exactly once, by a poll or by a removal.
class CallQueueProperties {

    static final class Call extends CallQueue.Node {
        final int id;

        Call(int id) {
            this.id = id;
        }
    }

    /// op % 3: 0 offers a new call, 1 polls, 2 removes an offered call picked by the op's value.
    @Property(tries = 300)
    void answersAsAFifoListWithRemoval(@ForAll @Size(max = 200) List<@IntRange(min = 0, max = 1_000) Integer> ops) {
        var queue = new CallQueue<Call>();
        var model = new LinkedList<Call>();
        List<Call> offered = new ArrayList<>();
        for (int op : ops) {
            switch (op % 3) {
                case 0 -> {
                    var c = new Call(offered.size());
                    offered.add(c);
                    queue.offer(c);
                    model.addLast(c);
                }
                case 1 -> assertThat(queue.poll()).isSameAs(model.pollFirst());
                default -> {
                    if (!offered.isEmpty()) {
                        Call c = offered.get(op / 3 % offered.size());
                        assertThat(queue.remove(c)).isEqualTo(model.remove(c));
                    }
                }
            }
            List<Call> seen = new ArrayList<>();
            queue.forEach(seen::add);
            assertThat(seen).containsExactlyElementsOf(model);
            assertThat(queue.size()).as("size").isEqualTo(model.size());
        }
        assertThat(queue.remove(new Call(-1))).as("a call never offered").isFalse();
    }

    @Property(tries = 25)
    void everyOfferedCallIsTakenOutExactlyOnceByPollsAndRemovals(
            @ForAll @IntRange(min = 1, max = 3) int producers,
            @ForAll @IntRange(min = 1, max = 3) int pollers,
            @ForAll @IntRange(min = 1, max = 2_000) int callsEach,
            @ForAll @IntRange(min = 0, max = 5) int removeEvery) throws Exception {
        var queue = new CallQueue<Call>();
        var lock = new ReentrantLock(); // offers one at a time, as the pool's lock makes them
        int total = producers * callsEach;
        var takenOut = new AtomicIntegerArray(total);
        var offeredAll = new CountDownLatch(producers);
        var start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int first = p * callsEach;
            threads.add(Thread.ofPlatform().start(() -> {
                await(start);
                for (int i = first; i < first + callsEach; i++) {
                    var c = new Call(i);
                    lock.lock();
                    try {
                        queue.offer(c);
                    } finally {
                        lock.unlock();
                    }
                    if (removeEvery > 0 && i % removeEvery == 0 && queue.remove(c)) {
                        takenOut.incrementAndGet(c.id); // races the pollers for it
                    }
                }
                offeredAll.countDown();
            }));
        }
        for (int k = 0; k < pollers; k++) {
            threads.add(Thread.ofPlatform().start(() -> {
                await(start);
                while (true) {
                    boolean last = offeredAll.getCount() == 0; // read before the poll: nothing is offered after it
                    Call c = queue.poll();
                    if (c != null) {
                        takenOut.incrementAndGet(c.id);
                    } else if (last) {
                        return;
                    }
                }
            }));
        }
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        for (int i = 0; i < total; i++) {
            assertThat(takenOut.get(i)).as("call %d taken out", i).isEqualTo(1);
        }
        assertThat(queue.poll()).isNull();
        assertThat(queue.size()).as("size once every call is out").isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
