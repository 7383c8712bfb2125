package dev.asynclab.engine;

import dev.asynclab.engine.AsyncCallbackResult.Status;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/// `AsyncCallbacks.whenEnded`: the action runs once, with the outcome, whoever ends the work and whenever it is
/// registered, as `whenComplete`'s would.
class WhenEndedTest {

    private static InvocationFuture future() {
        return new InvocationFuture(() -> false, reason -> { });
    }

    private static AsyncCallbackResult result(Status status) {
        return new AsyncCallbackResult(status, "v", null, null, java.time.Duration.ZERO, 1, 7);
    }

    @Test
    void anActionRegisteredBeforeTheEndRunsOnceWithTheResult() throws Exception {
        try (var sim = new Sim()) {
            var pool = AsyncCallbackPool.builder(sim.runtime).size(1).build();
            List<AsyncCallbackResult> heard = new ArrayList<>();
            CompletableFuture<AsyncCallbackResult> f = AsyncCallbacks.execute(pool,
                    Task.call("slow", ctx -> { ctx.sleep(Sim.ms(5)); return "done"; }, Sim.ms(50)));
            AsyncCallbacks.whenEnded(f, (r, e) -> heard.add(r));
            assertThat(heard).isEmpty();

            sim.run();

            assertThat(heard).hasSize(1);
            assertThat(heard.getFirst().status()).isEqualTo(Status.SUCCEEDED);
            assertThat(heard.getFirst().value()).isEqualTo("done");
        }
    }

    @Test
    void anActionRegisteredAfterTheEndRunsAtOnce() throws Exception {
        try (var sim = new Sim()) {
            var pool = AsyncCallbackPool.builder(sim.runtime).size(1).queueCapacity(0).build();
            pool.submit(ctx -> { ctx.sleep(Sim.ms(5)); return 1; }, "busy", Sim.ms(50));
            CompletableFuture<AsyncCallbackResult> rejected = AsyncCallbacks.execute(pool,
                    Task.call("late", ctx -> 2, Sim.ms(50)));
            List<Status> heard = new ArrayList<>();

            AsyncCallbacks.whenEnded(rejected, (r, e) -> heard.add(r.status()));

            assertThat(heard).containsExactly(Status.REJECTED);
            sim.run();
            assertThat(heard).containsExactly(Status.REJECTED);
        }
    }

    @Test
    void itRunsAfterTheFuturesOwnDependants() {
        var f = future();
        List<String> order = new ArrayList<>();
        AsyncCallbacks.whenEnded(f, (r, e) -> order.add("whenEnded"));
        f.whenComplete((r, e) -> order.add("dependant"));

        f.complete(result(Status.SUCCEEDED));

        assertThat(order).containsExactly("dependant", "whenEnded");
    }

    @Test
    void aSecondActionWaitingBesideTheFirstRunsTooEachOnce() {
        var f = future();
        AtomicInteger first = new AtomicInteger();
        AtomicInteger second = new AtomicInteger();
        AsyncCallbacks.whenEnded(f, (r, e) -> first.incrementAndGet());
        AsyncCallbacks.whenEnded(f, (r, e) -> second.incrementAndGet());

        f.complete(result(Status.SUCCEEDED));
        f.complete(result(Status.FAILED));
        f.completeExceptionally(new IllegalStateException("too late"));

        assertThat(first).hasValue(1);
        assertThat(second).hasValue(1);
    }

    @Test
    void aFutureEndedExceptionallyHandsTheErrorOver() {
        var f = future();
        AtomicReference<Throwable> heard = new AtomicReference<>();
        AtomicReference<AsyncCallbackResult> value = new AtomicReference<>(result(Status.SUCCEEDED));
        AsyncCallbacks.whenEnded(f, (r, e) -> {
            value.set(r);
            heard.set(e);
        });

        f.completeExceptionally(new IllegalStateException("boom"));

        assertThat(value.get()).isNull();
        assertThat(heard.get()).isInstanceOf(IllegalStateException.class).hasMessage("boom");
    }

    @Test
    void anyOtherFutureGoesThroughWhenComplete() {
        var plain = new CompletableFuture<AsyncCallbackResult>();
        List<Status> heard = new ArrayList<>();
        AsyncCallbacks.whenEnded(plain, (r, e) -> heard.add(r.status()));

        plain.complete(result(Status.CANCELLED));

        assertThat(heard).containsExactly(Status.CANCELLED);
    }

    /// Registering on one thread while another completes, in any order and with any overlap: every action runs
    /// exactly once, whether the registrar or the completer takes it.
    @Property(tries = 200)
    void registeringWhileAnotherThreadCompletesRunsTheActionOnce(@ForAll @IntRange(min = 0, max = 200) int spin,
                                                                 @ForAll boolean completerFirst) throws Exception {
        int rounds = 50;
        var futures = new InvocationFuture[rounds];
        var runs = new AtomicInteger[rounds];
        for (int i = 0; i < rounds; i++) {
            futures[i] = future();
            runs[i] = new AtomicInteger();
        }
        var go = new CountDownLatch(1);
        Thread completer = Thread.ofPlatform().start(() -> {
            awaitQuietly(go);
            for (int i = 0; i < rounds; i++) {
                if (!completerFirst) {
                    busy(spin);
                }
                futures[i].complete(result(Status.SUCCEEDED));
            }
        });
        go.countDown();
        for (int i = 0; i < rounds; i++) {
            if (completerFirst) {
                busy(spin);
            }
            AtomicInteger count = runs[i];
            AsyncCallbacks.whenEnded(futures[i], (r, e) -> count.incrementAndGet());
        }
        completer.join();

        for (int i = 0; i < rounds; i++) {
            assertThat(runs[i]).as("future %d", i).hasValue(1);
        }
    }

    private static void busy(int spins) {
        for (int i = 0; i < spins; i++) {
            Thread.onSpinWait();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
