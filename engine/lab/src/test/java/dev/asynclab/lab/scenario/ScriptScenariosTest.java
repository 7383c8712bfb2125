package dev.asynclab.lab.scenario;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import dev.asynclab.lab.metrics.RunSummary;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/// The scenarios whose work is a script (`work: { js: ... }`, `work: { python: ... }`) run through
/// [ScenarioScripts] and meet their `expect:` blocks; their `log(...)` lines reach the event stream; their tours'
/// steps all trigger and their questions' answers hold.
class ScriptScenariosTest {

    @ParameterizedTest
    @ValueSource(strings = {"17-script-js.yaml", "18-script-python.yaml"})
    void scriptScenariosMeetTheirExpectations(String file) throws Exception {
        Scenario scenario = ScenarioLoader.load(Path.of("..", "..", "scenarios", file));
        List<Event> events = new ArrayList<>();
        var run = ScenarioRunner.start(scenario, RunOptions.DEFAULTS.withClock(ClockMode.SIMULATED),
                List.of(events::add), ScenarioScripts.shared());
        RunSummary summary = run.await(Duration.ofMinutes(2));
        assertThat(scenario.expect().check(summary.observedCounts())).as(file).isEmpty();
        assertThat(events).anyMatch(e -> e.type() == EventType.LOG);
        dev.asynclab.lab.story.TourChecks.check(scenario, events, summary);
    }

    /// The simulated clock's promise holds with scripts: the same run every time. The first run compiles the
    /// scripts and the second does not, which took different wall time, and that time used to be charged to the
    /// simulated clock: the runs differed in their times, then in the order calls got their ids, and so in what
    /// each call's `random()` drew (once in a loaded test run, no lookup's second attempt succeeded and the tour's
    /// step waiting for one never came).
    @ParameterizedTest
    @ValueSource(strings = {"17-script-js.yaml", "18-script-python.yaml"})
    void aSimulatedRunWithScriptsIsTheSameEveryTime(String file) throws Exception {
        Scenario scenario = ScenarioLoader.load(Path.of("..", "..", "scenarios", file));
        List<Event> first = simulatedRun(scenario);
        List<Event> second = simulatedRun(scenario);
        assertThat(second).as(file).hasSameSizeAs(first);
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i)).as(file + " event " + i).isEqualTo(first.get(i));
        }
    }

    private static List<Event> simulatedRun(Scenario scenario) throws Exception {
        List<Event> events = new ArrayList<>();
        ScenarioRunner.start(scenario, RunOptions.DEFAULTS.withClock(ClockMode.SIMULATED), List.of(events::add),
                ScenarioScripts.shared()).await(Duration.ofMinutes(2));
        return events;
    }
}
