package dev.asynclab.lab.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.asynclab.engine.event.Event;
import dev.asynclab.lab.audit.AuditHeader;
import dev.asynclab.lab.audit.AuditLogReader;
import dev.asynclab.lab.audit.EventSource;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/// Exports a log in the Chrome Trace Event Format (JSON), which chrome://tracing, Perfetto (as "legacy JSON") and
/// most trace viewers open. For Perfetto itself prefer [PerfettoExporter]: its native format keeps overlapping
/// waits apart and draws flows between tracks.
///
/// What it draws: a process per lane group (the `label/` prefix of merged logs' workers, which the merger takes
/// from each log's label or scenario; the run's scenario otherwise), a thread per worker and a thread named
/// `queue` (tid 0) for what happened on no worker, a complete event ("X") per attempt on its worker from start to
/// end, and a "late" one after it for work that overran its timeout or cancel; queue waits and
/// race/parallel/retry groups as async spans ("b"/"e"); instants ("i") for timeouts, cancels, rejections, retry
/// scheduling and callbacks' log lines; flow arrows ("s"/"f") from each attempt to its retry; `active` and
/// `queued` counters. Every event has a category (`cat`) and every thread id used is named.
/// Times are microseconds since the run started.
///
/// ```java
/// ChromeTraceExporter.export(Path.of("audit.jsonl"), Path.of("audit.trace.json"));
/// ```
public final class ChromeTraceExporter {

    private static final JsonFactory JSON = new JsonFactory();

    private final JsonGenerator g;
    private final String runName;
    private final AttemptAssembler attempts = new AttemptAssembler(this::attempt);
    private final Map<String, Integer> pids = new HashMap<>();
    private final Map<String, Integer> tids = new HashMap<>();
    private final Set<Integer> queueThreadsNamed = new HashSet<>();
    private final RetryChains retries = new RetryChains();
    private int active;
    private int queued;

    private ChromeTraceExporter(JsonGenerator g, String runName) {
        this.g = g;
        this.runName = runName;
    }

    /// Reads `log` as a stream and writes the trace to `trace`.
    ///
    /// @throws dev.asynclab.lab.audit.AuditLogException when the log cannot be read
    public static void export(Path log, Path trace) throws IOException {
        try (var reader = AuditLogReader.open(log); var out = Files.newOutputStream(trace)) {
            export(reader.header(), reader::forEach, out);
        }
    }

    /// Writes the trace of `events` to `out` (left open).
    public static void export(AuditHeader header, EventSource events, OutputStream out) throws IOException {
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
            var exporter = new ChromeTraceExporter(g, ExportNames.runName(header));
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
                case GROUP_FINISHED -> {
                    groupSpan(e, "e");
                    retries.forget(e.group());
                }
                default -> {
                    // drawn as part of an attempt or not drawn
                }
            }
            counters(e.t());
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
                g.writeStringField("name", ExportNames.label(a.name()));
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
                RetryChains.Link link = retries.next(a, lane);
                if (link != null) {
                    flow(link);
                }
            }
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
    }

    /// A flow arrow from the previous attempt's bar to this one's: "s" inside the earlier slice, "f" bound to the
    /// enclosing slice ("bp":"e") inside the later one. Both sit mid-slice, so neither touches a slice's edge,
    /// where a viewer could bind it to the neighbouring bar.
    private void flow(RetryChains.Link link) throws IOException {
        flowEvent("s", link.flowId(), link.fromLane(), link.fromTime());
        flowEvent("f", link.flowId(), link.toLane(), link.toTime());
    }

    private void flowEvent(String phase, long id, long lane, long t) throws IOException {
        g.writeStartObject();
        g.writeStringField("ph", phase);
        if (phase.equals("f")) {
            g.writeStringField("bp", "e");
        }
        g.writeStringField("name", "retry");
        g.writeStringField("cat", "retry");
        g.writeNumberField("id", id);
        writeLane(lane);
        time("ts", t);
        g.writeEndObject();
    }

    private void queueSpan(Attempt a, String phase, long t) throws IOException {
        int pid = pid(a.worker());
        g.writeStartObject();
        g.writeStringField("ph", phase);
        g.writeStringField("cat", "queue");
        g.writeStringField("name", "queued " + ExportNames.label(a.name()));
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
        g.writeStringField("name", e.type() + " " + ExportNames.label(e.name()));
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
        g.writeStringField("name", ExportNames.label(e.name()));
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
        g.writeStringField("name", "late " + ExportNames.label(e.name()));
        g.writeStringField("cat", "LATE_FINISH");
        writeLane(lane);
        time("ts", Math.max(0, e.t() - overrun));
        time("dur", overrun);
        g.writeObjectFieldStart("args");
        g.writeNumberField("id", e.id());
        g.writeEndObject();
        g.writeEndObject();
    }

    /// The run's load, written when it changes: attempts running and waiting, from the lifecycle of every
    /// invocation (not the queue depth some events carry, which says nothing when a wait ends).
    private void counters(long t) throws IOException {
        if (attempts.active() != active) {
            active = attempts.active();
            counter("active", active, t);
        }
        if (attempts.queued() != queued) {
            queued = attempts.queued();
            counter("queued", queued, t);
        }
    }

    private void counter(String name, int value, long t) throws IOException {
        int pid = pid(null);
        g.writeStartObject();
        g.writeStringField("ph", "C");
        g.writeStringField("name", name);
        g.writeStringField("cat", "load");
        g.writeNumberField("pid", pid);
        time("ts", t);
        g.writeObjectFieldStart("args");
        g.writeNumberField(name, value);
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

    /// Thread ids from 1, one per worker; tid 0 is each process's `queue` thread, for events on no worker.
    private int tid(String worker) throws IOException {
        if (worker == null) {
            int pid = pid(null);
            if (queueThreadsNamed.add(pid)) {
                metadata("thread_name", pid, 0, ExportNames.QUEUE);
            }
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
        g.writeStringField("cat", "__metadata");
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
}
