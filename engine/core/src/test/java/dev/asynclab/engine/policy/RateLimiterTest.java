package dev.asynclab.engine.policy;

import dev.asynclab.engine.RateLimiter;
import dev.asynclab.engine.Sim;
import dev.asynclab.engine.AsyncCallbackResult.Status;
import dev.asynclab.engine.Task;
import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.asynclab.engine.Sim.ms;
import static dev.asynclab.engine.policy.Calls.at;
import static dev.asynclab.engine.policy.Calls.futures;
import static dev.asynclab.engine.policy.Calls.okAfter;
import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {

    @Test
    void aBurstGoesAtOnceAndTheRestIsRefusedWithoutWaiting() {
        try (var sim = new Sim()) {
            var limiter = RateLimiter.builder("api").runtime(sim.runtime).limit(10, Duration.ofSeconds(1)).burst(2)
                    .build();
            var fs = futures();
            for (int i = 0; i < 5; i++) {
                at(sim, 0, Task.call("call", okAfter(5), ms(50)).withRateLimiter(limiter), fs);
            }
            at(sim, 100, Task.call("call", okAfter(5), ms(50)).withRateLimiter(limiter), fs); // a token is back
            sim.run();
            assertThat(fs).extracting(f -> f.join().status()).containsExactly(Status.SUCCEEDED, Status.SUCCEEDED,
                    Status.REJECTED, Status.REJECTED, Status.REJECTED, Status.SUCCEEDED);
            assertThat(sim.events(EventType.REJECTED)).extracting(Event::value).containsOnly("rate-limiter");
            assertThat(fs.get(2).join().errorMessage())
                    .isEqualTo("rate limiter 'api' (10 per 1000 ms, burst 2) has no permit within 0 ms");
            assertThat(sim.events(EventType.RATE_LIMITED)).extracting(Event::value)
                    .containsExactly("refused", "refused", "refused");
        }
    }

    @Test
    void callsWaitForTheirTokenOneIntervalApart() {
        try (var sim = new Sim()) {
            var limiter = RateLimiter.builder("api").runtime(sim.runtime).limit(10, Duration.ofSeconds(1)).burst(2)
                    .maxWait(ms(250)).build();
            var fs = futures();
            for (int i = 0; i < 6; i++) {
                at(sim, 0, Task.call("call", okAfter(5), ms(50)).withRateLimiter(limiter), fs);
            }
            sim.run();
            // two at once, then one every 100 ms up to the 250 ms a call may wait; the sixth would wait 400 ms
            assertThat(sim.events(EventType.STARTED)).extracting(e -> e.t() / 1_000_000)
                    .containsExactly(0L, 0L, 100L, 200L);
            assertThat(sim.events(EventType.RATE_LIMITED)).extracting(Event::value, Event::duration)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("waited", Sim.nanos(100)),
                            org.assertj.core.groups.Tuple.tuple("waited", Sim.nanos(200)),
                            org.assertj.core.groups.Tuple.tuple("refused", -1L),
                            org.assertj.core.groups.Tuple.tuple("refused", -1L));
            assertThat(fs).extracting(f -> f.join().status()).containsExactly(Status.SUCCEEDED, Status.SUCCEEDED,
                    Status.SUCCEEDED, Status.SUCCEEDED, Status.REJECTED, Status.REJECTED);
        }
    }

    @Test
    void aCallCancelledWhileWaitingForItsTokenNeverRunsAndOwesNoTerminalEvent() {
        try (var sim = new Sim()) {
            var limiter = RateLimiter.builder("api").runtime(sim.runtime).limit(10, Duration.ofSeconds(1)).burst(1)
                    .maxWait(Duration.ofSeconds(1)).build();
            var fs = futures();
            at(sim, 0, Task.call("first", okAfter(5), ms(50)).withRateLimiter(limiter), fs);
            at(sim, 0, Task.call("waiting", okAfter(5), ms(50)).withRateLimiter(limiter), fs);
            sim.clock.schedule(() -> fs.get(1).cancel(true), Sim.nanos(50));
            sim.run();
            assertThat(fs.get(1).join().status()).isEqualTo(Status.CANCELLED);
            assertThat(fs.get(1).join().errorMessage()).isEqualTo("cancelled while waiting for a rate-limit permit");
            assertThat(sim.events(EventType.SUBMITTED)).extracting(Event::name).containsExactly("first");
            assertThat(sim.terminalsPerId().values()).containsOnly(1L);
        }
    }

    @Test
    void onTheRealClockAWaitingCallStartsAfterItsTokenWithoutHoldingAThread() throws Exception {
        try (var clock = new dev.asynclab.engine.spi.RealScheduler(
                dev.asynclab.engine.spi.RealScheduler.ThreadMode.VIRTUAL)) {
            var runtime = dev.asynclab.engine.AsyncCallbackRuntime.builder().scheduler(clock).build();
            var limiter = RateLimiter.builder("api").runtime(runtime).limit(20, Duration.ofSeconds(1)).burst(1)
                    .maxWait(Duration.ofSeconds(5)).build();
            long before = System.nanoTime();
            var first = dev.asynclab.engine.AsyncCallbacks.execute(runtime,
                    Task.call("first", ctx -> System.nanoTime(), Duration.ofSeconds(5)).withRateLimiter(limiter));
            var second = dev.asynclab.engine.AsyncCallbacks.execute(runtime,
                    Task.call("second", ctx -> System.nanoTime(), Duration.ofSeconds(5)).withRateLimiter(limiter));
            var a = first.get(10, java.util.concurrent.TimeUnit.SECONDS);
            var b = second.get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(a.status()).isEqualTo(Status.SUCCEEDED);
            assertThat(b.status()).isEqualTo(Status.SUCCEEDED);
            // the second waited for its token, 50 ms after the first: a lower bound only, never a tight one
            assertThat((long) b.value() - before).isGreaterThanOrEqualTo(Sim.nanos(50) - Sim.nanos(1));
        }
    }
}
