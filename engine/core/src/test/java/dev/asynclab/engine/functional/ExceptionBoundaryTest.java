package dev.asynclab.engine.functional;

import dev.asynclab.engine.AsyncCallbackPool;
import dev.asynclab.engine.AsyncCallbackResult;
import dev.asynclab.engine.AsyncCallbackWrapper;
import dev.asynclab.engine.Hostile;
import dev.asynclab.engine.Sim;
import dev.asynclab.engine.AsyncCallbackResult.Status;
import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static dev.asynclab.engine.Sim.ms;
import static org.assertj.core.api.Assertions.assertThat;

/// Nothing a callback throws reaches the caller or a worker, however hostile the Throwable: it ends as FAILED with
/// a readable type and message, the caller hears back, and the pool slot comes back.
class ExceptionBoundaryTest {

    @Test
    void aThrowableWhoseGetMessageThrowsEndsAsFailedAndFreesItsSlotOnRealThreads() throws Exception {
        try (var pool = AsyncCallbackPool.builder().size(1).build()) {
            var f = pool.submit(ctx -> {
                throw new Hostile.MessageThrows();
            }, "hostile", Duration.ofSeconds(30));
            AsyncCallbackResult r = f.get(60, TimeUnit.SECONDS);
            assertThat(r.status()).isEqualTo(Status.FAILED);
            assertThat(r.errorType()).isEqualTo("MessageThrows");
            assertThat(r.errorMessage()).contains("getMessage() threw IllegalStateException");
            assertThat(pool.awaitAll(Duration.ofSeconds(60))).isTrue();
            assertThat(pool.activeCount()).isZero();
            // the slot is really free: the next callback runs
            assertThat(pool.submit(ctx -> "next", "next", Duration.ofSeconds(30)).get(60, TimeUnit.SECONDS).value())
                    .isEqualTo("next");
        }
    }

    @Test
    void everyHostileThrowableEndsAsFailedWithAReadableTypeAndTheSlotComesBack() throws Exception {
        try (var sim = new Sim(); var pool = AsyncCallbackPool.builder(sim.runtime).size(1).build()) {
            List<CompletableFuture<AsyncCallbackResult>> fs = new ArrayList<>();
            for (Supplier<Throwable> hostile : Hostile.throwables()) {
                fs.add(pool.submit(ctx -> {
                    ctx.sleep(ms(1));
                    throw sneaky(hostile.get());
                }, "hostile", ms(100)));
            }
            assertThat(pool.awaitAll(Duration.ofHours(1))).isTrue();
            assertThat(pool.activeCount()).isZero();
            assertThat(pool.completedCount()).isEqualTo(fs.size());
            for (var f : fs) {
                AsyncCallbackResult r = f.join();
                assertThat(r.status()).isEqualTo(Status.FAILED);
                assertThat(r.errorType()).isNotBlank();
                assertThat(r.errorMessage()).isNotNull().hasSizeLessThanOrEqualTo(4_096);
            }
            assertThat(sim.events(EventType.FAILED)).hasSize(fs.size());
            assertThat(sim.terminalsPerId()).allSatisfy((id, n) -> assertThat(n).isEqualTo(1L));
        }
    }

    @Test
    void anAnonymousExceptionClassIsNamedByItsNearestNamedSuperclass() {
        try (var sim = new Sim()) {
            var r = new AsyncCallbackWrapper(sim.runtime, ctx -> {
                throw Hostile.anonymous();
            }, "anon", ms(100)).executeBlocking();
            assertThat(r.errorType()).isEqualTo("IOException");
            assertThat(r.errorMessage()).isEqualTo("anonymous");
        }
    }

    @Test
    void aMegabyteMessageIsCutAndSaysHowLongItWas() {
        try (var sim = new Sim()) {
            var r = new AsyncCallbackWrapper(sim.runtime, ctx -> {
                throw Hostile.hugeMessage(2_000_000);
            }, "huge", ms(100)).executeBlocking();
            assertThat(r.errorMessage()).hasSizeLessThanOrEqualTo(4_096).endsWith("(cut, 2000000 chars in all)");
            assertThat(sim.events(EventType.FAILED).getFirst().errorMessage()).isEqualTo(r.errorMessage());
        }
    }

    @Test
    void aCauseCycleDoesNotHangTheBoundary() {
        try (var sim = new Sim()) {
            var r = new AsyncCallbackWrapper(sim.runtime, ctx -> {
                throw Hostile.causeCycle();
            }, "cycle", ms(100)).executeBlocking();
            assertThat(r.status()).isEqualTo(Status.FAILED);
            assertThat(r.errorType()).isIn("RuntimeException", "CompletionException");
        }
    }

    @Test
    void aCallbackFailureWhoseDeclaredTypeThrowsIsNamedByItsClass() {
        try (var sim = new Sim()) {
            var r = new AsyncCallbackWrapper(sim.runtime, ctx -> {
                throw new Hostile.ErrorTypeThrows();
            }, "declared", ms(100)).executeBlocking();
            assertThat(r.errorType()).isEqualTo("ErrorTypeThrows");
            assertThat(r.errorMessage()).isEqualTo("declared type is broken");
        }
    }

    @Test
    void aValueWhoseToStringThrowsStillSucceeds() {
        try (var sim = new Sim()) {
            Object value = Hostile.valueWhoseToStringThrows();
            var r = new AsyncCallbackWrapper(sim.runtime, ctx -> value, "odd value", ms(100)).executeBlocking();
            assertThat(r.status()).isEqualTo(Status.SUCCEEDED);
            assertThat(r.value()).isSameAs(value);
            assertThat(sim.events(EventType.SUCCEEDED)).extracting(Event::value).singleElement().asString()
                    .contains("toString() threw");
        }
    }

    @Test
    void closeEndsAPoolAfterAHostileThrowable() throws Exception {
        var pool = AsyncCallbackPool.builder().size(1).build();
        pool.submit(ctx -> {
            throw new Hostile.MessageThrowsError();
        }, "hostile", Duration.ofSeconds(30)).get(60, TimeUnit.SECONDS);
        var blocked = pool.submit(ctx -> {
            Thread.sleep(60_000);
            return 1;
        }, "blocked", Duration.ZERO);
        pool.close();
        assertThat(blocked.get(60, TimeUnit.SECONDS).status()).isEqualTo(Status.CANCELLED);
        assertThat(pool.awaitAll(Duration.ofSeconds(60))).isTrue();
        assertThat(pool.activeCount()).isZero();
    }

    /// Throws any Throwable from a callback, checked or not.
    @SuppressWarnings("unchecked")
    static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
        throw (T) t;
    }
}
