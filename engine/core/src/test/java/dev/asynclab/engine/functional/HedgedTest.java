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

/// A hedged race: members start one after another, only while none has succeeded.
class HedgedTest {

    @Test
    void hedgedStartsTheNextOnlyWhenTheFirstIsSlow() {
        try (var sim = new Sim()) {
            var f = AsyncCallbacks.executeHedged(sim.runtime, List.of(
                    Task.call("primary", after(300, "primary"), ms(1000)),
                    Task.call("hedge-1", after(50, "hedge-1"), ms(1000)),
                    Task.call("hedge-2", after(10, "hedge-2"), ms(1000))), ms(100), Duration.ZERO);
            sim.run();
            assertThat(f.join().value()).isEqualTo("hedge-1");
            assertThat(sim.events(EventType.STARTED)).extracting(Event::name, Event::t)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("primary", 0L),
                            org.assertj.core.groups.Tuple.tuple("hedge-1", nanos(100)));
        }
    }

    @Test
    void hedgedStartsTheNextAtOnceWhenEveryStartedMemberFailed() {
        try (var sim = new Sim()) {
            var f = AsyncCallbacks.executeHedged(sim.runtime, List.of(
                    Task.call("primary", failAfter(20, "down"), ms(1000)),
                    Task.call("backup", after(10, "backup"), ms(1000))), ms(100), Duration.ZERO);
            sim.run();
            assertThat(f.join().value()).isEqualTo("backup");
            assertThat(sim.events(EventType.STARTED).get(1).t()).isEqualTo(nanos(20));
        }
    }

    @Test
    void hedgedFastPrimaryNeverStartsTheOthers() {
        try (var sim = new Sim()) {
            AsyncCallbacks.executeHedged(sim.runtime, List.of(
                    Task.call("primary", after(20, "p"), ms(1000)),
                    Task.call("backup", after(10, "b"), ms(1000))), ms(100), Duration.ZERO);
            sim.run();
            assertThat(sim.events(EventType.SUBMITTED)).extracting(Event::name).containsExactly("primary");
        }
    }
}
