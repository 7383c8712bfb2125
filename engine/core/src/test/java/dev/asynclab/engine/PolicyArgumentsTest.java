package dev.asynclab.engine;

import dev.asynclab.engine.AsyncCallbackResult.Status;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.asynclab.engine.Sim.ms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/// The resilience policies' builders refuse what their Javadoc rules out, at build time, with
/// `IllegalArgumentException` (a null name with `NullPointerException`), rather than building a policy that
/// misbehaves later; and a fallback keeps the promises of its Javadoc.
class PolicyArgumentsTest {

    @Test
    void aCircuitBreakerRefusesAnEmptyWindowAndPercentagesOutsideZeroToHundred() {
        assertThatIllegalArgumentException().isThrownBy(() -> CircuitBreaker.builder("b").countWindow(0).build());
        assertThatIllegalArgumentException().isThrownBy(
                () -> CircuitBreaker.builder("b").timeWindow(Duration.ZERO).build());
        assertThatIllegalArgumentException().isThrownBy(() -> CircuitBreaker.builder("b").minimumCalls(0).build());
        // "Opens when this percentage (0 < p ≤ 100)"
        assertThatIllegalArgumentException().isThrownBy(
                () -> CircuitBreaker.builder("b").failureRateThreshold(0).build());
        assertThatIllegalArgumentException().isThrownBy(
                () -> CircuitBreaker.builder("b").failureRateThreshold(100.5).build());
        assertThatIllegalArgumentException().isThrownBy(
                () -> CircuitBreaker.builder("b").failureRateThreshold(Double.NaN).build());
        assertThatIllegalArgumentException().isThrownBy(
                () -> CircuitBreaker.builder("b").slowCallRateThreshold(0, ms(10)).build());
        assertThatIllegalArgumentException().isThrownBy(() -> CircuitBreaker.builder("b").halfOpenCalls(0).build());
        assertThatIllegalArgumentException().isThrownBy(
                () -> CircuitBreaker.builder("b").waitInOpenState(ms(-1)).build());
        assertThatNullPointerException().isThrownBy(() -> CircuitBreaker.builder(null));
        assertThat(CircuitBreaker.builder("b").failureRateThreshold(100).build()).isNotNull();
    }

    @Test
    void aRateLimiterNeedsALimitAndNoNegativeBurstOrWait() {
        // RateLimiter.builder: "set at least `limit`"
        assertThatIllegalArgumentException().isThrownBy(() -> RateLimiter.builder("r").build());
        assertThatIllegalArgumentException().isThrownBy(
                () -> RateLimiter.builder("r").limit(0, Duration.ofSeconds(1)).build());
        assertThatIllegalArgumentException().isThrownBy(
                () -> RateLimiter.builder("r").limit(10, Duration.ofNanos(5)).build());
        assertThatIllegalArgumentException().isThrownBy(
                () -> RateLimiter.builder("r").limit(10, Duration.ofSeconds(1)).burst(-1).build());
        assertThatIllegalArgumentException().isThrownBy(
                () -> RateLimiter.builder("r").limit(10, Duration.ofSeconds(1)).maxWait(ms(-1)).build());
        assertThatNullPointerException().isThrownBy(() -> RateLimiter.builder(null));
        // burst: "default: `limit`", and 0 is the default
        assertThat(RateLimiter.builder("r").limit(10, Duration.ofSeconds(1)).burst(0).build().toString())
                .contains("burst 10");
    }

    @Test
    void aBulkheadABudgetAndAFaultRefuseWhatIsOutOfRange() {
        assertThatIllegalArgumentException().isThrownBy(() -> Bulkhead.of("b", 0));
        assertThatNullPointerException().isThrownBy(() -> Bulkhead.of(null, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> RetryBudget.builder("r").ratio(-0.1).build());
        assertThatIllegalArgumentException().isThrownBy(() -> RetryBudget.builder("r").ratio(Double.NaN).build());
        assertThatIllegalArgumentException().isThrownBy(() -> RetryBudget.builder("r").minPerSecond(-1).build());
        assertThatIllegalArgumentException().isThrownBy(
                () -> RetryBudget.builder("r").window(Duration.ZERO).build());
        // FaultInjection: "rate the share of attempts it hits, from 0 to 1"
        assertThatIllegalArgumentException().isThrownBy(() -> FaultInjection.failure(1.5, "IOException", "x"));
        assertThatIllegalArgumentException().isThrownBy(() -> FaultInjection.latency(-0.1, ms(5)));
        assertThatIllegalArgumentException().isThrownBy(() -> FaultInjection.latency(0.5, null));
        assertThatIllegalArgumentException().isThrownBy(() -> FaultInjection.latency(0.5, ms(-5)));
        assertThatNullPointerException().isThrownBy(() -> FaultInjection.failure(0.5, null, "x"));
        assertThatIllegalArgumentException().isThrownBy(() -> Fallback.value("x").on(Status.SUCCEEDED));
    }

    @Test
    void aFallbackReplacesOnlyItsStatusesAndOneThatThrowsGivesFailedSayingWhatItReplaced() {
        // Fallback: "by default FAILED, TIMED_OUT and REJECTED; a cancelled call stays cancelled"; "A function
        // that throws gives FAILED with its error (its result still says what it replaced)."
        assertThat(Fallback.value("x").on()).containsExactlyInAnyOrder(Status.FAILED, Status.TIMED_OUT,
                Status.REJECTED);
        try (var sim = new Sim()) {
            var failing = Task.call("f", ctx -> {
                throw new java.io.IOException("down");
            }, ms(100));
            var thrown = AsyncCallbacks.execute(sim.runtime, failing.withFallback(Fallback.of(r -> {
                throw new IllegalStateException("no cache");
            })));
            var timedOut = AsyncCallbacks.execute(sim.runtime, Task.call("t", ctx -> {
                ctx.sleep(ms(500));
                return "late";
            }, ms(100)).withFallback(Fallback.value("cached").on(Status.FAILED)));
            sim.run();
            AsyncCallbackResult r = thrown.join();
            assertThat(r.status()).isEqualTo(Status.FAILED);
            assertThat(r.errorType()).isEqualTo("IllegalStateException");
            assertThat(r.errorMessage()).isEqualTo("no cache");
            assertThat(r.replaced()).isNotNull();
            assertThat(r.replaced().errorType()).isEqualTo("IOException");
            assertThat(timedOut.join().status()).as("only FAILED is replaced").isEqualTo(Status.TIMED_OUT);
            assertThat(timedOut.join().fallbackUsed()).isFalse();
        }
    }
}
