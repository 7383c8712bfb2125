package dev.asynclab.lab.scenario;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import dev.asynclab.lab.metrics.RunSummary;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/// What every run's event log must satisfy.
final class RunInvariants {

    private RunInvariants() {
    }

    static void check(List<Event> events, RunSummary summary) {
        assertThat(events).isNotEmpty();
        assertThat(events.getFirst().type()).isEqualTo(EventType.RUN_STARTED);
        assertThat(events.getLast().type()).isEqualTo(EventType.RUN_FINISHED);
        Map<Long, Integer> terminals = new HashMap<>();
        long submitted = 0;
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            assertThat(e.seq()).isEqualTo(i);
            if (i > 0) {
                assertThat(e.t()).isGreaterThanOrEqualTo(events.get(i - 1).t());
            }
            if (e.type() == EventType.SUBMITTED) {
                submitted++;
            }
            if (e.isTerminal()) {
                terminals.merge(e.id(), 1, Integer::sum);
            }
        }
        assertThat(terminals).hasSize((int) submitted);
        assertThat(terminals.values()).containsOnly(1);
        // Little's law: time-averaged number in the system = arrival rate x mean time in the system
        if (summary.durationNanos() > 0 && submitted > 20) {
            assertThat(summary.meanInSystem()).isCloseTo(summary.littleLambdaW(),
                    org.assertj.core.data.Percentage.withPercentage(5));
        }
    }
}
