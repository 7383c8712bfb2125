package dev.asynclab.lab.scenario;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/// `scenarios/09-parallel-timeout.yaml` on the simulated clock: the group timeout is what its members' TIMED_OUT
/// names, and the run ends right after its last invocation, not when a forgotten 30 s member timer would fire.
class ParallelTimeoutScenarioTest {

    @Test
    void theRunEndsRightAfterItsLastInvocationAndTimeoutsNameTheGroupLimit() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("..", "..", "scenarios", "09-parallel-timeout.yaml"));
        List<Event> events = new CopyOnWriteArrayList<>();
        ScenarioRunner.start(s, RunOptions.DEFAULTS.withClock(ClockMode.SIMULATED), List.of(events::add))
                .await(Duration.ofMinutes(2));
        List<Event> all = new ArrayList<>(events);
        Event finished = all.getLast();
        assertThat(finished.type()).isEqualTo(EventType.RUN_FINISHED);
        long lastInvocationEvent = all.stream().filter(e -> e.id() != 0).mapToLong(Event::t).max().orElseThrow();
        assertThat(finished.t()).as("RUN_FINISHED follows the last invocation at once")
                .isEqualTo(lastInvocationEvent);
        assertThat(finished.t()).isLessThan(Duration.ofSeconds(2).toNanos()); // 5 arrivals 300 ms apart
        assertThat(all).filteredOn(e -> e.type() == EventType.TIMED_OUT).isNotEmpty()
                .allSatisfy(e -> assertThat(e.errorMessage()).isEqualTo("group timeout 100 ms (parallel 'page-load')"));
    }
}
