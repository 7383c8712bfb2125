package dev.asynclab.lab.audit;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventSink;
import dev.asynclab.engine.event.EventView;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/// Writes a run's events as an audit log: a header line, then one JSON line per event, each chained by hash
/// to the line before (format: docs/audit-log.md).
///
/// Output is buffered and handed to the file at the end of every batch, and only ever in whole lines, so a
/// process that dies mid-run leaves a log that reads up to its last batch (at worst with the last line cut).
/// Like every sink it is called from one thread at a time; it is not safe for concurrent use.
///
/// ```java
/// try (var audit = new AuditLogWriter(Path.of("audit.jsonl"), header);
///      var bus = EventBus.create(1 << 16, audit)) {
///     var runtime = AsyncCallbackRuntime.builder().events(bus).build();   // every call on it is logged
///     new AsyncCallbackWrapper(runtime, ctx -> "ok", "hello", Duration.ofSeconds(1)).executeBlocking();
/// }
/// ```
public final class AuditLogWriter implements EventSink, AutoCloseable {

    private static final int BUFFER = 1 << 16;
    /// Worst case of a record's fixed part: 14 keys, 7 numbers of up to 20 digits, the type, the hash, and the
    /// scratch bytes a packed key may store past its end.
    private static final int FIXED_BOUND = 480 + JsonLineEncoder.SCRATCH;
    private static final byte[] HASH_KEY = ",\"h\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LINE_END = "\"}\n".getBytes(StandardCharsets.US_ASCII);

    private final OutputStream out;
    private final JsonLineEncoder enc = new JsonLineEncoder(BUFFER);
    private final FieldTextCache names = textField(AuditFields.NAME);
    private final FieldTextCache workers = textField(AuditFields.WORKER);
    private final FieldTextCache errorTypes = textField(AuditFields.ERROR_TYPE);
    private final FieldTextCache errorMessages = textField(AuditFields.ERROR_MESSAGE);
    private final FieldTextCache values = textField(AuditFields.VALUE);
    private final FieldTextCache kinds = textField(AuditFields.KIND);
    private long previousHash;
    private long events;
    private long bytes;
    private boolean closed;

    /// Writes to `out` (which this writer closes), starting with `header`.
    public AuditLogWriter(OutputStream out, AuditHeader header) {
        this.out = out;
        writeHeader(header);
        flush();
    }

    /// Creates (or replaces) `file` and writes `header` to it.
    public AuditLogWriter(Path file, AuditHeader header) throws IOException {
        this(Files.newOutputStream(file), header);
    }

    /// The same as `new AuditLogWriter(file, header)`.
    public static AuditLogWriter open(Path file, AuditHeader header) throws IOException {
        return new AuditLogWriter(file, header);
    }

    private void writeHeader(AuditHeader h) {
        String start = h.start().toString();
        ensure(FIXED_BOUND + JsonLineEncoder.bound(h.format()) + JsonLineEncoder.bound(h.runId())
                + JsonLineEncoder.bound(h.scenario()) + JsonLineEncoder.bound(start)
                + JsonLineEncoder.bound(h.engineVersion()) + JsonLineEncoder.bound(h.clock())
                + JsonLineEncoder.bound(h.label()));
        int lineStart = enc.pos;
        byte[][] k = AuditFields.HEADER_KEYS;
        enc.key(k[AuditFields.H_FORMAT]);
        enc.string(h.format());
        enc.key(k[AuditFields.H_VERSION]);
        enc.number(h.version());
        enc.key(k[AuditFields.H_RUN_ID]);
        enc.string(h.runId());
        enc.key(k[AuditFields.H_SCENARIO]);
        enc.string(h.scenario());
        enc.key(k[AuditFields.H_START]);
        enc.string(start);
        enc.key(k[AuditFields.H_ENGINE]);
        enc.string(h.engineVersion());
        enc.key(k[AuditFields.H_CLOCK]);
        enc.string(h.clock());
        enc.key(k[AuditFields.H_SEED]);
        enc.number(h.seed());
        if (h.label() != null) {
            enc.key(k[AuditFields.H_LABEL]);
            enc.string(h.label());
        }
        enc.key(k[AuditFields.H_CHAIN]);
        enc.string(ChainHash.ALGORITHM);
        endLine(lineStart);
    }

    /// Reads each event in place from the bus's ring (see `EventSink.readsEventViews`): the line is made from the
    /// slot's fields, with no `Event` built for it (building one was most of the writer thread's time behind a
    /// pool batch with the audit log). The bytes are the same either way: `onEvent` writes through this method.
    @Override
    public boolean readsEventViews() {
        return true;
    }

    @Override
    public void onEvent(Event e) {
        onEventView(e);
    }

    @Override
    public void onEventView(EventView e) {
        if (closed) {
            throw new IllegalStateException("audit log writer is closed");
        }
        ensure(FIXED_BOUND + JsonLineEncoder.bound(e.name()) + JsonLineEncoder.bound(e.worker())
                + JsonLineEncoder.bound(e.errorType()) + JsonLineEncoder.bound(e.errorMessage())
                + JsonLineEncoder.bound(e.value()) + JsonLineEncoder.bound(e.kind()));
        JsonLineEncoder w = enc;
        JsonLineEncoder.Packed[] k = AuditFields.PACKED_KEYS;
        int lineStart = w.pos;
        w.key(k[AuditFields.SEQ]);
        w.number(e.seq());
        w.key(k[AuditFields.T]);
        w.number(e.t());
        w.key(k[AuditFields.TYPE]);
        w.key(AuditFields.PACKED_TYPES[e.type().ordinal()]);
        if (e.id() != 0) {
            w.key(k[AuditFields.ID]);
            w.number(e.id());
        }
        if (e.attempt() != 0) {
            w.key(k[AuditFields.ATTEMPT]);
            w.number(e.attempt());
        }
        if (e.group() != 0) {
            w.key(k[AuditFields.GROUP]);
            w.number(e.group());
        }
        optionalString(names, e.name());
        optionalString(workers, e.worker());
        if (e.duration() != -1) {
            w.key(k[AuditFields.DURATION]);
            w.number(e.duration());
        }
        optionalString(errorTypes, e.errorType());
        optionalString(errorMessages, e.errorMessage());
        optionalString(values, e.value());
        if (e.queueDepth() != -1) {
            w.key(k[AuditFields.QUEUE_DEPTH]);
            w.number(e.queueDepth());
        }
        optionalString(kinds, e.kind());
        if (e.parentGroup() != 0) {
            w.key(k[AuditFields.PARENT_GROUP]);
            w.number(e.parentGroup());
        }
        if (e.seed() != 0) {
            w.key(k[AuditFields.SEED]);
            w.number(e.seed());
        }
        if (e.poolSize() != -1) {
            w.key(k[AuditFields.POOL_SIZE]);
            w.number(e.poolSize());
        }
        endLine(lineStart);
        events++;
    }

    private void optionalString(FieldTextCache field, String value) {
        if (value != null) {
            field.write(enc, value);
        }
    }

    private static FieldTextCache textField(int field) {
        return new FieldTextCache(AuditFields.RECORD_KEYS[field]);
    }

    /// Chains the line begun at `lineStart` to the previous one and closes it.
    private void endLine(int lineStart) {
        long h = ChainHash.hash(previousHash, enc.buf, lineStart, enc.pos - lineStart);
        previousHash = h;
        enc.raw(HASH_KEY);
        ChainHash.writeHex(h, enc.buf, enc.pos);
        enc.pos += 16;
        enc.raw(LINE_END);
    }

    /// Makes room for a whole line, so the buffer only ever goes to the file in whole lines.
    private void ensure(int bound) {
        if (enc.pos + bound > enc.buf.length) {
            flush();
            if (bound > enc.buf.length) {
                enc.grow(bound);
            }
        }
    }

    @Override
    public void onBatchEnd() {
        flush();
    }

    @Override
    public void onClose() {
        close();
    }

    /// Hands the buffered whole lines to the file.
    public void flush() {
        if (enc.pos == 0) {
            return;
        }
        try {
            out.write(enc.buf, 0, enc.pos);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit log: " + e.getMessage(), e);
        }
        bytes += enc.pos;
        enc.pos = 0;
    }

    /// Events written so far (the header not counted).
    public long eventsWritten() {
        return events;
    }

    /// Bytes handed to the file so far, header included.
    public long bytesWritten() {
        return bytes;
    }

    /// Flushes and closes the file. Idempotent.
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            flush();
        } finally {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close the audit log: " + e.getMessage(), e);
            }
        }
    }
}
