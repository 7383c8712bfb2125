package dev.asynclab.engine.functional;

import dev.asynclab.engine.AsyncCallbackResult;
import dev.asynclab.engine.AsyncCallbackResult.Status;
import dev.asynclab.engine.AsyncCallbackRuntime;
import dev.asynclab.engine.AsyncCallbackWrapper;
import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventBus;
import dev.asynclab.engine.event.EventType;
import dev.asynclab.engine.spi.RealScheduler;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/// `LATE_FINISH` is for a callback that ignored the interrupt of its timeout: one that returned after its deadline
/// but before the stop reached its thread (a clock may hold the stops of timeouts due together) ignored nothing.
/// The clock here holds every stop until the test lets it go, so each order is certain, not a matter of timing.
class LateFinishTest {

    @Test
    void workThatReturnsBeforeItsStopReachesItIsNoLateFinish() throws Exception {
        try (var real = new RealScheduler(RealScheduler.ThreadMode.VIRTUAL)) {
            var clock = new HoldingStops(real);
            List<Event> events = new CopyOnWriteArrayList<>();
            var bus = EventBus.create(1 << 10, events::add);
            var runtime = AsyncCallbackRuntime.builder().scheduler(clock).events(bus).build();
            var timedOut = new CountDownLatch(1);
            var worker = new AtomicReference<Thread>();
            var interrupted = new AtomicReference<Boolean>();
            CompletableFuture<AsyncCallbackResult> f = new AsyncCallbackWrapper(runtime, ctx -> {
                worker.set(Thread.currentThread());
                timedOut.await(30, TimeUnit.SECONDS); // past its deadline, its stop held: nothing interrupts it
                interrupted.set(Thread.currentThread().isInterrupted());
                return "done, a little late";
            }, "just-late", Duration.ofMillis(20)).executeAsync();

            assertThat(f.get(30, TimeUnit.SECONDS).status()).isEqualTo(Status.TIMED_OUT);
            timedOut.countDown();
            awaitSet(worker).join(Duration.ofSeconds(30)); // it returned and the worker finished with it
            clock.releaseStops(); // the stop now finds nothing running
            bus.close();

            assertThat(interrupted.get()).isFalse();
            assertThat(events).extracting(Event::type).containsExactly(
                    EventType.SUBMITTED, EventType.STARTED, EventType.TIMED_OUT);
        }
    }

    @Test
    void workThatIgnoresTheInterruptItWasSentIsALateFinish() throws Exception {
        try (var real = new RealScheduler(RealScheduler.ThreadMode.VIRTUAL)) {
            var clock = new HoldingStops(real);
            List<Event> events = new CopyOnWriteArrayList<>();
            var bus = EventBus.create(1 << 10, events::add);
            var runtime = AsyncCallbackRuntime.builder().scheduler(clock).events(bus).build();
            var worker = new AtomicReference<Thread>();
            CompletableFuture<AsyncCallbackResult> f = new AsyncCallbackWrapper(runtime, ctx -> {
                worker.set(Thread.currentThread());
                try {
                    new CountDownLatch(1).await(30, TimeUnit.SECONDS); // until its stop's interrupt arrives
                } catch (InterruptedException ignored) {
                    // a badly behaved callback: it swallows the interrupt and returns as if nothing happened
                }
                return "done anyway";
            }, "stubborn", Duration.ofMillis(20)).executeAsync();

            assertThat(f.get(30, TimeUnit.SECONDS).status()).isEqualTo(Status.TIMED_OUT);
            clock.releaseStops(); // the stop interrupts it, and it returns
            awaitSet(worker).join(Duration.ofSeconds(30));
            bus.close();

            assertThat(events).extracting(Event::type).containsExactly(
                    EventType.SUBMITTED, EventType.STARTED, EventType.TIMED_OUT, EventType.LATE_FINISH);
            assertThat(events.getLast().value()).isEqualTo("done anyway");
        }
    }

    private static Thread awaitSet(AtomicReference<Thread> ref) throws InterruptedException {
        while (ref.get() == null) {
            Thread.sleep(1);
        }
        return ref.get();
    }

    /// The real clock, holding what it is asked to run after the current tick (a timeout's stop) until
    /// `releaseStops`.
    private static final class HoldingStops extends ForwardingScheduler {
        private final BlockingQueue<Runnable> held = new LinkedBlockingQueue<>();

        HoldingStops(RealScheduler real) {
            super(real);
        }

        /// Runs the stops held, waiting for the first: a caller hears TIMED_OUT before the timer hands over the
        /// stop that follows it.
        void releaseStops() throws InterruptedException {
            Runnable first = held.poll(30, TimeUnit.SECONDS);
            assertThat(first).as("a stop held").isNotNull();
            first.run();
            for (Runnable more; (more = held.poll()) != null; ) {
                more.run();
            }
        }

        @Override
        public void afterCurrentTick(Runnable task) {
            held.add(task);
        }
    }
}
