package dev.asynclab.lab.export;

import dev.asynclab.lab.audit.AuditLogReader;
import dev.asynclab.lab.audit.EventSource;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/// Exports a log as CSV (RFC 4180): one row per invocation attempt, in the order attempts end, then any that
/// never ended (outcome `UNFINISHED`). Times are milliseconds since the run started, with nanosecond
/// decimals; latency runs from submission to the end, execution from start to the end; a blank cell means
/// the attempt never got there.
///
/// ```java
/// CsvExporter.export(Path.of("audit.jsonl"), Path.of("audit.csv"));
/// ```
public final class CsvExporter {

    static final String HEADER = "id,attempt,group,name,worker,submitted_ms,started_ms,ended_ms,outcome,"
            + "latency_ms,execution_ms,error_type,error_message";

    private final Writer out;
    private final StringBuilder row = new StringBuilder(256);
    private final AttemptAssembler attempts = new AttemptAssembler(this::write);

    private CsvExporter(Writer out) throws IOException {
        this.out = out;
        out.write(HEADER);
        out.write("\r\n");
    }

    /// Reads `log` as a stream and writes `csv`.
    ///
    /// @throws dev.asynclab.lab.audit.AuditLogException when the log cannot be read
    public static void export(Path log, Path csv) throws IOException {
        try (var reader = AuditLogReader.open(log); var out = Files.newOutputStream(csv)) {
            export(reader::forEach, out);
        }
    }

    /// Writes the rows for `events` to `out` (left open).
    public static void export(EventSource events, OutputStream out) throws IOException {
        var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        var exporter = new CsvExporter(writer);
        try {
            events.forEach(exporter.attempts::accept);
            exporter.attempts.finish();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        writer.flush();
    }

    private void write(Attempt a) {
        var r = row;
        r.setLength(0);
        r.append(a.id()).append(',').append(a.attempt()).append(',');
        if (a.group() != 0) {
            r.append(a.group());
        }
        r.append(',');
        text(a.name());
        r.append(',');
        text(a.worker());
        r.append(',');
        millis(a.submitted());
        r.append(',');
        millis(a.started());
        r.append(',');
        millis(a.ended());
        r.append(',').append(a.outcome() == null ? "UNFINISHED" : a.outcome().name()).append(',');
        millis(a.ended() >= 0 && a.submitted() >= 0 ? a.ended() - a.submitted() : -1);
        r.append(',');
        millis(a.ended() >= 0 && a.started() >= 0 ? a.ended() - a.started() : -1);
        r.append(',');
        text(a.errorType());
        r.append(',');
        text(a.errorMessage());
        r.append("\r\n");
        try {
            out.append(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /// Quoted when it holds a comma, quote or line break, with quotes doubled (RFC 4180).
    private void text(String s) {
        if (s == null) {
            return;
        }
        boolean quote = false;
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            row.append(s);
            return;
        }
        row.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            row.append(c);
            if (c == '"') {
                row.append('"');
            }
        }
        row.append('"');
    }

    /// Nanoseconds as milliseconds with six decimals, exactly; nothing for -1.
    private void millis(long nanos) {
        if (nanos < 0) {
            return;
        }
        long frac = nanos % 1_000_000;
        row.append(nanos / 1_000_000).append('.');
        for (long d = 100_000; d > frac && d > 1; d /= 10) {
            row.append('0');
        }
        row.append(frac);
    }

}
