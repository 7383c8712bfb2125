package dev.asynclab.lab.scenario;

import dev.asynclab.lab.metrics.RunSummary;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/// The lints say which policy acted, by name when the scenario is at hand and by kind on a replay.
class PolicyLintsTest {

    private static final Path FOLDER = Path.of("..", "..", "scenarios");

    private static RunSummary run(Scenario s) throws Exception {
        return ScenarioRunner.start(s, RunOptions.DEFAULTS.withClock(ClockMode.SIMULATED), List.of())
                .await(Duration.ofMinutes(1));
    }

    @Test
    void aBreakerThatRefusedCallsIsNamed() throws Exception {
        Scenario s = ScenarioLoader.load(FOLDER.resolve("21-circuit-breaker.yaml"));
        RunSummary summary = run(s);
        var lint = Linter.check(s, summary).stream().filter(l -> l.code().equals("short-circuited")).findFirst()
                .orElseThrow();
        assertThat(lint.subject()).isEqualTo("inventory");
        assertThat(lint.message()).startsWith("100 attempts were refused at once by circuit breaker 'inventory-db'");
        assertThat(lint.ids()).isNotEmpty();
        // a replayed log has no declarations: the kind is named instead
        assertThat(Linter.check(null, summary)).anySatisfy(l ->
                assertThat(l.message()).contains("refused at once by a circuit breaker while it was open"));
    }

    @Test
    void eachPolicyThatActedHasItsLint() throws Exception {
        assertThat(codes("23-retry-budget.yaml")).contains("retry-budget-spent");
        assertThat(codes("24-rate-limiter.yaml")).contains("rate-limited");
        assertThat(codes("25-fallback.yaml")).contains("fallback-hides-failures", "short-circuited");
        assertThat(codes("26-fault-injection-race.yaml")).contains("faults-injected");
        assertThat(codes("22-retry-storm-without-breaker.yaml")).doesNotContain("short-circuited",
                "fallback-hides-failures");
        var budget = ScenarioLoader.load(FOLDER.resolve("23-retry-budget.yaml"));
        assertThat(Linter.check(budget, run(budget))).anySatisfy(l -> assertThat(l.message())
                .contains("because retry budget 'backend' was spent"));
    }

    private static List<String> codes(String file) throws Exception {
        Scenario s = ScenarioLoader.load(FOLDER.resolve(file));
        return Linter.check(s, run(s)).stream().map(Lint::code).toList();
    }
}
