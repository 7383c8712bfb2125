package dev.asynclab.lab.scenario;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import dev.asynclab.engine.event.EventSink;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/// `cpu` work whose length depends on the queue it finds as it starts (`when-queued`): read, written back by the
/// fit, and run by the engine with the pool's queue at the moment each call starts.
class QueueDependentWorkTest {

    private static Scenario load(String work) throws ScenarioException {
        return ScenarioLoader.load("q.yaml", """
                name: queue-dependent
                clock: simulated
                pool: { size: 1 }
                callbacks:
                  - name: job
                    count: 5
                    arrival: { burst: { size: 5, every: 1s } }
                    work: %s
                """.formatted(work));
    }

    @Test
    void readsTheTableByQueueLength() throws ScenarioException {
        Work.Cpu cpu = (Work.Cpu) ((CallbackSpec) load("{ cpu: 10ms, when-queued: { 3: 30ms, 1: 20ms } }")
                .steps().getFirst()).work();

        assertThat(cpu.duration()).isEqualTo(new Distribution.Fixed(Duration.ofMillis(10)));
        assertThat(cpu.whenQueued()).containsExactly(Map.entry(1, new Distribution.Fixed(Duration.ofMillis(20))),
                Map.entry(3, new Distribution.Fixed(Duration.ofMillis(30))));
        assertThat(cpu.at(0)).isEqualTo(cpu.duration());
        assertThat(cpu.at(2)).isEqualTo(new Distribution.Fixed(Duration.ofMillis(20)));
        assertThat(cpu.at(99)).isEqualTo(new Distribution.Fixed(Duration.ofMillis(30)));
    }

    @Test
    void eachCallRunsAsLongAsTheQueueItFoundSays() throws Exception {
        // Five at once on one worker. The first starts as it arrives, before the others do: nothing waits yet
        // (as in a recorded log, where it is submitted and started before the next is submitted). Then the
        // second finds 3 waiting, the third 2, the fourth 1, the last none.
        Scenario s = load("{ cpu: 10ms, when-queued: { 1: 20ms, 3: 40ms } }");
        List<Long> runs = new ArrayList<>();
        EventSink sink = e -> {
            if (e.type() == EventType.SUCCEEDED) {
                runs.add(e.duration() / 1_000_000); // one writer thread delivers every event, in order
            }
        };
        ScenarioRunner.start(s, RunOptions.DEFAULTS.withPaced(false), List.of(sink)).await(Duration.ofMinutes(1));

        assertThat(runs).containsExactly(10L, 40L, 20L, 20L, 10L);
    }

    @Test
    void withoutAPoolNothingWaitsAndTheQuietLengthIsDrawn() throws Exception {
        Scenario s = ScenarioLoader.load("q.yaml", """
                name: no pool
                clock: simulated
                callbacks:
                  - name: job
                    count: 3
                    arrival: { burst: { size: 3, every: 1s } }
                    work: { cpu: 10ms, when-queued: { 1: 50ms } }
                """);
        var summary = ScenarioRunner.start(s, RunOptions.DEFAULTS.withPaced(false), List.of())
                .await(Duration.ofMinutes(1));

        assertThat((double) summary.overall().execution().max()).isCloseTo(10e6,
                org.assertj.core.data.Percentage.withPercentage(1));
    }

    @Test
    void badTablesAreNamedWhereTheyAre() {
        assertThat(problem("{ sleep: 10ms, when-queued: { 1: 20ms } }"))
                .contains("q.yaml:8").contains("'when-queued' goes with cpu work only");
        assertThat(problem("{ cpu: 10ms, when-queued: { 0: 20ms } }"))
                .contains("expected a whole number from 1 to 1000000 for a queue length in 'when-queued'")
                .contains("found 0");
        assertThat(problem("{ cpu: 10ms, when-queued: 20ms }"))
                .contains("expected a mapping from queue length to duration such as { 3: 7ms }");
        assertThat(problem("{ cpu: 10ms, when-queued: { 2: fast } }")).contains("'when-queued'");
    }

    @Test
    void aTableMustHaveQueueLengthsOfAtLeastOne() {
        var table = new TreeMap<Integer, Distribution>(Map.of(0, new Distribution.Fixed(Duration.ofMillis(1))));
        assertThrows(IllegalArgumentException.class,
                () -> new Work.Cpu(new Distribution.Fixed(Duration.ofMillis(1)), table));
    }

    private static String problem(String work) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> load(work));
        return e.getMessage();
    }
}
