package dev.asynclab.lab.limit;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import dev.asynclab.lab.metrics.RunSummary;
import dev.asynclab.lab.scenario.ClockMode;
import dev.asynclab.lab.scenario.LimitSpec;
import dev.asynclab.lab.scenario.PoolSweep;
import dev.asynclab.lab.scenario.RunOptions;
import dev.asynclab.lab.scenario.Scenario;
import dev.asynclab.lab.scenario.ScenarioException;
import dev.asynclab.lab.scenario.ScenarioLoader;
import dev.asynclab.lab.scenario.ScenarioRunner;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/// Adaptive limits in scenarios: the limit over time is the POOL_RESIZED events; a fixed size replaces it.
class AdaptivePoolScenarioTest {

    private static final Path AIMD = Path.of("..", "..", "scenarios", "19-aimd-burst.yaml");

    private static List<Event> run(Scenario s, RunOptions options) throws Exception {
        List<Event> events = new ArrayList<>();
        ScenarioRunner.start(s, options.withPaced(false), List.of(events::add)).await(Duration.ofMinutes(1));
        return events;
    }

    private static List<Integer> limits(List<Event> events) {
        return events.stream().filter(e -> e.type() == EventType.POOL_RESIZED).map(e -> Integer.parseInt(e.value()))
                .toList();
    }

    @Test
    void theLimitOverTimeIsInTheEventStreamAndTheSameSeedGivesTheSameLimits() throws Exception {
        Scenario s = ScenarioLoader.load(AIMD);
        List<Integer> a = limits(run(s, RunOptions.DEFAULTS.withClock(ClockMode.SIMULATED)));
        List<Integer> b = limits(run(s, RunOptions.DEFAULTS.withClock(ClockMode.SIMULATED)));
        assertThat(a).isNotEmpty().isEqualTo(b);
        // Climbing while busy, then the burst's timeouts halve it drop by drop, then it climbs back one by one.
        int bottom = a.indexOf(1);
        assertThat(bottom).isGreaterThan(4);
        for (int i = bottom - 3; i <= bottom; i++) {
            assertThat(a.get(i)).as("each drop halves the limit: %s", a).isEqualTo(Math.max(1, a.get(i - 1) / 2));
        }
        assertThat(a.get(bottom - 4)).isGreaterThanOrEqualTo(16);
        assertThat(a.subList(bottom, a.size())).isSorted();
    }

    @Test
    void aFixedPoolSizeReplacesTheLimitOnTheSameArrivals() throws Exception {
        Scenario s = ScenarioLoader.load(AIMD);
        var options = RunOptions.DEFAULTS.withClock(ClockMode.SIMULATED);
        List<Event> fixed = run(s, options.withPoolSize(4));
        assertThat(limits(fixed)).isEmpty();
        RunSummary adaptive = PoolSweep.runAdaptive(s, options, null).orElseThrow();
        assertThat(adaptive.minPool()).isEqualTo(1);
        assertThat(adaptive.maxPool()).isEqualTo(40);
        var sweep = PoolSweep.run(s, options, 2, 3, null, (size, summary) -> { });
        assertThat(sweep.rows()).allMatch(r -> r.summary().minPool() == r.summary().maxPool());
        // the same arrivals: as many first attempts submitted either way
        assertThat(sweep.rows().getFirst().summary().overall().count("SUBMITTED"))
                .isEqualTo(adaptive.overall().count("SUBMITTED"));
    }

    @Test
    void limitsRunOnTheRealClockToo() throws Exception {
        Scenario s = ScenarioLoader.load("real.yaml", """
                name: vegas on the real clock
                pool: { limit: { vegas: { initial: 2, max: 16 } } }
                callbacks:
                  - name: call
                    count: 300
                    arrival: { poisson: 400/s }
                    work: { sleep: 5ms }
                """);
        assertThat(s.pool().orElseThrow().limit()).containsInstanceOf(LimitSpec.Vegas.class);
        List<Event> events = run(s, RunOptions.DEFAULTS.withClock(ClockMode.REAL));
        assertThat(events.stream().filter(Event::isTerminal).count()).isEqualTo(300);
        assertThat(limits(events)).isNotEmpty().allMatch(n -> n >= 1 && n <= 16);
    }

    @Test
    void aBadLimitIsNamedAtItsLine() {
        assertThatThrownBy(() -> ScenarioLoader.load("bad.yaml", """
                name: bad
                pool: { limit: { aimd: { initial: 50, max: 10 } } }
                callbacks:
                  - name: c
                """)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("bad.yaml:2:").hasMessageContaining("min <= initial <= max");
        assertThatThrownBy(() -> ScenarioLoader.load("bad.yaml", """
                name: bad
                pool: { limit: { cubic: {} } }
                callbacks:
                  - name: c
                """)).isInstanceOf(ScenarioException.class).hasMessageContaining("bad.yaml:2:")
                .hasMessageContaining("unknown key 'cubic'");
        assertThatThrownBy(() -> ScenarioLoader.load("bad.yaml", """
                name: bad
                callbacks:
                  - name: c
                    work: { downstream: { sleep: 10ms } }
                """)).isInstanceOf(ScenarioException.class).hasMessageContaining("bad.yaml:4:")
                .hasMessageContaining("slots");
    }
}
