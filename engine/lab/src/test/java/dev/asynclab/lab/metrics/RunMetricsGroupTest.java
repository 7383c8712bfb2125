package dev.asynclab.lab.metrics;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/// A race's or parallel group's row in the summary carries the group's own figures (its outcome and how long the
/// caller waited for it), while the overall figures keep counting invocations only.
class RunMetricsGroupTest {

    private static final long MS = 1_000_000;

    @Test
    void raceRowCountsTheGroupsOutcomesAndDurations() {
        var metrics = new RunMetrics(4);
        long t = 0;
        for (long group = 1; group <= 3; group++) {
            race(group, t, 12 * MS * group, group == 3 ? "TIMED_OUT" : "SUCCEEDED").forEach(metrics::onEvent);
            t += 100 * MS;
        }

        RunSummary summary = metrics.summary();
        NameStats race = summary.byName().get("data-fetch");

        assertThat(race.count("SUCCEEDED")).isEqualTo(2);
        assertThat(race.count("TIMED_OUT")).isEqualTo(1);
        assertThat(race.count("GROUP_SUCCEEDED")).isEqualTo(2);
        assertThat(race.count("GROUP_FAILED")).isEqualTo(1);
        assertThat(race.latency().count()).isEqualTo(3);
        assertThat(race.latency().max()).isBetween(36 * MS - MS / 10, 36 * MS + MS / 10);
        // the overall row counts the three member invocations of each race, not the races
        assertThat(summary.overall().count("SUCCEEDED")).isEqualTo(3);
        assertThat(summary.overall().latency().count()).isEqualTo(3);
        assertThat(summary.observedCounts()).containsEntry("groups_succeeded", 2L).containsEntry("groups_failed", 1L);
    }

    @Test
    void retryGroupsAddNothingToTheirCallbacksRow() {
        var metrics = new RunMetrics(1);
        metrics.onEvent(at(0, Event.groupStarted(9, "fetch", "retry", 0)));
        metrics.onEvent(at(0, Event.of(EventType.SUBMITTED, 1, 1, 9, "fetch")));
        metrics.onEvent(at(0, Event.of(EventType.STARTED, 1, 1, 9, "fetch")));
        metrics.onEvent(at(5 * MS, Event.of(EventType.SUCCEEDED, 1, 1, 9, "fetch").withDuration(5 * MS)));
        metrics.onEvent(at(5 * MS, Event.of(EventType.GROUP_FINISHED, 0, 0, 9, "fetch").withDuration(5 * MS)
                .withValue("SUCCEEDED")));

        NameStats fetch = metrics.summary().byName().get("fetch");

        assertThat(fetch.count("SUCCEEDED")).isEqualTo(1);
        assertThat(fetch.latency().count()).isEqualTo(1);
    }

    /// One race started at `t0`: its group opens, one member (`cache`) succeeds, the group closes after `took`.
    private static List<Event> race(long group, long t0, long took, String outcome) {
        long id = group * 10;
        return List.of(
                at(t0, Event.groupStarted(group, "data-fetch", "race", 0)),
                at(t0, Event.of(EventType.SUBMITTED, id, 1, group, "cache")),
                at(t0, Event.of(EventType.STARTED, id, 1, group, "cache")),
                at(t0 + took, Event.of(EventType.SUCCEEDED, id, 1, group, "cache").withDuration(took)),
                at(t0 + took, Event.of(EventType.GROUP_FINISHED, 0, 0, group, "data-fetch").withDuration(took)
                        .withValue(outcome)));
    }

    private static Event at(long t, Event e) {
        return e.withSeqAndTime(0, t);
    }
}
