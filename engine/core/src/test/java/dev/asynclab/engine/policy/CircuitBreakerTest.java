package dev.asynclab.engine.policy;

import dev.asynclab.engine.AsyncCallbacks;
import dev.asynclab.engine.CircuitBreaker;
import dev.asynclab.engine.RetryPolicy;
import dev.asynclab.engine.Sim;
import dev.asynclab.engine.AsyncCallbackResult.Status;
import dev.asynclab.engine.Task;
import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import dev.asynclab.engine.spi.RealScheduler;
import dev.asynclab.engine.spi.RealScheduler.ThreadMode;
import dev.asynclab.engine.AsyncCallbackRuntime;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;

import static dev.asynclab.engine.Sim.ms;
import static dev.asynclab.engine.policy.Calls.at;
import static dev.asynclab.engine.policy.Calls.failingAfter;
import static dev.asynclab.engine.policy.Calls.futures;
import static dev.asynclab.engine.policy.Calls.okAfter;
import static org.assertj.core.api.Assertions.assertThat;

class CircuitBreakerTest {

    private static final EnumSet<EventType> CIRCUIT = EnumSet.of(EventType.CIRCUIT_OPENED,
            EventType.CIRCUIT_HALF_OPENED, EventType.CIRCUIT_CLOSED);

    private static CircuitBreaker.Builder breaker(Sim sim) {
        return CircuitBreaker.builder("db").runtime(sim.runtime).countWindow(4).minimumCalls(4)
                .failureRateThreshold(50).waitInOpenState(ms(100)).halfOpenCalls(2);
    }

    private static java.util.List<String> transitions(Sim sim) {
        return sim.events(e -> CIRCUIT.contains(e.type())).stream().map(Calls::at).toList();
    }

    @Test
    void opensAtTheThresholdRefusesWhileOpenThenClosesAfterGoodProbes() {
        try (var sim = new Sim()) {
            var b = breaker(sim).build();
            var fs = futures();
            for (int i = 0; i < 4; i++) { // four failures, each ending 10 ms after its start
                at(sim, i * 20, Task.call("call", failingAfter(10), ms(50)).withCircuitBreaker(b), fs);
            }
            at(sim, 80, Task.call("call", okAfter(10), ms(50)).withCircuitBreaker(b), fs);   // refused: open
            at(sim, 175, Task.call("probe", okAfter(10), ms(50)).withCircuitBreaker(b), fs); // half-open
            at(sim, 176, Task.call("probe", okAfter(10), ms(50)).withCircuitBreaker(b), fs);
            at(sim, 177, Task.call("call", okAfter(10), ms(50)).withCircuitBreaker(b), fs);  // refused: probes taken
            sim.run();

            assertThat(transitions(sim)).containsExactly(
                    "CIRCUIT_OPENED@70", "CIRCUIT_HALF_OPENED@175", "CIRCUIT_CLOSED@186");
            assertThat(sim.events(EventType.CIRCUIT_OPENED).getFirst().value())
                    .isEqualTo("failure rate 100% >= 50% over the last 4 calls");
            assertThat(fs).extracting(f -> f.join().status()).containsExactly(Status.FAILED, Status.FAILED,
                    Status.FAILED, Status.FAILED, Status.REJECTED, Status.SUCCEEDED, Status.SUCCEEDED,
                    Status.REJECTED);
            var rejected = sim.events(EventType.REJECTED);
            assertThat(rejected).extracting(Event::value).containsOnly("circuit-breaker");
            assertThat(rejected).extracting(Event::errorMessage).containsExactly(
                    "circuit 'db' is open (for 90 ms more)", "circuit 'db' is half-open and its 2 probe calls are taken");
            assertThat(sim.events(EventType.STARTED)).hasSize(6); // refused calls never run
            assertThat(sim.terminalsPerId().values()).containsOnly(1L);
            assertThat(b.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        }
    }

    @Test
    void aFailedProbeOpensItAgainForAnotherWait() {
        try (var sim = new Sim()) {
            var b = breaker(sim).halfOpenCalls(1).build();
            var fs = futures();
            for (int i = 0; i < 4; i++) {
                at(sim, i * 20, Task.call("call", failingAfter(10), ms(50)).withCircuitBreaker(b), fs);
            }
            at(sim, 200, Task.call("probe", failingAfter(5), ms(50)).withCircuitBreaker(b), fs);
            at(sim, 250, Task.call("call", okAfter(5), ms(50)).withCircuitBreaker(b), fs);   // open again
            at(sim, 305, Task.call("probe", okAfter(5), ms(50)).withCircuitBreaker(b), fs);
            sim.run();
            assertThat(transitions(sim)).containsExactly("CIRCUIT_OPENED@70", "CIRCUIT_HALF_OPENED@200",
                    "CIRCUIT_OPENED@205", "CIRCUIT_HALF_OPENED@305", "CIRCUIT_CLOSED@310");
            assertThat(sim.events(EventType.CIRCUIT_OPENED).get(1).value())
                    .isEqualTo("failure rate 100% >= 50% among 1 probe calls");
            assertThat(fs.get(5).join().status()).isEqualTo(Status.REJECTED);
        }
    }

    @Test
    void staysClosedBelowTheMinimumNumberOfCalls() {
        try (var sim = new Sim()) {
            var b = breaker(sim).minimumCalls(5).countWindow(10).build();
            var fs = futures();
            for (int i = 0; i < 4; i++) {
                at(sim, i * 20, Task.call("call", failingAfter(10), ms(50)).withCircuitBreaker(b), fs);
            }
            sim.run();
            assertThat(transitions(sim)).isEmpty();
            assertThat(b.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        }
    }

    @Test
    void aCountWindowJudgesOnlyItsLastCalls() {
        try (var sim = new Sim()) {
            // window of 4, 50 %: S S S F F. Over all five calls 40 % failed; over the last four, 50 %.
            var b = breaker(sim).build();
            var fs = futures();
            long t = 0;
            for (var cb : java.util.List.of(okAfter(1), okAfter(1), okAfter(1), failingAfter(1), failingAfter(1))) {
                at(sim, t, Task.call("call", cb, ms(50)).withCircuitBreaker(b), fs);
                t += 10;
            }
            sim.run();
            assertThat(transitions(sim)).containsExactly("CIRCUIT_OPENED@41");
            assertThat(sim.events(EventType.CIRCUIT_OPENED).getFirst().value())
                    .isEqualTo("failure rate 50% >= 50% over the last 4 calls");
        }
    }

    @Test
    void aTimeWindowForgetsFailuresOlderThanTheWindow() {
        try (var sim = new Sim()) {
            var b = breaker(sim).timeWindow(ms(100)).minimumCalls(3).build();
            var fs = futures();
            at(sim, 0, Task.call("call", failingAfter(1), ms(50)).withCircuitBreaker(b), fs);
            at(sim, 10, Task.call("call", failingAfter(1), ms(50)).withCircuitBreaker(b), fs);
            // 200 ms later both have left the window: one failure among three calls is 33 %
            at(sim, 200, Task.call("call", okAfter(1), ms(50)).withCircuitBreaker(b), fs);
            at(sim, 210, Task.call("call", okAfter(1), ms(50)).withCircuitBreaker(b), fs);
            at(sim, 220, Task.call("call", failingAfter(1), ms(50)).withCircuitBreaker(b), fs);
            sim.run();
            assertThat(transitions(sim)).isEmpty();

            // the same calls close together open it
            var sim2 = new Sim();
            var b2 = breaker(sim2).timeWindow(ms(100)).minimumCalls(3).build();
            var fs2 = futures();
            at(sim2, 0, Task.call("call", failingAfter(1), ms(50)).withCircuitBreaker(b2), fs2);
            at(sim2, 10, Task.call("call", failingAfter(1), ms(50)).withCircuitBreaker(b2), fs2);
            at(sim2, 20, Task.call("call", okAfter(1), ms(50)).withCircuitBreaker(b2), fs2);
            sim2.run();
            assertThat(transitions(sim2)).containsExactly("CIRCUIT_OPENED@21");
            sim2.close();
        }
    }

    @Test
    void slowCallsOpenItEvenWhenTheySucceed() {
        try (var sim = new Sim()) {
            var b = breaker(sim).slowCallRateThreshold(75, ms(50)).build();
            var fs = futures();
            for (int i = 0; i < 4; i++) {
                at(sim, i * 100, Task.call("call", okAfter(60), ms(500)).withCircuitBreaker(b), fs);
            }
            sim.run();
            assertThat(transitions(sim)).containsExactly("CIRCUIT_OPENED@360");
            assertThat(sim.events(EventType.CIRCUIT_OPENED).getFirst().value())
                    .isEqualTo("slow-call rate 100% >= 75% (at least 50 ms) over the last 4 calls");
            assertThat(fs).extracting(f -> f.join().status()).containsOnly(Status.SUCCEEDED);
        }
    }

    @Test
    void timeoutsCountAsFailuresAndCancellationsAreNotRecorded() {
        try (var sim = new Sim()) {
            var b = breaker(sim).build();
            var fs = futures();
            for (int i = 0; i < 3; i++) {
                at(sim, i * 100, Task.call("slow", okAfter(80), ms(20)).withCircuitBreaker(b), fs); // times out
            }
            at(sim, 300, Task.call("cancelled", okAfter(80), ms(500)).withCircuitBreaker(b), fs);
            sim.clock.schedule(() -> fs.get(3).cancel(true), Sim.nanos(310));
            sim.clock.runUntil(Sim.nanos(399));
            assertThat(transitions(sim)).isEmpty(); // 3 recorded calls, below the minimum of 4
            at(sim, 1, Task.call("slow", okAfter(80), ms(20)).withCircuitBreaker(b), fs);
            sim.run();
            assertThat(transitions(sim)).containsExactly("CIRCUIT_OPENED@420");
            assertThat(fs.get(3).join().status()).isEqualTo(Status.CANCELLED);
        }
    }

    @Test
    void anOpenBreakerEndsARetryStormAtOnce() {
        try (var sim = new Sim()) {
            var b = breaker(sim).waitInOpenState(Duration.ofSeconds(10)).build();
            var retry = RetryPolicy.builder().maxAttempts(10).delay(ms(10)).build();
            var f = AsyncCallbacks.execute(sim.runtime,
                    Task.call("storm", failingAfter(5), ms(50)).withRetry(retry).withCircuitBreaker(b));
            sim.run();
            // attempts 1-4 fail and open the breaker; attempt 5 is refused and a refusal is never retried
            assertThat(f.join().status()).isEqualTo(Status.REJECTED);
            assertThat(f.join().attempt()).isEqualTo(5);
            assertThat(sim.events(EventType.STARTED)).hasSize(4);
            assertThat(sim.events(EventType.RETRY_SCHEDULED)).hasSize(4);
        }
    }

    @Test
    void worksOnTheRealClockToo() throws Exception {
        try (var clock = new RealScheduler(ThreadMode.VIRTUAL)) {
            var runtime = AsyncCallbackRuntime.builder().scheduler(clock).build();
            var b = CircuitBreaker.builder("real").runtime(runtime).countWindow(2).minimumCalls(2)
                    .waitInOpenState(Duration.ofMinutes(1)).build();
            for (int i = 0; i < 2; i++) {
                var r = AsyncCallbacks.execute(runtime, Task.call("fail", failingAfter(1), ms(5_000))
                        .withCircuitBreaker(b)).get(10, TimeUnit.SECONDS);
                assertThat(r.status()).isEqualTo(Status.FAILED);
            }
            assertThat(b.state()).isEqualTo(CircuitBreaker.State.OPEN);
            var refused = AsyncCallbacks.execute(runtime, Task.call("fail", failingAfter(1), ms(5_000))
                    .withCircuitBreaker(b)).get(10, TimeUnit.SECONDS);
            assertThat(refused.status()).isEqualTo(Status.REJECTED);
            assertThat(refused.errorMessage()).startsWith("circuit 'real' is open");
        }
    }
}
