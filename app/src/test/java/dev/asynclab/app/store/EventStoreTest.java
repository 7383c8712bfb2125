package dev.asynclab.app.store;

import dev.asynclab.app.SyntheticRun;
import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventStoreTest {

    private static Event at(long seq, long t, EventType type, long id, String worker) {
        return Event.of(type, id, 1, 0, "fetch").withWorker(worker).withSeqAndTime(seq, t);
    }

    @Test
    void indexesAnInvocationFromSubmitToItsTerminalEvent() {
        EventStore store = new EventStore();
        store.appendAll(List.of(
                at(0, 0, EventType.SUBMITTED, 7, null),
                at(1, 5, EventType.QUEUED, 7, null),
                at(2, 20, EventType.STARTED, 7, "w1"),
                Event.of(EventType.FAILED, 7, 1, 0, "fetch").withWorker("w1").withError("IOException", "reset")
                        .withSeqAndTime(3, 50)));

        int slot = store.invocationSlot(7);
        InvocationTable inv = store.invocations();
        assertThat(inv.outcome(slot)).isEqualTo(Outcome.FAILED);
        assertThat(inv.queuedAt(slot)).isEqualTo(5);
        assertThat(inv.startedAt(slot)).isEqualTo(20);
        assertThat(inv.latency(slot)).isEqualTo(50);
        assertThat(store.errorMessage(inv.terminalEvent(slot))).isEqualTo("reset");
        assertThat(store.eventsOf(slot)).containsExactly(0, 1, 2, 3);
        assertThat(store.laneNames()).containsExactly("w1");
        assertThat(store.lane(0).size()).isEqualTo(1);
        assertThat(store.lane(0).end(0)).isEqualTo(50);
        assertThat(store.queuedSeries().valueAt(10)).isEqualTo(1);
        assertThat(store.queuedSeries().valueAt(20)).isZero();
        assertThat(store.activeSeries().current()).isZero();
    }

    @Test
    void thePoolSizeOverTimeFollowsTheRunStartAndEveryResize() {
        EventStore store = new EventStore();
        store.appendAll(List.of(
                Event.runStarted("aimd", "simulated", 1, 10).withSeqAndTime(0, 0),
                Event.of(EventType.POOL_RESIZED, 0, 0, 0, "pool").withValue("11").withSeqAndTime(1, 100),
                Event.of(EventType.POOL_RESIZED, 0, 0, 0, "pool").withValue("5").withSeqAndTime(2, 200)));

        assertThat(store.poolSizeSeries().valueAt(50)).isEqualTo(10);
        assertThat(store.poolSizeSeries().valueAt(150)).isEqualTo(11);
        assertThat(store.poolSizeSeries().valueAt(250)).isEqualTo(5);
        assertThat(new EventStore().poolSizeSeries().size()).isZero();
    }

    @Test
    void findsTheIntervalsOverlappingATimeWindow() {
        EventStore store = new EventStore();
        long seq = 0;
        for (long id = 1; id <= 100; id++) {
            store.append(at(seq++, id * 10, EventType.STARTED, id, "w0"));
            store.append(at(seq++, id * 10 + 5, EventType.SUCCEEDED, id, "w0"));
        }
        LaneIntervals lane = store.lane(0);
        int from = lane.firstEndingAtOrAfter(503);
        int to = lane.endStartingAtOrBefore(521);
        assertThat(lane.start(from)).isEqualTo(500);
        assertThat(to - from).isEqualTo(3); // 500..505, 510..515, 520..525
    }

    @Test
    void aLongRunningIntervalStaysVisibleAfterShorterOnesEnd() {
        EventStore store = new EventStore();
        store.append(at(0, 0, EventType.STARTED, 1, "w0"));
        store.append(at(1, 10, EventType.STARTED, 2, "w0"));
        store.append(at(2, 20, EventType.SUCCEEDED, 2, "w0"));
        LaneIntervals lane = store.lane(0);
        assertThat(lane.firstEndingAtOrAfter(1_000)).isZero(); // interval 1 is still open
        store.append(at(3, 30, EventType.SUCCEEDED, 1, "w0"));
        assertThat(lane.firstEndingAtOrAfter(1_000)).isEqualTo(2);
        assertThat(lane.firstEndingAtOrAfter(25)).isZero();
    }

    @Test
    void linksTheAttemptsOfARetriedCall() {
        EventStore store = new EventStore();
        store.append(Event.of(EventType.SUBMITTED, 1, 1, 9, "fetch").withSeqAndTime(0, 0));
        store.append(Event.of(EventType.SUBMITTED, 2, 1, 9, "other").withSeqAndTime(1, 1));
        store.append(Event.of(EventType.SUBMITTED, 3, 2, 9, "fetch").withSeqAndTime(2, 2));
        store.append(Event.of(EventType.SUBMITTED, 4, 3, 9, "fetch").withSeqAndTime(3, 3));

        assertThat(store.attemptsOf(store.invocationSlot(3)))
                .containsExactly(store.invocationSlot(1), store.invocationSlot(3), store.invocationSlot(4));
        assertThat(store.attemptsOf(store.invocationSlot(2))).containsExactly(store.invocationSlot(2));
    }

    @Test
    void recordsLateFinishesAndGroups() {
        EventStore store = new EventStore();
        store.append(Event.of(EventType.GROUP_STARTED, 0, 0, 5, "race").withSeqAndTime(0, 0));
        store.append(at(1, 1, EventType.STARTED, 1, "w0"));
        store.append(at(2, 100, EventType.TIMED_OUT, 1, "w0"));
        store.append(at(3, 180, EventType.LATE_FINISH, 1, "w0").withDuration(80));
        store.append(Event.of(EventType.GROUP_FINISHED, 0, 0, 5, "race").withSeqAndTime(4, 200));

        int slot = store.invocationSlot(1);
        assertThat(store.invocations().lateEndAt(slot)).isEqualTo(180);
        assertThat(store.lateCount()).isEqualTo(1);
        assertThat(store.lane(0).longestLateTail()).isEqualTo(80);
        assertThat(store.groups().size()).isEqualTo(1);
        assertThat(store.groupName(0)).isEqualTo("race");
        assertThat(store.groups().end(0)).isEqualTo(200);
        assertThat(store.markerCount()).isEqualTo(1); // the timeout
    }

    @Test
    void holdsManyEventsAndAgreesWithTheirCount() {
        List<Event> events = new SyntheticRun(8, 20_000, 120_000, 1).events(300_000);
        EventStore store = new EventStore();
        for (int from = 0; from < events.size(); from += 4096) {
            store.appendAll(events.subList(from, Math.min(events.size(), from + 4096)));
        }
        assertThat(store.size()).isEqualTo(events.size());
        long terminal = events.stream().filter(Event::isTerminal).count();
        assertThat(store.endedCount()).isEqualTo((int) terminal);
        assertThat(store.count(EventType.SUBMITTED)).isEqualTo(store.invocations().size());
        int probe = events.size() / 2;
        assertThat(store.event(probe)).isEqualTo(events.get(probe));
        assertThat(store.firstAtOrAfter(events.get(probe).t())).isLessThanOrEqualTo(probe);
    }

    @Test
    void startEventsGiveBackTheirTypedFields() {
        EventStore store = new EventStore();
        Event run = Event.runStarted("r", "simulated", 42, 4).withSeqAndTime(0, 0);
        Event group = Event.groupStarted(5, "fetch", "race", 2).withSeqAndTime(1, 0);
        Event plain = at(2, 1, EventType.SUBMITTED, 1, null);
        store.appendAll(List.of(run, group, plain));

        assertThat(store.event(0)).isEqualTo(run);
        assertThat(store.event(1)).isEqualTo(group);
        assertThat(store.event(2)).isEqualTo(plain);
    }

    @Test
    void latencyAndQueueingAgreeWithTheLabsMetricsOverARun() {
        List<Event> events = new SyntheticRun(4, 2_000, 10_000, 3).events(30_000);
        EventStore store = new EventStore();
        store.appendAll(events);
        var metrics = new dev.asynclab.lab.metrics.RunMetrics(4);
        events.forEach(metrics::onEvent);

        var latency = new org.HdrHistogram.Histogram(3);
        for (int k = 0; k < store.endedCount(); k++) {
            latency.recordValue(Math.max(0, store.invocations().latency(store.endedSlot(k))));
        }
        var summary = metrics.summary();
        assertThat(latency.getTotalCount()).isEqualTo(summary.overall().latency().count());
        assertThat(latency.getValueAtPercentile(99)).isEqualTo(summary.overall().latency().p99());
        assertThat(latency.getMaxValue()).isEqualTo(summary.overall().latency().max());
        assertThat(store.queuedSeries().current()).isEqualTo(metrics.queued());
        assertThat(store.activeSeries().current()).isEqualTo(metrics.active());
    }
}
