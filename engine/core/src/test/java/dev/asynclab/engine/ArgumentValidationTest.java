package dev.asynclab.engine;

import dev.asynclab.engine.spi.RealScheduler;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/// Bad arguments are refused at once with a clear exception, never accepted and misread later (a negative timeout
/// silently meaning "none", a NaN backoff, a null callback failing inside the run).
class ArgumentValidationTest {

    private static final Duration NEGATIVE = Duration.ofMillis(-1);

    @Test
    void negativeTimeoutsAreRefusedEverywhere() {
        try (var sim = new Sim(); var pool = AsyncCallbackPool.builder(sim.runtime).size(1).build()) {
            assertThatIllegalArgumentException().isThrownBy(() -> pool.submit(ctx -> 1, "x", NEGATIVE));
            assertThatIllegalArgumentException().isThrownBy(() -> new AsyncCallbackWrapper(() -> 1, "x", NEGATIVE));
            assertThatIllegalArgumentException().isThrownBy(() -> Task.call("x", ctx -> 1, NEGATIVE));
            assertThatIllegalArgumentException().isThrownBy(() -> Task.parallel("p", NEGATIVE));
            assertThatIllegalArgumentException().isThrownBy(() -> Task.race("r", NEGATIVE));
            assertThatIllegalArgumentException().isThrownBy(() -> Task.hedged("h", NEGATIVE, Duration.ZERO));
            assertThatIllegalArgumentException().isThrownBy(
                    () -> AsyncCallbacks.executeParallel(sim.runtime, List.of(), NEGATIVE));
        }
    }

    @Test
    void nullTimeoutsMeanTheDefaultForCallbacksAndNoneForGroups() {
        assertThat(Task.call("x", ctx -> 1, null).timeout()).isEqualTo(AsyncCallbackRuntime.DEFAULT_TIMEOUT);
        assertThat(Task.parallel("p", null).timeout()).isEqualTo(Duration.ZERO);
    }

    @Test
    void nullCallbacksAreRefused() {
        try (var sim = new Sim(); var pool = AsyncCallbackPool.builder(sim.runtime).size(1).build()) {
            assertThatNullPointerException().isThrownBy(() -> pool.submit((AsyncCallback) null, "x", null));
            assertThatNullPointerException().isThrownBy(() -> pool.submit((Callable<?>) null, "x", null));
            assertThatNullPointerException().isThrownBy(() -> AsyncCallback.of(null));
            assertThatNullPointerException().isThrownBy(() -> new AsyncCallbackWrapper((Callable<?>) null, "x"));
        }
    }

    @Test
    void aPoolNeedsAtLeastOneWorker() {
        assertThatIllegalArgumentException().isThrownBy(() -> AsyncCallbackPool.builder().build())
                .withMessageContaining("at least 1");
        try (var pool = AsyncCallbackPool.builder().size(2).build()) {
            assertThatIllegalArgumentException().isThrownBy(() -> pool.resize(0));
            assertThat(pool.maxConcurrent()).isEqualTo(2);
            assertThat(pool.queueCapacity()).as("unbounded by default").isNegative();
        }
    }

    @Test
    void aRetryPolicyRefusesNaNAndNegativeDurations() {
        assertThatIllegalArgumentException().isThrownBy(() -> RetryPolicy.builder().backoff(Double.NaN, null).build());
        assertThatIllegalArgumentException().isThrownBy(() -> RetryPolicy.builder().jitter(Double.NaN).build());
        assertThatIllegalArgumentException().isThrownBy(() -> RetryPolicy.builder().delay(NEGATIVE).build());
        assertThatIllegalArgumentException().isThrownBy(() -> RetryPolicy.builder().delay(null).build());
        assertThatIllegalArgumentException().isThrownBy(() -> RetryPolicy.builder().deadline(NEGATIVE).build());
        assertThat(RetryPolicy.builder().deadline(null).retryOn((java.util.Set<String>) null).build())
                .satisfies(p -> {
                    assertThat(p.deadline()).isZero();
                    assertThat(p.retryOn()).isEmpty();
                });
    }

    @Test
    void closingTheSharedRealClockLeavesTheDefaultRuntimeWorking() {
        RealScheduler.shared().close();
        var r = new AsyncCallbackWrapper(() -> "still works", "after close", Duration.ofSeconds(30)).executeBlocking();
        assertThat(r.value()).isEqualTo("still works");
    }
}
