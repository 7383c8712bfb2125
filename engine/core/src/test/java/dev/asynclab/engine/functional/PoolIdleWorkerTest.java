package dev.asynclab.engine.functional;

import dev.asynclab.engine.AsyncCallbackPool;
import dev.asynclab.engine.AsyncCallbackResult.Status;
import dev.asynclab.engine.AsyncCallbackRuntime;
import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventBus;
import dev.asynclab.engine.event.EventType;
import dev.asynclab.engine.spi.RealScheduler;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/// A pool's worker thread that runs out of work waits in its slot for the clock's `workerLingerNanos`, and the next
/// call given that slot runs on it, with the events it would have had on a new thread; a thread that waited its
/// time out ends.
class PoolIdleWorkerTest {

    @Test
    void theNextCallRunsOnTheWaitingWorkerWithTheSameEvents() throws Exception {
        List<Event> events = new CopyOnWriteArrayList<>();
        try (var real = new RealScheduler(RealScheduler.ThreadMode.VIRTUAL)) {
            var scheduler = new Lingering(real, 60_000_000_000L); // long enough to be waiting when the next call comes
            var bus = EventBus.create(1 << 10, events::add);
            var runtime = AsyncCallbackRuntime.builder().scheduler(scheduler).events(bus).build();
            var pool = AsyncCallbackPool.builder(runtime).size(1).build();
            var firstThread = new AtomicReference<Thread>();
            var secondThread = new AtomicReference<Thread>();
            assertThat(pool.submit(ctx -> {
                firstThread.set(Thread.currentThread());
                return "a";
            }, "first", Duration.ofSeconds(30)).get().status()).isEqualTo(Status.SUCCEEDED);
            awaitParked(firstThread.get());

            var second = pool.submit(ctx -> {
                secondThread.set(Thread.currentThread());
                return "b";
            }, "second", Duration.ofSeconds(30)).get();

            assertThat(second.status()).isEqualTo(Status.SUCCEEDED);
            assertThat(second.value()).isEqualTo("b");
            assertThat(secondThread.get()).isSameAs(firstThread.get());
            assertThat(pool.awaitAll(Duration.ofSeconds(30))).isTrue();
            bus.close();
            assertThat(events).extracting(Event::type, Event::name, Event::worker).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(EventType.SUBMITTED, "first", null),
                    org.assertj.core.groups.Tuple.tuple(EventType.STARTED, "first", "w0"),
                    org.assertj.core.groups.Tuple.tuple(EventType.SUCCEEDED, "first", "w0"),
                    org.assertj.core.groups.Tuple.tuple(EventType.SUBMITTED, "second", null),
                    org.assertj.core.groups.Tuple.tuple(EventType.STARTED, "second", "w0"),
                    org.assertj.core.groups.Tuple.tuple(EventType.SUCCEEDED, "second", "w0"));
        }
    }

    @Test
    void aWorkerThatWaitedItsTimeOutEndsAndTheNextCallGetsANewThread() throws Exception {
        try (var real = new RealScheduler(RealScheduler.ThreadMode.VIRTUAL)) {
            var scheduler = new Lingering(real, 1_000_000);
            var runtime = AsyncCallbackRuntime.builder().scheduler(scheduler).build();
            var pool = AsyncCallbackPool.builder(runtime).size(1).build();
            var firstThread = new AtomicReference<Thread>();
            pool.submit(ctx -> {
                firstThread.set(Thread.currentThread());
                return 1;
            }, "first", Duration.ofSeconds(30)).get();
            // Ends once it has waited 1 ms for a call that never came (a virtual thread: it ends with its task).
            assertThat(firstThread.get().join(Duration.ofSeconds(30))).isTrue();
            var secondThread = new AtomicReference<Thread>();
            var second = pool.submit(ctx -> {
                secondThread.set(Thread.currentThread());
                return 2;
            }, "second", Duration.ofSeconds(30)).get();
            assertThat(second.status()).isEqualTo(Status.SUCCEEDED);
            assertThat(secondThread.get()).isNotSameAs(firstThread.get());
        }
    }

    /// Waits until `t`, a pool's worker thread, is parked waiting for its next call.
    private static void awaitParked(Thread t) throws InterruptedException {
        while (t.getState() != Thread.State.TIMED_WAITING) {
            assertThat(t.isAlive()).as("the worker thread ended instead of waiting").isTrue();
            Thread.sleep(1);
        }
    }

    /// The real clock with another `workerLingerNanos`.
    private static final class Lingering extends ForwardingScheduler {
        private final long linger;

        Lingering(RealScheduler real, long linger) {
            super(real);
            this.linger = linger;
        }

        @Override
        public long workerLingerNanos() {
            return linger;
        }
    }
}
