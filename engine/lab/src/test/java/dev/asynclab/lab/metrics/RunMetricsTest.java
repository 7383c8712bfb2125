package dev.asynclab.lab.metrics;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/// What `RunMetrics` makes of a run's events: the typed start fields (pool size, group kind), and latency, queue
/// wait and execution time from the one lifecycle fold.
class RunMetricsTest {

    private static Event at(EventType type, long id, long t) {
        return Event.of(type, id, 1, 0, "call").withSeqAndTime(t, t);
    }

    @Test
    void latencyQueueWaitAndExecutionComeFromTheLifecycle() {
        var metrics = new RunMetrics(1);
        metrics.onEvent(at(EventType.SUBMITTED, 1, 0));
        metrics.onEvent(at(EventType.QUEUED, 1, 0));
        metrics.onEvent(at(EventType.STARTED, 1, 30));
        metrics.onEvent(at(EventType.SUCCEEDED, 1, 100));
        metrics.onEvent(at(EventType.SUBMITTED, 2, 100));
        metrics.onEvent(at(EventType.QUEUED, 2, 100));
        metrics.onEvent(at(EventType.CANCELLED, 2, 110)); // cancelled while waiting: never ran

        NameStats call = metrics.summary().byName().get("call");
        assertThat(call.latency().count()).isEqualTo(2);
        assertThat(call.latency().max()).isEqualTo(100);
        assertThat(call.queueWait().count()).as("only what started waited and then ran").isEqualTo(1);
        assertThat(call.queueWait().max()).isEqualTo(30);
        assertThat(call.execution().max()).isEqualTo(70);
        assertThat(metrics.queued()).isZero();
        assertThat(metrics.active()).isZero();
    }

    @Test
    void thePoolSizeComesFromTheTypedRunStart() {
        var metrics = new RunMetrics(0);
        metrics.onEvent(Event.runStarted("r", "simulated", 1, 2).withSeqAndTime(0, 0));
        metrics.onEvent(at(EventType.SUBMITTED, 1, 0));
        metrics.onEvent(at(EventType.STARTED, 1, 0));
        metrics.onEvent(at(EventType.SUCCEEDED, 1, 100));

        assertThat(metrics.summary().utilization()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void aRaceWhoseMembersAllFailedIsAnExampleOfItsKind() {
        var metrics = new RunMetrics(0);
        metrics.onEvent(Event.groupStarted(7, "fetch", "race", 0).withSeqAndTime(0, 0));
        metrics.onEvent(Event.groupStarted(8, "fetch", "retry", 7).withSeqAndTime(1, 0));
        metrics.onEvent(Event.of(EventType.GROUP_FINISHED, 0, 0, 8, "fetch").withValue("FAILED").withSeqAndTime(2, 5));
        metrics.onEvent(Event.of(EventType.GROUP_FINISHED, 0, 0, 7, "fetch").withValue("FAILED").withSeqAndTime(3, 5));

        RunSummary summary = metrics.summary();
        assertThat(summary.examples("RACE_FAILED", "fetch")).containsExactly(7L);
        assertThat(summary.byName().get("fetch").count("GROUP_FAILED")).as("the retry group is not counted")
                .isEqualTo(1);
    }

    @Test
    void aResizeWhoseValueIsNoSizeKeepsThePoolSize() {
        var metrics = new RunMetrics(4);
        metrics.onEvent(Event.of(EventType.POOL_RESIZED, 0, 0, 0, "pool").withValue("4->8").withSeqAndTime(0, 0));
        metrics.onEvent(at(EventType.SUBMITTED, 1, 0));
        metrics.onEvent(at(EventType.STARTED, 1, 0));
        metrics.onEvent(at(EventType.SUCCEEDED, 1, 100));

        assertThat(metrics.summary().utilization()).isCloseTo(0.25, within(1e-9));
    }
}
