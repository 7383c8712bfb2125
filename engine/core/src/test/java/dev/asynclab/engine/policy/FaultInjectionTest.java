package dev.asynclab.engine.policy;

import dev.asynclab.engine.AsyncCallbacks;
import dev.asynclab.engine.FaultInjection;
import dev.asynclab.engine.Sim;
import dev.asynclab.engine.AsyncCallbackResult.Status;
import dev.asynclab.engine.Task;
import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static dev.asynclab.engine.Sim.ms;
import static dev.asynclab.engine.policy.Calls.at;
import static dev.asynclab.engine.policy.Calls.futures;
import static dev.asynclab.engine.policy.Calls.okAfter;
import static org.assertj.core.api.Assertions.assertThat;

class FaultInjectionTest {

    @Test
    void anInjectedFailureIsAnOrdinaryFailureOnTheRecord() {
        try (var sim = new Sim()) {
            var f = AsyncCallbacks.execute(sim.runtime, Task.call("call", okAfter(10), ms(50))
                    .withFaults(FaultInjection.failure(1.0, "IOException", "injected: connection reset")));
            sim.run();
            assertThat(f.join().status()).isEqualTo(Status.FAILED);
            assertThat(f.join().errorMessage()).isEqualTo("injected: connection reset");
            assertThat(sim.events(EventType.FAULT_INJECTED)).extracting(Event::value, Event::id)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(
                            "failure IOException: injected: connection reset", f.join().id()));
        }
    }

    @Test
    void injectedLatencyCountsAgainstTheTimeout() {
        try (var sim = new Sim()) {
            var f = AsyncCallbacks.execute(sim.runtime, Task.call("call", okAfter(10), ms(50))
                    .withFaults(FaultInjection.latency(1.0, ms(45))));
            var ok = AsyncCallbacks.execute(sim.runtime, Task.call("call", okAfter(10), ms(60))
                    .withFaults(FaultInjection.latency(1.0, ms(45))));
            sim.run();
            assertThat(f.join().status()).isEqualTo(Status.TIMED_OUT);
            assertThat(ok.join().status()).isEqualTo(Status.SUCCEEDED);
            assertThat(ok.join().executionTime()).isEqualTo(ms(55));
        }
    }

    @Test
    void anInjectedResultSkipsTheCallback() {
        try (var sim = new Sim()) {
            var calls = new AtomicInteger();
            var f = AsyncCallbacks.execute(sim.runtime, Task.call("call", ctx -> calls.incrementAndGet(), ms(50))
                    .withFaults(FaultInjection.result(1.0, "stale")));
            sim.run();
            assertThat(f.join().value()).isEqualTo("stale");
            assertThat(calls).hasValue(0);
        }
    }

    @Test
    void theRateIsDrawnDeterministicallyFromTheSeed() {
        int first = injected(7);
        assertThat(injected(7)).isEqualTo(first);
        assertThat(first).isBetween(400, 600); // 1000 draws at 0.5
    }

    private static int injected(long seed) {
        try (var sim = new Sim(seed)) {
            var fs = futures();
            for (int i = 0; i < 1000; i++) {
                at(sim, i, Task.call("call", okAfter(1), ms(50))
                        .withFaults(FaultInjection.failure(0.5, "IOException", null)), fs);
            }
            sim.run();
            return (int) fs.stream().filter(f -> f.join().status() == Status.FAILED).count();
        }
    }

    @Test
    void aFaultInTheFastMemberOfARaceHandsTheWinToTheSlowOne() {
        try (var sim = new Sim()) {
            var race = Task.race("fetch", ms(200),
                    Task.call("cache", okAfter(5), ms(100)).withFaults(FaultInjection.failure(1.0, "IOException",
                            "injected")),
                    Task.call("server", okAfter(80), ms(100)));
            var f = AsyncCallbacks.execute(sim.runtime, race);
            sim.run();
            assertThat(f.join().status()).isEqualTo(Status.SUCCEEDED);
            assertThat(f.join().executionTime()).isEqualTo(ms(80));
            assertThat(sim.events(EventType.FAULT_INJECTED)).extracting(Event::name).containsExactly("cache");
        }
    }
}
