package dev.asynclab.lab.audit;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/// Builds small, realistic event sequences and writes them as logs, for the audit tests.
public final class AuditTestLogs {

    public static final Instant START = Instant.parse("2026-11-24T14:15:15.123456789Z");

    private AuditTestLogs() {
    }

    public static AuditHeader header() {
        return AuditHeader.of("run-1", "Pool saturation", START, "0.1.0", AuditHeader.CLOCK_SIMULATED, 42);
    }

    /// A run with one successful call, one failing call retried into a timeout with a late finish, a
    /// cancelled one, a rejected one, a race group, a pool resize and a log line: every event type.
    public static List<Event> run() {
        var b = new Builder();
        b.add(Event.runStarted("Pool saturation", "simulated", 42, 4), 0);
        b.add(Event.of(EventType.SUBMITTED, 1, 1, 0, "fetch-user"), 1_000);
        b.add(Event.of(EventType.STARTED, 1, 1, 0, "fetch-user").withWorker("w0"), 2_000);
        b.add(Event.of(EventType.SUCCEEDED, 1, 1, 0, "fetch-user").withWorker("w0").withDuration(50_000_000)
                .withValue("{\"user\":\"ann\"}"), 50_002_000);
        b.add(Event.of(EventType.SUBMITTED, 2, 1, 7, "save-order"), 60_000_000);
        b.add(Event.of(EventType.QUEUED, 2, 1, 7, "save-order").withQueueDepth(3), 60_000_001);
        b.add(Event.of(EventType.STARTED, 2, 1, 7, "save-order").withWorker("w1"), 70_000_000);
        b.add(Event.of(EventType.FAILED, 2, 1, 7, "save-order").withWorker("w1").withDuration(10_000_000)
                .withError("IOException", "connection reset:\n\t\"peer\" said \\no\\ — ünïcödé ✓ 😀"), 80_000_000);
        b.add(Event.of(EventType.RETRY_SCHEDULED, 2, 1, 7, "save-order").withDuration(100_000_000), 80_000_000);
        b.add(Event.of(EventType.SUBMITTED, 3, 2, 7, "save-order"), 180_000_000);
        b.add(Event.of(EventType.STARTED, 3, 2, 7, "save-order").withWorker("w1"), 180_000_100);
        b.add(Event.of(EventType.TIMED_OUT, 3, 2, 7, "save-order").withWorker("w1").withDuration(100_000_000)
                .withError("TimeoutException", "timed out after 100 ms"), 280_000_100);
        b.add(Event.of(EventType.SUBMITTED, 4, 1, 0, "report"), 300_000_000);
        b.add(Event.of(EventType.CANCELLED, 4, 1, 0, "report").withError("CancellationException", null),
                301_000_000);
        b.add(Event.of(EventType.SUBMITTED, 5, 1, 0, "report"), 302_000_000);
        b.add(Event.of(EventType.REJECTED, 5, 1, 0, "report").withQueueDepth(100)
                .withError("RejectedExecutionException", "queue full (100)"), 302_000_000);
        b.add(Event.of(EventType.LATE_FINISH, 3, 2, 7, "save-order").withWorker("w1").withDuration(25_000_000),
                305_000_100);
        b.add(Event.groupStarted(9, "data-fetch", "race", 0), 310_000_000);
        b.add(Event.of(EventType.SUBMITTED, 6, 1, 9, "cache"), 310_000_000);
        b.add(Event.of(EventType.STARTED, 6, 1, 9, "cache").withWorker("w2"), 310_000_000);
        b.add(Event.of(EventType.LOG, 6, 1, 9, "cache").withWorker("w2").withValue("cache miss"), 311_000_000);
        b.add(Event.of(EventType.SUCCEEDED, 6, 1, 9, "cache").withWorker("w2").withDuration(5_000_000)
                .withValue(null), 315_000_000);
        b.add(Event.of(EventType.GROUP_FINISHED, 0, 0, 9, "data-fetch").withValue("SUCCEEDED"), 315_000_000);
        b.add(Event.of(EventType.POOL_RESIZED, 0, 0, 0, null).withValue("4->8").withQueueDepth(0), 320_000_000);
        b.add(Event.of(EventType.RUN_FINISHED, 0, 0, 0, "Pool saturation").withDuration(400_000_000), 400_000_000);
        return b.events;
    }

    /// `run()` with the events of format version 2 before its end: a breaker opening, refusing, half-opening and
    /// closing, a rate-limited wait, an injected fault, a spent retry budget and a fallback.
    static List<Event> runWithPolicies() {
        var b = new Builder();
        List<Event> base = run();
        base.subList(0, base.size() - 1).forEach(e -> b.add(e, e.t()));
        b.add(Event.of(EventType.CIRCUIT_OPENED, 0, 0, 0, "db").withDuration(1_000_000_000L)
                .withValue("failure rate 60% >= 50% over the last 10 calls"), 330_000_000);
        b.add(Event.of(EventType.SUBMITTED, 7, 1, 0, "query"), 331_000_000);
        b.add(Event.of(EventType.REJECTED, 7, 1, 0, "query").withError("RejectedExecutionException",
                "circuit 'db' is open (for 999 ms more)").withValue("circuit-breaker"), 331_000_000);
        b.add(Event.of(EventType.FALLBACK_USED, 7, 1, 0, "query").withError("RejectedExecutionException",
                "circuit 'db' is open (for 999 ms more)").withValue("cached"), 331_000_000);
        b.add(Event.of(EventType.RATE_LIMITED, 0, 1, 0, "api").withDuration(20_000_000).withValue("waited"),
                332_000_000);
        b.add(Event.of(EventType.FAULT_INJECTED, 8, 1, 0, "api").withError("IOException", "injected")
                .withValue("failure IOException: injected"), 352_000_000);
        b.add(Event.of(EventType.BUDGET_EXHAUSTED, 8, 1, 0, "api").withError("IOException", "injected")
                .withValue("retry budget 'backend' spent"), 352_000_000);
        b.add(Event.of(EventType.CIRCUIT_HALF_OPENED, 0, 0, 0, "db").withDuration(1_000_000_000L)
                .withValue("letting 2 probe calls through"), 390_000_000);
        b.add(Event.of(EventType.CIRCUIT_CLOSED, 0, 0, 0, "db").withValue("2 of 2 probe calls succeeded"),
                395_000_000);
        b.add(base.getLast(), base.getLast().t());
        return b.events;
    }

    public static Path write(Path file, AuditHeader header, List<Event> events) throws IOException {
        try (var writer = new AuditLogWriter(file, header)) {
            for (Event e : events) {
                writer.onEvent(e);
            }
        }
        return file;
    }

    /// `count` events of a simple, valid shape: submitted, started, succeeded for each invocation.
    private static final String[] WORKERS = {"w0", "w1", "w2", "w3", "w4", "w5", "w6", "w7"};

    static Event synthetic(long seq) {
        long id = seq / 3 + 1;
        long t = seq * 1_000;
        return switch ((int) (seq % 3)) {
            case 0 -> Event.of(EventType.SUBMITTED, id, 1, 0, "fetch-user").withSeqAndTime(seq, t);
            case 1 -> Event.of(EventType.STARTED, id, 1, 0, "fetch-user").withWorker(WORKERS[(int) (id % 8)])
                    .withSeqAndTime(seq, t);
            default -> Event.of(EventType.SUCCEEDED, id, 1, 0, "fetch-user").withWorker(WORKERS[(int) (id % 8)])
                    .withDuration(1_000).withValue("ok").withSeqAndTime(seq, t);
        };
    }

    private static final class Builder {
        final List<Event> events = new ArrayList<>();

        void add(Event e, long t) {
            events.add(e.withSeqAndTime(events.size(), t));
        }
    }
}
