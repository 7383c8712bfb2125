package dev.asynclab.lab.export;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import dev.asynclab.lab.audit.AuditHeader;
import dev.asynclab.lab.audit.AuditTestLogs;
import dev.asynclab.lab.export.PerfettoTraceModel.Sample;
import dev.asynclab.lab.export.PerfettoTraceModel.Slice;
import dev.asynclab.lab.scenario.ClockMode;
import dev.asynclab.lab.scenario.RunOptions;
import dev.asynclab.lab.scenario.Scenario;
import dev.asynclab.lab.scenario.ScenarioLoader;
import dev.asynclab.lab.scenario.ScenarioRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/// The Perfetto export read back with the classes generated from Perfetto's own message definitions: tracks,
/// slices, flows and counters checked against the log they came from.
class PerfettoExporterTest {

    private static final long MS = 1_000_000;

    @TempDir
    Path dir;

    @Test
    void tracksAreTheRunsProcessItsWorkersTheirGhostsTheQueueTheGroupsAndTheCounters() throws IOException {
        // one track each here: no two slices of a row overlap in this log
        var trace = export(AuditTestLogs.header(), AuditTestLogs.run());

        assertThat(trace.problems).isEmpty();
        assertThat(trace.children("Pool saturation")).containsExactlyInAnyOrder("active", "queued", "w0", "w1",
                "w2", "w1 late", "queue", "groups");
        assertThat(trace.tracks.values().stream().filter(d -> d.hasCounter()).map(d -> d.getName()))
                .containsExactlyInAnyOrder("active", "queued");
    }

    @Test
    void eachAttemptIsASliceOnItsWorkerAndEachGhostOnTheWorkersLateTrack() throws IOException {
        var trace = export(AuditTestLogs.header(), AuditTestLogs.run());

        assertThat(trace.slices).extracting(s -> s.label() + " " + s.category() + " " + s.start() + ".." + s.end())
                .containsExactly(
                        "fetch-user@w0 SUCCEEDED 2000..50002000",
                        "queued save-order@queue queue 60000000..70000000",
                        "save-order@w1 FAILED 70000000..80000000",
                        "save-order@w1 TIMED_OUT 180000100..280000100",
                        "late save-order@w1 late LATE_FINISH 280000100..305000100",
                        "race data-fetch@groups group 310000000..315000000",
                        "cache@w2 SUCCEEDED 310000000..315000000");
        Slice failed = trace.slicesOn("w1").getFirst();
        assertThat(failed.args()).containsEntry("id", 2L).containsEntry("attempt", 1L).containsEntry("group", 7L)
                .containsEntry("outcome", "FAILED").containsEntry("errorType", "IOException")
                .containsEntry("errorMessage", "connection reset:\n\t\"peer\" said \\no\\ — ünïcödé ✓ 😀");
        assertThat(trace.instants).extracting(s -> s.category() + "@" + s.track()).containsExactly(
                "RETRY_SCHEDULED@queue", "TIMED_OUT@w1", "CANCELLED@queue", "REJECTED@queue", "LOG@w2");
    }

    @Test
    void flowsLinkARetryToTheAttemptBeforeItAndARaceToItsMember() throws IOException {
        var trace = export(AuditTestLogs.header(), AuditTestLogs.run());

        assertThat(trace.flows).extracting(f -> f.from().label() + " -> " + f.to().label()
                        + " (" + f.to().args().get("attempt") + ")")
                .containsExactly("save-order@w1 -> save-order@w1 (2)", "race data-fetch@groups -> cache@w2 (1)");
    }

    @Test
    void countersFollowTheAttemptsActiveAndQueued() throws IOException {
        var trace = export(AuditTestLogs.header(), AuditTestLogs.run());

        assertThat(trace.counters.get("active")).containsExactly(new Sample(2_000, 1), new Sample(50_002_000, 0),
                new Sample(70 * MS, 1), new Sample(80 * MS, 0), new Sample(180_000_100, 1),
                new Sample(280_000_100, 0), new Sample(310 * MS, 1), new Sample(315 * MS, 0));
        assertThat(trace.counters.get("queued")).containsExactly(new Sample(60_000_001, 1), new Sample(70 * MS, 0));
    }

    @Test
    void overlappingWaitsGoOnSeveralTracksNamedQueueThatPerfettoShowsAsOne() throws Exception {
        List<Event> events = run("10-pool-saturation");
        var trace = export(AuditTestLogs.header(), events);

        long queueTracks = trace.tracks.values().stream().filter(d -> d.getName().equals("queue")).count();
        long queued = events.stream().filter(e -> e.type() == EventType.QUEUED).count();
        assertThat(queueTracks).isGreaterThan(1);
        assertThat(trace.slicesOn("queue")).hasSize((int) queued);
        assertThat(trace.problems).isEmpty();
    }

    /// Real runs of the scenarios that retry, race, run in parallel, hedge, overrun and saturate the pool.
    @ParameterizedTest
    @ValueSource(strings = {"05-backoff-jitter", "06-retry-storm", "07-race", "08-race-all-fail",
            "09-parallel-timeout", "10-pool-saturation", "12-late-finish", "16-hedged-request"})
    void aScenarioRunsTraceMatchesItsLog(String scenario) throws Exception {
        List<Event> events = run(scenario);
        var trace = export(AuditTestLogs.header(), events);

        assertThat(trace.problems).isEmpty();
        assertSlicePerStartedAttempt(events, trace);
        assertRetriesAndMembersAreLinked(events, trace);
        assertThat(trace.counters.get("active")).isEqualTo(activeSeries(events));
        assertThat(trace.flows).allSatisfy(f -> assertThat(f.from().start()).isLessThanOrEqualTo(f.to().start()));
    }

    private static void assertSlicePerStartedAttempt(List<Event> events, PerfettoTraceModel trace) {
        Map<Long, Event> started = new HashMap<>();
        List<String> expected = new ArrayList<>();
        for (Event e : events) {
            if (e.type() == EventType.STARTED) {
                started.put(e.id(), e);
            } else if (e.isTerminal() && started.containsKey(e.id())) {
                Event s = started.remove(e.id());
                expected.add(s.id() + " " + s.name() + " " + s.worker() + " " + s.t() + ".." + e.t() + " " + e.type());
            }
        }
        List<String> actual = trace.slices.stream().filter(s -> s.args().containsKey("attempt"))
                .map(s -> s.args().get("id") + " " + s.name() + " " + s.track() + " "
                        + s.start() + ".." + s.end() + " " + s.category())
                .toList();
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    }

    /// Every attempt after the first that ran has an arrow from an earlier attempt of its group; every attempt of
    /// a group that ran is reached by arrows from the group's slice.
    private static void assertRetriesAndMembersAreLinked(List<Event> events, PerfettoTraceModel trace) {
        Map<Long, Slice> groupSlices = new HashMap<>();
        for (Slice s : trace.slices) {
            if ("group".equals(s.category())) {
                groupSlices.put((long) s.args().get("group"), s);
            }
        }
        assertThat(groupSlices).hasSize((int) events.stream().filter(e -> e.type() == EventType.GROUP_STARTED)
                .count());
        for (Slice s : trace.slices) {
            if (!s.args().containsKey("attempt") || !s.args().containsKey("group")) {
                continue;
            }
            long group = (long) s.args().get("group");
            if ((long) s.args().get("attempt") > 1) {
                assertThat(trace.flows).as("a flow into retry %s", s.label()).anyMatch(f -> f.to().equals(s)
                        && f.from().name().equals(s.name()) && group == (long) f.from().args().get("group"));
            }
            if (groupSlices.containsKey(group)) {
                assertThat(reachable(trace, groupSlices.get(group))).as("%s reached from its group", s.label())
                        .contains(s);
            }
        }
    }

    private static Set<Slice> reachable(PerfettoTraceModel trace, Slice from) {
        Set<Slice> seen = new HashSet<>();
        List<Slice> todo = new ArrayList<>(List.of(from));
        while (!todo.isEmpty()) {
            Slice s = todo.removeLast();
            for (var f : trace.flows) {
                if (f.from().equals(s) && seen.add(f.to())) {
                    todo.add(f.to());
                }
            }
        }
        return seen;
    }

    /// The active count after each change, straight from the events.
    private static List<Sample> activeSeries(List<Event> events) {
        Set<Long> running = new HashSet<>();
        List<Sample> series = new ArrayList<>();
        for (Event e : events) {
            int before = running.size();
            if (e.type() == EventType.STARTED) {
                running.add(e.id());
            } else if (e.isTerminal()) {
                running.remove(e.id());
            }
            if (running.size() != before) {
                series.add(new Sample(e.t(), running.size()));
            }
        }
        return series;
    }

    private static List<Event> run(String scenario) throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("..", "..", "scenarios", scenario + ".yaml"));
        List<Event> events = new CopyOnWriteArrayList<>();
        ScenarioRunner.start(s, RunOptions.DEFAULTS.withClock(ClockMode.SIMULATED).withSeed(7),
                List.of(events::add)).await(Duration.ofMinutes(2));
        return events;
    }

    private PerfettoTraceModel export(AuditHeader header, List<Event> events) throws IOException {
        Path file = dir.resolve("trace.perfetto-trace");
        try (var out = Files.newOutputStream(file)) {
            PerfettoExporter.export(header, events::forEach, out);
        }
        return PerfettoTraceModel.read(file);
    }
}
