package dev.asynclab.engine.policy;

import dev.asynclab.engine.AsyncCallbackPool;
import dev.asynclab.engine.AsyncCallbacks;
import dev.asynclab.engine.Bulkhead;
import dev.asynclab.engine.Sim;
import dev.asynclab.engine.AsyncCallbackResult.Status;
import dev.asynclab.engine.Task;
import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import org.junit.jupiter.api.Test;

import static dev.asynclab.engine.Sim.ms;
import static dev.asynclab.engine.policy.Calls.at;
import static dev.asynclab.engine.policy.Calls.futures;
import static dev.asynclab.engine.policy.Calls.okAfter;
import static org.assertj.core.api.Assertions.assertThat;

class BulkheadTest {

    @Test
    void refusesCallsOverItsLimitAndFreesPlacesWhenCallsEnd() {
        try (var sim = new Sim()) {
            var db = Bulkhead.of("db", 2);
            var fs = futures();
            for (int i = 0; i < 3; i++) {
                at(sim, 0, Task.call("query", okAfter(50), ms(100)).withBulkhead(db), fs);
            }
            at(sim, 60, Task.call("query", okAfter(50), ms(100)).withBulkhead(db), fs);
            sim.run();
            assertThat(fs).extracting(f -> f.join().status()).containsExactly(Status.SUCCEEDED, Status.SUCCEEDED,
                    Status.REJECTED, Status.SUCCEEDED);
            assertThat(fs.get(2).join().errorMessage()).isEqualTo("bulkhead 'db' is full (2 calls in flight)");
            assertThat(sim.events(EventType.REJECTED)).extracting(Event::value).containsExactly("bulkhead");
            assertThat(db.inFlight()).isZero();
        }
    }

    @Test
    void inFrontOfAPoolItKeepsOneDependencyFromTakingEveryWorker() throws Exception {
        try (var sim = new Sim(); var pool = AsyncCallbackPool.builder(sim.runtime).size(4).queueCapacity(100).build()) {
            var slow = Bulkhead.of("slow-dependency", 1);
            var fs = futures();
            for (int i = 0; i < 4; i++) {
                fs.add(AsyncCallbacks.execute(pool, Task.call("slow", okAfter(100), ms(500)).withBulkhead(slow)));
            }
            fs.add(AsyncCallbacks.execute(pool, Task.call("fast", okAfter(5), ms(500))));
            pool.awaitAll(ms(1_000));
            assertThat(fs).extracting(f -> f.join().status()).containsExactly(Status.SUCCEEDED, Status.REJECTED,
                    Status.REJECTED, Status.REJECTED, Status.SUCCEEDED);
            // the fast call found a free worker at once
            assertThat(sim.events(e -> e.type() == EventType.STARTED && e.name().equals("fast")))
                    .extracting(Event::t).containsExactly(0L);
        }
    }
}
