package dev.asynclab.lab.metrics;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventSink;
import dev.asynclab.lab.scenario.ClockMode;
import dev.asynclab.lab.scenario.LimitSpec;
import dev.asynclab.lab.scenario.RunOptions;
import dev.asynclab.lab.scenario.Scenario;
import dev.asynclab.lab.scenario.ScenarioLoader;
import dev.asynclab.lab.scenario.ScenarioRunner;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/// `RunMetrics` reads events in place from the bus's ring (`readsEventViews`), with no `Event` built for it: for
/// every scenario in `scenarios/` on the simulated clock, the summary of the run's own metrics (fed views) is the
/// summary a `RunMetrics` fed the same run's `Event`s, one by one, gives.
class RunMetricsViewTest {

    private static final Path FOLDER = Path.of("..", "..", "scenarios");

    @TestFactory
    List<DynamicTest> metricsReadingViewsSumUpARunAsMetricsReadingEventsDo() throws IOException {
        assertThat(new RunMetrics(0).readsEventViews()).isTrue();
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : scenarioFiles()) {
            String name = file.getFileName().toString();
            if (name.contains("script")) {
                continue; // needs the script languages; the polyglot tests cover those runs
            }
            tests.add(DynamicTest.dynamicTest(name, () -> {
                Scenario s = ScenarioLoader.load(file);
                List<Event> events = new ArrayList<>();
                RunSummary live = ScenarioRunner.start(s, RunOptions.DEFAULTS.withClock(ClockMode.SIMULATED),
                        List.of((EventSink) events::add)).await();
                var replayed = new RunMetrics(poolSizeOf(s));
                events.forEach(replayed::onEvent);
                assertThat(events).isNotEmpty();
                assertThat(replayed.summary()).isEqualTo(live);
            }));
        }
        assertThat(tests).hasSizeGreaterThan(20);
        return tests;
    }

    /// The pool size the runner makes its own metrics with (no `--pool` asked for): an adaptive limit's initial
    /// size, else the pool's size, else 0.
    private static int poolSizeOf(Scenario s) {
        return s.pool().map(p -> p.limit().map(LimitSpec::initial).orElse(p.size())).orElse(0);
    }

    private static List<Path> scenarioFiles() throws IOException {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }
}
