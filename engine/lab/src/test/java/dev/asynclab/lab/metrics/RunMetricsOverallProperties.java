package dev.asynclab.lab.metrics;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/// The run's own figures are each name's figures merged, not a second recording: they must come out as if every
/// invocation, whatever its name, had been recorded in one place, and no race's own latency may leak into them.
class RunMetricsOverallProperties {

    /// One invocation: its name, when it was submitted, how long it waited and ran, and how it ended.
    record Call(String name, long submitted, long waited, long run, boolean failed) {
    }

    @Provide
    Arbitrary<List<Call>> calls() {
        return Combinators.combine(Arbitraries.of("a", "b", "c"), Arbitraries.longs().between(0, 1_000_000_000L),
                        Arbitraries.longs().between(0, 50_000_000L), Arbitraries.longs().between(1, 900_000_000L),
                        Arbitraries.integers().between(0, 9).map(n -> n == 0))
                .as(Call::new).list().ofMinSize(1).ofMaxSize(80);
    }

    @Property(tries = 200)
    void overallFiguresAreEveryInvocationRecordedInOnePlace(@ForAll("calls") List<Call> calls) {
        var metrics = new RunMetrics(4);
        var latency = new Histogram(3);
        var execution = new Histogram(3);
        var queueWait = new Histogram(3);
        Map<String, Long> failedByName = new HashMap<>();
        List<Event> events = new ArrayList<>();
        long id = 0;
        for (Call c : calls) {
            id++;
            long started = c.submitted() + c.waited();
            long ended = started + c.run();
            events.add(event(EventType.SUBMITTED, id, c.name(), c.submitted()));
            events.add(event(EventType.STARTED, id, c.name(), started));
            events.add(event(c.failed() ? EventType.FAILED : EventType.SUCCEEDED, id, c.name(), ended));
            latency.recordValue(ended - c.submitted());
            execution.recordValue(c.run());
            queueWait.recordValue(0); // never queued: a free worker is no wait
            if (c.failed()) {
                failedByName.merge(c.name(), 1L, Long::sum);
            }
        }
        // A race's own latency belongs to its name's figures only.
        events.add(Event.groupStarted(1_000, "a", "race", 0).withSeqAndTime(0, 0));
        events.add(Event.of(EventType.GROUP_FINISHED, 0, 0, 1_000, "a").withValue("SUCCEEDED")
                .withDuration(123_456_789).withSeqAndTime(0, 0));
        events.sort(java.util.Comparator.comparingLong(Event::t)); // the fold reads them in time order
        events.forEach(metrics::onEvent);

        NameStats overall = metrics.summary().overall();
        assertThat(overall.latency()).isEqualTo(LatencyStats.of(latency));
        assertThat(overall.execution()).isEqualTo(LatencyStats.of(execution));
        assertThat(overall.queueWait()).isEqualTo(LatencyStats.of(queueWait));
        assertThat(overall.count("SUBMITTED")).isEqualTo(calls.size());
        assertThat(overall.count("FAILED")).isEqualTo(failedByName.values().stream().mapToLong(Long::longValue).sum());
        assertThat(overall.count("SUCCEEDED")).as("the race's own outcome is not the run's")
                .isEqualTo(calls.size() - overall.count("FAILED"));
        long named = metrics.summary().byName().values().stream()
                .mapToLong(n -> n.latency().count()).sum();
        assertThat(named).as("each name's latency count, the race's included")
                .isEqualTo(calls.size() + 1);
    }

    private static Event event(EventType type, long id, String name, long t) {
        return Event.of(type, id, 1, 0, name).withSeqAndTime(0, t);
    }
}
