package dev.asynclab.lab.scenario;

import dev.asynclab.engine.event.Event;
import dev.asynclab.lab.metrics.RunSummary;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/// Runs every scenario in `scenarios/` on the simulated clock and checks what its `expect:` block says, the
/// invariants every run must keep, and that its tour's steps all trigger and its questions' answers hold.
class ScenarioFolderTest {

    static final Path FOLDER = Path.of("..", "..", "scenarios");

    static List<Path> scenarios() throws IOException {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @TestFactory
    List<DynamicTest> everyScenarioMeetsItsExpectations() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : scenarios()) {
            tests.add(DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                Scenario s = ScenarioLoader.load(file);
                if (hasScripts(s)) {
                    return; // script scenarios are run by the polyglot tests, which have the languages
                }
                List<Event> events = new ArrayList<>();
                var run = ScenarioRunner.start(s, RunOptions.DEFAULTS.withClock(ClockMode.SIMULATED),
                        List.of(events::add));
                RunSummary summary = run.await(Duration.ofMinutes(2));
                assertThat(s.expect().counts()).as("every scenario says what to expect").isNotEmpty();
                assertThat(s.expect().check(summary.observedCounts())).as(file.getFileName().toString()).isEmpty();
                RunInvariants.check(events, summary);
                dev.asynclab.lab.story.TourChecks.check(s, events, summary);
            }));
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(14);
        return tests;
    }

    static boolean hasScripts(Scenario s) {
        return s.steps().stream().anyMatch(ScenarioFolderTest::hasScripts);
    }

    private static boolean hasScripts(Step step) {
        return switch (step) {
            case CallbackSpec c -> c.work() instanceof Work.Script;
            case GroupSpec g -> g.members().stream().anyMatch(ScenarioFolderTest::hasScripts);
        };
    }
}
