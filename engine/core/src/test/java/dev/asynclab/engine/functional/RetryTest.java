package dev.asynclab.engine.functional;

import dev.asynclab.engine.AsyncCallback;
import dev.asynclab.engine.AsyncCallbacks;
import dev.asynclab.engine.CallbackFailure;
import dev.asynclab.engine.RetryPolicy;
import dev.asynclab.engine.Sim;
import dev.asynclab.engine.AsyncCallbackResult.Status;
import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.asynclab.engine.Sim.ms;
import static dev.asynclab.engine.Sim.nanos;
import static org.assertj.core.api.Assertions.assertThat;

class RetryTest {

    private static AsyncCallback failingFirst(int failures, AtomicInteger calls) {
        return ctx -> {
            calls.incrementAndGet();
            ctx.sleep(ms(10));
            if (ctx.attempt() <= failures) {
                throw new CallbackFailure("IOException", "attempt " + ctx.attempt() + " failed");
            }
            return "ok on " + ctx.attempt();
        };
    }

    @Test
    void succeedsOnTheNthAttempt() {
        try (var sim = new Sim()) {
            var calls = new AtomicInteger();
            var policy = RetryPolicy.builder().maxAttempts(5).delay(ms(50)).build();
            var f = AsyncCallbacks.executeWithRetry(sim.runtime, failingFirst(2, calls), "flaky", ms(100), policy);
            sim.run();
            assertThat(f.join().status()).isEqualTo(Status.SUCCEEDED);
            assertThat(f.join().attempt()).isEqualTo(3);
            assertThat(calls.get()).isEqualTo(3);
            var attempts = sim.events(EventType.STARTED);
            assertThat(attempts).extracting(Event::attempt).containsExactly(1, 2, 3);
            assertThat(attempts).extracting(Event::group).containsOnly(attempts.getFirst().group());
            assertThat(sim.events(EventType.RETRY_SCHEDULED)).hasSize(2);
            assertThat(sim.events(EventType.GROUP_FINISHED)).extracting(Event::value).containsExactly("SUCCEEDED");
        }
    }

    @Test
    void exhaustionGivesTheLastError() {
        try (var sim = new Sim()) {
            var calls = new AtomicInteger();
            var policy = RetryPolicy.builder().maxAttempts(3).delay(ms(5)).build();
            var f = AsyncCallbacks.executeWithRetry(sim.runtime, failingFirst(10, calls), "doomed", ms(100), policy);
            sim.run();
            assertThat(f.join().status()).isEqualTo(Status.FAILED);
            assertThat(f.join().errorMessage()).isEqualTo("attempt 3 failed");
            assertThat(calls.get()).isEqualTo(3); // attempts counts tries in all
        }
    }

    @Test
    void exponentialBackoffDelaysAreExactWithACap() {
        try (var sim = new Sim()) {
            var policy = RetryPolicy.builder().maxAttempts(5).delay(ms(100)).backoff(2.0, ms(300)).build();
            AsyncCallbacks.executeWithRetry(sim.runtime, failingFirst(10, new AtomicInteger()), "backoff", ms(100),
                    policy);
            sim.run();
            // each attempt runs 10 ms; delays 100, 200, 300 (capped from 400), 300 (capped from 800)
            assertThat(sim.events(EventType.STARTED)).extracting(Event::t)
                    .containsExactly(0L, nanos(110), nanos(320), nanos(630), nanos(940));
            assertThat(sim.events(EventType.RETRY_SCHEDULED)).extracting(Event::duration)
                    .containsExactly(nanos(100), nanos(200), nanos(300), nanos(300));
        }
    }

    @Test
    void jitterSpreadsDelaysWithinItsBoundsAndIsDeterministic() {
        long[] first = delays(7);
        long[] again = delays(7);
        assertThat(first).containsExactly(again);
        for (long d : first) {
            assertThat(d).isBetween(nanos(80), nanos(120));
        }
        assertThat(first).doesNotHaveDuplicates();
    }

    private long[] delays(long seed) {
        try (var sim = new Sim(seed)) {
            var policy = RetryPolicy.builder().maxAttempts(6).delay(ms(100)).jitter(0.2).build();
            AsyncCallbacks.executeWithRetry(sim.runtime, failingFirst(10, new AtomicInteger()), "jitter", ms(100),
                    policy);
            sim.run();
            return sim.events(EventType.RETRY_SCHEDULED).stream().mapToLong(Event::duration).toArray();
        }
    }

    @Test
    void retryOnPredicateStopsAtOtherErrors() {
        try (var sim = new Sim()) {
            var policy = RetryPolicy.builder().maxAttempts(5).delay(ms(1)).retryOn("IOException").build();
            var f = AsyncCallbacks.executeWithRetry(sim.runtime, ctx -> {
                throw new IllegalArgumentException("bad input");
            }, "picky", ms(100), policy);
            sim.run();
            assertThat(f.join().errorType()).isEqualTo("IllegalArgumentException");
            assertThat(sim.events(EventType.STARTED)).hasSize(1);
        }
    }

    @Test
    void timeoutsAreRetriedOnlyWhenAsked() {
        for (boolean retryTimeouts : new boolean[]{true, false}) {
            try (var sim = new Sim()) {
                var policy = RetryPolicy.builder().maxAttempts(3).delay(ms(1)).retryTimeouts(retryTimeouts).build();
                var f = AsyncCallbacks.executeWithRetry(sim.runtime, ctx -> {
                    ctx.sleep(ms(500));
                    return 1;
                }, "slow", ms(50), policy);
                sim.run();
                assertThat(f.join().status()).isEqualTo(Status.TIMED_OUT);
                assertThat(sim.events(EventType.TIMED_OUT)).hasSize(retryTimeouts ? 3 : 1);
            }
        }
    }

    @Test
    void overallDeadlineCutsTheLastAttemptShort() {
        try (var sim = new Sim()) {
            var policy = RetryPolicy.builder().maxAttempts(10).delay(ms(20)).deadline(ms(250)).build();
            var f = AsyncCallbacks.executeWithRetry(sim.runtime, ctx -> {
                ctx.sleep(ms(100));
                throw new CallbackFailure("IOException", "down");
            }, "deadline", ms(1000), policy);
            sim.run();
            // attempts at 0 and 120; the third starts at 240 with 10 ms left and times out at 250
            assertThat(sim.events(EventType.STARTED)).extracting(Event::t)
                    .containsExactly(0L, nanos(120), nanos(240));
            assertThat(f.join().status()).isEqualTo(Status.TIMED_OUT);
            assertThat(sim.events(EventType.TIMED_OUT).getFirst().t()).isEqualTo(nanos(250));
        }
    }

    @Test
    void cancellingBetweenAttemptsStopsTheRetries() {
        try (var sim = new Sim()) {
            var policy = RetryPolicy.builder().maxAttempts(5).delay(ms(100)).build();
            var f = AsyncCallbacks.executeWithRetry(sim.runtime, failingFirst(10, new AtomicInteger()), "stop",
                    ms(100), policy);
            sim.clock.advance(nanos(50)); // first attempt failed at 10 ms, retry due at 110 ms
            f.cancel(true);
            sim.run();
            assertThat(f.join().status()).isEqualTo(Status.CANCELLED);
            assertThat(sim.events(EventType.STARTED)).hasSize(1);
        }
    }

    @Test
    void cancellingDuringTheBackoffReportsTheAttemptThatRanAndItsId() {
        try (var sim = new Sim()) {
            var policy = RetryPolicy.builder().maxAttempts(5).delay(ms(100)).build();
            var f = AsyncCallbacks.executeWithRetry(sim.runtime, failingFirst(10, new AtomicInteger()), "stop",
                    ms(100), policy);
            sim.clock.advance(nanos(50)); // attempt 1 failed at 10 ms; attempt 2 is due at 110 ms
            f.cancel(true);
            var r = f.join();
            assertThat(r.status()).isEqualTo(Status.CANCELLED);
            assertThat(r.attempt()).isEqualTo(1);
            long firstId = sim.events(EventType.STARTED).getFirst().id();
            assertThat(r.id()).isEqualTo(firstId).isPositive();
            assertThat(r.errorMessage()).isEqualTo("cancelled between attempts");
        }
    }

    @Test
    void aPolicyRefusesNonsense() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> RetryPolicy.builder().maxAttempts(0).build());
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> RetryPolicy.builder().jitter(1.5).build());
        assertThat(RetryPolicy.ofDefaults().delayNanos(1, 0.5)).isEqualTo(Duration.ofMillis(100).toNanos());
    }
}
