package dev.asynclab.engine.functional;

import dev.asynclab.engine.AsyncCallback;
import dev.asynclab.engine.AsyncCallbackPool;
import dev.asynclab.engine.AsyncCallbacks;
import dev.asynclab.engine.CallbackFailure;
import dev.asynclab.engine.Sim;
import dev.asynclab.engine.AsyncCallbackResult.Status;
import dev.asynclab.engine.Task;
import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.asynclab.engine.Sim.ms;
import static dev.asynclab.engine.functional.TestCallbacks.after;
import static dev.asynclab.engine.functional.TestCallbacks.failAfter;
import static dev.asynclab.engine.Sim.nanos;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/// Groups nest to any depth, in a pool as on the runtime.
class NestedGroupsTest {

    @Test
    void nestedGroupsRunInAPool() {
        try (var sim = new Sim(); var pool = AsyncCallbackPool.builder(sim.runtime).size(2).build()) {
            Task tree = Task.race("outer", Duration.ZERO,
                    Task.parallel("both", Duration.ZERO,
                            Task.call("p1", after(40, 1), ms(1000)),
                            Task.call("p2", after(40, 2), ms(1000))),
                    Task.call("single", after(100, "single"), ms(1000)));
            var f = AsyncCallbacks.execute(pool, tree);
            sim.run();
            assertThat(f.join().status()).isEqualTo(Status.SUCCEEDED);
            // pool of 2: p1 and p2 run, single waits; parallel wins at 40 ms, single is cancelled in the queue
            assertThat(f.join().value()).isEqualTo(List.of(1, 2));
            assertThat(sim.events(EventType.CANCELLED)).extracting(Event::name).containsExactly("single");
            assertThat(sim.events(EventType.GROUP_STARTED)).extracting(Event::kind, Event::parentGroup)
                    .containsExactly(tuple("race", 0L), tuple("parallel", 1L));
        }
    }
}
