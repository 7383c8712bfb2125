package dev.asynclab.lab.scenario;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/// A `cancel: { after: … }` timer is called off when its invocation ends first: on the simulated clock the run then ends
/// with its last invocation, not when a forgotten cancel would have fired (here 60 s later).
class CancelAfterTimerTest {

    @Test
    void aCancelAfterTimerDoesNotOutliveItsInvocation() throws Exception {
        Scenario s = ScenarioLoader.load("cancel-after.yaml", """
                name: cancel after
                seed: 1
                callbacks:
                  - name: quick
                    count: 3
                    arrival: { every: 10ms }
                    work: { sleep: 5ms }
                    cancel: { after: 60s }
                  - name: slow
                    count: 1
                    work: { sleep: 500ms }
                    cancel: { after: 100ms }
                """);
        List<Event> events = new CopyOnWriteArrayList<>();
        ScenarioRunner.start(s, RunOptions.DEFAULTS.withClock(ClockMode.SIMULATED), List.of(events::add))
                .await(Duration.ofMinutes(1));
        List<Event> all = new ArrayList<>(events);
        Event finished = all.getLast();
        assertThat(finished.type()).isEqualTo(EventType.RUN_FINISHED);
        assertThat(all).filteredOn(e -> e.type() == EventType.SUCCEEDED).hasSize(3);
        assertThat(all).filteredOn(e -> e.type() == EventType.CANCELLED).extracting(Event::name)
                .containsExactly("slow"); // a cancel_after that comes first still cancels
        long lastInvocationEvent = all.stream().filter(e -> e.id() != 0).mapToLong(Event::t).max().orElseThrow();
        assertThat(finished.t()).as("RUN_FINISHED follows the last invocation at once").isEqualTo(lastInvocationEvent);
        assertThat(finished.t()).isLessThan(Duration.ofSeconds(1).toNanos());
    }
}
