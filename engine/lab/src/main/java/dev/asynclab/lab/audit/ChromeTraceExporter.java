package dev.asynclab.lab.audit;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.asynclab.engine.event.Event;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/// Exports a log in the Chrome Trace Event Format, which Perfetto (ui.perfetto.dev) and chrome://tracing open.
///
/// What it draws: a process per lane group (the `label/` prefix of merged logs' workers; one process otherwise),
/// a thread per worker, a complete event ("X") per attempt on its worker from start to end, and a "late" one
/// after it for work that overran its timeout or cancel; queue waits and race/parallel/retry groups as async
/// spans ("b"/"e"); instants ("i") for timeouts, cancels, rejections, retry scheduling and callbacks' log lines;
/// the queue depth as a counter.
/// Times are microseconds since the run started.
///
/// ```java
/// ChromeTraceExporter.export(Path.of("audit.jsonl"), Path.of("trace.json"));
/// ```
public final class ChromeTraceExporter {

    private static final JsonFactory JSON = new JsonFactory();

    private final JsonGenerator g;
    private final String runName;
    private final AttemptAssembler attempts = new AttemptAssembler(this::attempt);
    private final Map<String, Integer> pids = new HashMap<>();
    private final Map<String, Integer> tids = new HashMap<>();

    private ChromeTraceExporter(JsonGenerator g, String runName) {
        this.g = g;
        this.runName = runName;
    }

    /// Reads `log` as a stream and writes the trace to `trace`.
    ///
    /// @throws AuditLogException when the log cannot be read
    public static void export(Path log, Path trace) throws IOException {
        try (var reader = AuditLogReader.open(log); var out = Files.newOutputStream(trace)) {
            export(reader.header(), reader::forEach, out);
        }
    }

    /// Writes the trace of `events` to `out` (left open).
    public static void export(AuditHeader header, Iterable<Event> events, OutputStream out) throws IOException {
        export(header, events::forEach, out);
    }

    private static void export(AuditHeader header, EventSource events, OutputStream out) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeStringField("displayTimeUnit", "ms");
            g.writeObjectFieldStart("otherData");
            g.writeStringField("runId", header.runId());
            g.writeStringField("scenario", header.scenario());
            g.writeStringField("start", header.start().toString());
            g.writeStringField("clock", header.clock());
            g.writeNumberField("seed", header.seed());
            g.writeEndObject();
            g.writeArrayFieldStart("traceEvents");
            var exporter = new ChromeTraceExporter(g, header.label() != null ? header.label() : header.scenario());
            try {
                events.forEach(exporter::accept);
                exporter.attempts.finish();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private void accept(Event e) {
        try {
            attempts.accept(e);
            switch (e.type()) {
                case TIMED_OUT, CANCELLED, REJECTED, RETRY_SCHEDULED, LOG -> instant(e);
                case LATE_FINISH -> lateFinish(e);
                case GROUP_STARTED -> groupSpan(e, "b");
                case GROUP_FINISHED -> groupSpan(e, "e");
                default -> {
                    // drawn as part of an attempt or not drawn
                }
            }
            if (e.queueDepth() >= 0) {
                counter(e);
            }
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
    }

    private void attempt(Attempt a) {
        try {
            long queuedFrom = a.submitted() >= 0 ? a.submitted() : a.queued();
            long queuedUntil = a.started() >= 0 ? a.started() : a.ended();
            if (queuedFrom >= 0 && queuedUntil > queuedFrom) {
                queueSpan(a, "b", queuedFrom);
                queueSpan(a, "e", queuedUntil);
            }
            if (a.started() >= 0 && a.ended() >= 0) {
                long lane = lane(a.worker());
                g.writeStartObject();
                g.writeStringField("ph", "X");
                g.writeStringField("name", label(a.name()));
                g.writeStringField("cat", a.outcome().name());
                writeLane(lane);
                time("ts", a.started());
                time("dur", a.ended() - a.started());
                g.writeObjectFieldStart("args");
                g.writeNumberField("id", a.id());
                g.writeNumberField("attempt", a.attempt());
                if (a.group() != 0) {
                    g.writeNumberField("group", a.group());
                }
                g.writeStringField("outcome", a.outcome().name());
                if (a.errorType() != null) {
                    g.writeStringField("errorType", a.errorType());
                }
                if (a.errorMessage() != null) {
                    g.writeStringField("errorMessage", a.errorMessage());
                }
                g.writeEndObject();
                g.writeEndObject();
            }
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
    }

    private void queueSpan(Attempt a, String phase, long t) throws IOException {
        int pid = pid(a.worker());
        g.writeStartObject();
        g.writeStringField("ph", phase);
        g.writeStringField("cat", "queue");
        g.writeStringField("name", "queued " + label(a.name()));
        g.writeStringField("id", Long.toString(a.id()));
        g.writeNumberField("pid", pid);
        time("ts", t);
        g.writeEndObject();
    }

    private void instant(Event e) throws IOException {
        long lane = lane(e.worker());
        g.writeStartObject();
        g.writeStringField("ph", "i");
        g.writeStringField("s", "t");
        g.writeStringField("name", e.type() + " " + label(e.name()));
        g.writeStringField("cat", e.type().name());
        writeLane(lane);
        time("ts", e.t());
        g.writeObjectFieldStart("args");
        g.writeNumberField("id", e.id());
        g.writeNumberField("attempt", e.attempt());
        if (e.duration() >= 0) {
            g.writeNumberField("durationNanos", e.duration());
        }
        if (e.errorType() != null) {
            g.writeStringField("errorType", e.errorType());
        }
        if (e.errorMessage() != null) {
            g.writeStringField("errorMessage", e.errorMessage());
        }
        if (e.value() != null) {
            g.writeStringField("value", e.value());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    /// A race, parallel or retry group as an async span, so Perfetto brackets its members' time.
    private void groupSpan(Event e, String phase) throws IOException {
        int pid = pid(e.worker());
        g.writeStartObject();
        g.writeStringField("ph", phase);
        g.writeStringField("cat", "group");
        g.writeStringField("name", label(e.name()));
        g.writeStringField("id", "g" + e.group());
        g.writeNumberField("pid", pid);
        time("ts", e.t());
        String arg = phase.equals("b") ? e.kind() : e.value();
        if (arg != null) {
            g.writeObjectFieldStart("args");
            g.writeStringField(phase.equals("b") ? "kind" : "outcome", arg);
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /// The "ghost" span: how long the callback kept running after its timeout or cancel.
    private void lateFinish(Event e) throws IOException {
        String worker = attempts.overrunWorker(e.id());
        if (worker == null) {
            worker = e.worker();
        }
        long overrun = Math.max(0, e.duration());
        long lane = lane(worker);
        g.writeStartObject();
        g.writeStringField("ph", "X");
        g.writeStringField("name", "late " + label(e.name()));
        g.writeStringField("cat", "LATE_FINISH");
        writeLane(lane);
        time("ts", Math.max(0, e.t() - overrun));
        time("dur", overrun);
        g.writeObjectFieldStart("args");
        g.writeNumberField("id", e.id());
        g.writeEndObject();
        g.writeEndObject();
    }

    private void counter(Event e) throws IOException {
        int pid = pid(e.worker());
        g.writeStartObject();
        g.writeStringField("ph", "C");
        g.writeStringField("name", "queue depth");
        g.writeNumberField("pid", pid);
        time("ts", e.t());
        g.writeObjectFieldStart("args");
        g.writeNumberField("depth", e.queueDepth());
        g.writeEndObject();
        g.writeEndObject();
    }

    /// The worker's pid and tid packed in one long, writing their metadata first if they are new (metadata must
    /// not land inside another event's object).
    private long lane(String worker) throws IOException {
        return (long) pid(worker) << 32 | tid(worker);
    }

    private void writeLane(long lane) throws IOException {
        g.writeNumberField("pid", (int) (lane >>> 32));
        g.writeNumberField("tid", (int) lane);
    }

    /// Process ids from 1, one per lane group (`group/worker`); events without a group go to the run's process.
    private int pid(String worker) throws IOException {
        int slash = worker == null ? -1 : worker.indexOf('/');
        String process = slash < 0 ? runName : worker.substring(0, slash);
        Integer pid = pids.get(process);
        if (pid == null) {
            pid = pids.size() + 1;
            pids.put(process, pid);
            metadata("process_name", pid, 0, process);
        }
        return pid;
    }

    /// Thread ids from 1, one per worker; tid 0 is the process's own lane for events that ran on no worker.
    private int tid(String worker) throws IOException {
        if (worker == null) {
            return 0;
        }
        Integer tid = tids.get(worker);
        if (tid == null) {
            tid = tids.size() + 1;
            tids.put(worker, tid);
            int slash = worker.indexOf('/');
            metadata("thread_name", pid(worker), tid, slash < 0 ? worker : worker.substring(slash + 1));
        }
        return tid;
    }

    private void metadata(String kind, int pid, int tid, String name) throws IOException {
        g.writeStartObject();
        g.writeStringField("ph", "M");
        g.writeStringField("name", kind);
        g.writeNumberField("pid", pid);
        g.writeNumberField("tid", tid);
        g.writeObjectFieldStart("args");
        g.writeStringField("name", name);
        g.writeEndObject();
        g.writeEndObject();
    }

    /// Microseconds, exact to the nanosecond.
    private void time(String field, long nanos) throws IOException {
        g.writeFieldName(field);
        g.writeNumber(BigDecimal.valueOf(nanos, 3));
    }

    private static String label(String name) {
        return name == null ? "(unnamed)" : name;
    }
}
