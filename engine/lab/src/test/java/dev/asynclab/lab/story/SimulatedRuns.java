package dev.asynclab.lab.story;

import dev.asynclab.engine.event.Event;
import dev.asynclab.lab.scenario.ClockMode;
import dev.asynclab.lab.scenario.RunOptions;
import dev.asynclab.lab.scenario.Scenario;
import dev.asynclab.lab.scenario.ScenarioLoader;
import dev.asynclab.lab.scenario.ScenarioRunner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/// Runs a scenario written in a test on the simulated clock and indexes its events.
final class SimulatedRuns {

    private SimulatedRuns() {
    }

    static RunHistory run(String yaml) throws Exception {
        return run(ScenarioLoader.load("test.yaml", yaml));
    }

    static RunHistory run(Scenario scenario) throws Exception {
        List<Event> events = new ArrayList<>();
        ScenarioRunner.start(scenario, RunOptions.DEFAULTS.withClock(ClockMode.SIMULATED), List.of(events::add))
                .await(Duration.ofMinutes(1));
        return RunHistory.of(events);
    }
}
