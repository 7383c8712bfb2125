package dev.asynclab.app.ui.session;

import dev.asynclab.app.store.EventStore;
import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import dev.asynclab.lab.audit.AuditHeader;
import dev.asynclab.lab.audit.AuditLogWriter;
import dev.asynclab.lab.audit.AuditVerifier;
import dev.asynclab.lab.audit.VerificationReport;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/// The loader reads, stores and folds a log on three threads, in batches. Whatever the log — retries, groups, late
/// finishes, queued and rejected calls, lines the fast decoder declines (an unknown field, a space), a malformed
/// line, a cut-off last line, runs of several batches — the store it builds holds the events, invocations and lanes,
/// and its report and summary say what, that reading the log into a list of `Event`s and appending them one by one
/// gives. (Written to hold a loader that reads with no `Event` per line to the old way's results.)
class LogLoaderProperties {

    /// One call of the generated run: its name, attempts, group, how each attempt went.
    record Call(int name, int attempts, int group, boolean queued, int outcome, boolean late, boolean valued) {
    }

    @Property(tries = 60)
    void aLoadedLogMakesTheStoreAppendingItsEventsMakes(
            @ForAll("calls") List<Call> calls, @ForAll @IntRange(min = 1, max = 40) int rounds,
            @ForAll @IntRange(min = 0, max = 5) int damage, @ForAll @IntRange(min = 0, max = 1_000_000) int where)
            throws IOException {
        Path dir = Files.createTempDirectory("asynclab-loader-views-");
        try {
            Path log = dir.resolve("run.jsonl");
            List<Event> events = run(calls, rounds);
            try (AuditLogWriter writer = new AuditLogWriter(log, AuditHeader.of("views", "generated",
                    Instant.EPOCH, "test", AuditHeader.CLOCK_SIMULATED, 7))) {
                events.forEach(writer::onEvent);
            }
            damage(log, damage, where);

            List<Event> read = new ArrayList<>();
            VerificationReport expectedReport = AuditVerifier.read(log, h -> { }, read::add);
            EventStore expected = new EventStore();
            expected.appendAll(read);
            RunFold fold = new RunFold(null);
            fold.take(read);

            LogLoader.Loaded loaded = LogLoader.load(log, 1_000, n -> { });

            EventStore store = loaded.store();
            assertThat(store.size()).isEqualTo(expected.size());
            for (int i = 0; i < store.size(); i++) {
                assertThat(store.event(i)).isEqualTo(expected.event(i));
            }
            assertThat(store.invocations().size()).isEqualTo(expected.invocations().size());
            for (int slot = 0; slot < store.invocations().size(); slot++) {
                assertThat(store.invocations().latency(slot)).isEqualTo(expected.invocations().latency(slot));
            }
            assertThat(store.laneCount()).isEqualTo(expected.laneCount());
            assertThat(store.lateCount()).isEqualTo(expected.lateCount());
            assertThat(store.markerCount()).isEqualTo(expected.markerCount());
            assertThat(loaded.report()).isEqualTo(expectedReport);
            if (read.isEmpty()) {
                assertThat(loaded.result()).isNull();
            } else {
                assertThat(loaded.result().line()).isEqualTo(fold.result().line());
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    @Provide
    Arbitrary<List<Call>> calls() {
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(1, 3),
                Arbitraries.integers().between(0, 2), Arbitraries.of(true, false), Arbitraries.integers().between(0, 4),
                Arbitraries.of(true, false), Arbitraries.of(true, false)).as(Call::new).list().ofMinSize(1)
                .ofMaxSize(30);
    }

    /// The calls, `rounds` times over (so that some logs span several of the loader's batches), between the run's
    /// and each group's start and finish events.
    private static List<Event> run(List<Call> calls, int rounds) {
        List<Event> out = new ArrayList<>();
        long[] clock = {0, 0};
        add(out, clock, Event.runStarted("generated", "simulated", 7, 4));
        add(out, clock, Event.groupStarted(1, "retry-group", "retry", 0));
        add(out, clock, Event.groupStarted(2, "race-group", "race", 1));
        long id = 0;
        for (int r = 0; r < rounds; r++) {
            for (Call c : calls) {
                String name = "call-" + c.name();
                for (int attempt = 1; attempt <= c.attempts(); attempt++) {
                    long callId = ++id;
                    add(out, clock, Event.of(EventType.SUBMITTED, callId, attempt, c.group(), name));
                    if (c.outcome() == 4) {
                        add(out, clock, Event.of(EventType.REJECTED, callId, attempt, c.group(), name)
                                .withValue("bulkhead"));
                        continue;
                    }
                    if (c.queued()) {
                        add(out, clock, Event.of(EventType.QUEUED, callId, attempt, c.group(), name)
                                .withQueueDepth((int) (callId % 5)));
                    }
                    String worker = "w" + callId % 3;
                    add(out, clock, Event.of(EventType.STARTED, callId, attempt, c.group(), name).withWorker(worker));
                    boolean last = attempt == c.attempts();
                    Event end = switch (last ? c.outcome() : 1) {
                        case 0 -> Event.of(EventType.SUCCEEDED, callId, attempt, c.group(), name)
                                .withValue(c.valued() ? "v" + callId % 7 : null);
                        case 1 -> Event.of(EventType.FAILED, callId, attempt, c.group(), name)
                                .withError("IOException", "boom " + callId % 4);
                        case 2 -> Event.of(EventType.TIMED_OUT, callId, attempt, c.group(), name);
                        default -> Event.of(EventType.CANCELLED, callId, attempt, c.group(), name);
                    };
                    add(out, clock, end.withWorker(worker).withDuration(1_000 + callId % 13));
                    if (!last) {
                        add(out, clock, Event.of(EventType.RETRY_SCHEDULED, callId, attempt, c.group(), name));
                    }
                    if (c.late() && (end.type() == EventType.TIMED_OUT || end.type() == EventType.CANCELLED)) {
                        add(out, clock, Event.of(EventType.LATE_FINISH, callId, attempt, c.group(), name)
                                .withWorker(worker));
                    }
                }
            }
        }
        add(out, clock, Event.of(EventType.GROUP_FINISHED, 0, 0, 2, "race-group"));
        add(out, clock, Event.of(EventType.GROUP_FINISHED, 0, 0, 1, "retry-group"));
        add(out, clock, Event.of(EventType.RUN_FINISHED, 0, 0, 0, "generated"));
        return out;
    }

    private static void add(List<Event> out, long[] clock, Event e) {
        clock[1] += 100 + (clock[0] * 37) % 900;
        out.add(e.withSeqAndTime(clock[0]++, clock[1]));
    }

    /// Damages one record line (picked by `where`) of the log in place: 0 none, 1 an unknown field before the hash
    /// (valid, declined by the fast decoder, a hash mismatch), 2 a space after the brace (valid, declined, and a
    /// mismatch too: the hash covers it), 3 a malformed value (the read stops there, naming line and column), 4 the
    /// last line cut off, 5 a type no reader knows (malformed).
    private static void damage(Path log, int damage, int where) throws IOException {
        if (damage == 0) {
            return;
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(log, StandardCharsets.UTF_8));
        int at = 1 + where % (lines.size() - 1);
        String line = lines.get(at);
        switch (damage) {
            case 1 -> lines.set(at, line.replace(",\"h\":", ",\"zz\":[1,{\"a\":null}],\"h\":"));
            case 2 -> lines.set(at, "{ " + line.substring(1));
            case 3 -> lines.set(at, line.replaceFirst("\"t\":", "\"t\":x"));
            case 4 -> {
                String last = lines.get(lines.size() - 1);
                Files.writeString(log, String.join("\n", lines.subList(0, lines.size() - 1)) + "\n"
                        + last.substring(0, last.length() / 2), StandardCharsets.UTF_8);
                return;
            }
            default -> lines.set(at, line.replaceFirst("\"type\":\"[A-Z_]+\"", "\"type\":\"NOT_A_TYPE\""));
        }
        Files.writeString(log, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }
}
