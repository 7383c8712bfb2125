package dev.asynclab.lab.audit;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/// Turns one line of an audit log into an [AuditHeader] or an [Event], and remembers what the hash chain
/// needs from it: where the hashed bytes end (just before `,"h":`) and the hash the line declares.
final class LineDecoder {

    private static final java.util.Map<String, EventType> TYPES = typesByName();

    /// The first event type that format version 2 added (the resilience policies' events).
    private static final EventType FIRST_OF_VERSION_2 = EventType.CIRCUIT_OPENED;

    private final JsonLineParser p;
    /// Reads the lines in the writer's exact form; whatever it declines goes to the general parser `p`.
    private final CanonicalRecordDecoder canonical = new CanonicalRecordDecoder();
    /// The version the header declared: a version-1 log cannot hold the types version 2 added.
    private int formatVersion = AuditHeader.VERSION;
    private int hashedEnd;
    private long declaredHash;

    LineDecoder(Path file) {
        this.p = new JsonLineParser(file);
    }

    /// A decoder for the records of a log whose header, already read by another, declared `formatVersion`.
    LineDecoder(Path file, int formatVersion) {
        this(file);
        this.formatVersion = formatVersion;
    }

    private static java.util.Map<String, EventType> typesByName() {
        var map = new java.util.HashMap<String, EventType>();
        for (EventType type : EventType.values()) {
            map.put(type.name(), type);
        }
        return map;
    }

    /// End (exclusive) of the bytes the last decoded line's hash covers.
    int hashedEnd() {
        return hashedEnd;
    }

    long declaredHash() {
        return declaredHash;
    }

    /// The event on `buf[start, end)`, line number `line`: from the fast path when the line is exactly as the
    /// writer writes it, else from the general parser (which names file, line and column of anything wrong).
    Event record(byte[] buf, int start, int end, long line) {
        Event e = canonical.decode(buf, start, end, formatVersion);
        if (e != null) {
            hashedEnd = canonical.hashedEnd();
            declaredHash = canonical.declaredHash();
            return e;
        }
        return parsedRecord(buf, start, end, line);
    }

    /// The event on the line as the general parser reads it, whatever its form.
    Event parsedRecord(byte[] buf, int start, int end, long line) {
        p.begin(buf, start, end, line);
        long seq = -1;
        long t = -1;
        EventType type = null;
        long id = 0;
        int attempt = 0;
        long group = 0;
        String name = null;
        String worker = null;
        long duration = -1;
        String errorType = null;
        String errorMessage = null;
        String value = null;
        int queueDepth = -1;
        String kind = null;
        long parentGroup = 0;
        long seed = 0;
        int poolSize = -1;
        int seen = 0;
        while (p.nextKey()) {
            int k = p.keyIndex(AuditFields.RECORD_BYTES);
            if (k >= 0) {
                seen |= 1 << k;
            }
            switch (k) {
                case AuditFields.SEQ -> seq = p.longValue();
                case AuditFields.T -> t = p.longValue();
                case AuditFields.TYPE -> type = type();
                case AuditFields.ID -> id = p.longValue();
                case AuditFields.ATTEMPT -> attempt = p.intValue();
                case AuditFields.GROUP -> group = p.longValue();
                case AuditFields.NAME -> name = p.stringValue();
                case AuditFields.WORKER -> worker = p.stringValue();
                case AuditFields.DURATION -> duration = p.longValue();
                case AuditFields.ERROR_TYPE -> errorType = p.stringValue();
                case AuditFields.ERROR_MESSAGE -> errorMessage = p.stringValue();
                case AuditFields.VALUE -> value = p.stringValue();
                case AuditFields.QUEUE_DEPTH -> queueDepth = p.intValue();
                case AuditFields.KIND -> kind = p.stringValue();
                case AuditFields.PARENT_GROUP -> parentGroup = p.longValue();
                case AuditFields.SEED -> seed = p.longValue();
                case AuditFields.POOL_SIZE -> poolSize = p.intValue();
                case AuditFields.HASH -> readHash();
                default -> p.skipValue();
            }
        }
        requireFields(seen, line, AuditFields.SEQ, AuditFields.T, AuditFields.TYPE, AuditFields.HASH);
        Event e = new Event(seq, t, type, id, attempt, group, name, worker, duration, errorType, errorMessage, value,
                queueDepth, kind, parentGroup, seed, poolSize);
        return kind == null && value != null ? LegacyStartValue.typed(e) : e;
    }

    private EventType type() {
        String s = p.stringValue();
        EventType type = s == null ? null : TYPES.get(s);
        if (type != null && formatVersion < 2 && type.ordinal() >= FIRST_OF_VERSION_2.ordinal()) {
            throw p.errorAtValue("event type \"" + s + "\" is new in format version 2, but the header says version "
                    + formatVersion);
        }
        if (type != null) {
            return type;
        }
        throw p.errorAtValue("unknown event type " + (s == null ? "null" : '"' + s + '"')
                + "; expected one of " + java.util.Arrays.toString(EventType.values()));
    }

    private void readHash() {
        hashedEnd = p.keyCommaOffset();
        declaredHash = p.hashValue();
        if (p.nextKey()) {
            throw p.errorAtKey("expected '}' after the hash \"h\": it must be the last field");
        }
    }

    private void requireFields(int seen, long line, int... fields) {
        for (int f : fields) {
            if ((seen & 1 << f) == 0) {
                throw p.error("expected the field \"" + AuditFields.RECORD[f] + "\" in every record");
            }
        }
    }

    AuditHeader header(byte[] buf, int start, int end, long line) {
        p.begin(buf, start, end, line);
        String format = null;
        long version = -1;
        String runId = null;
        String scenario = null;
        Instant startTime = null;
        String engine = null;
        String clock = null;
        long seed = 0;
        String label = null;
        boolean hashed = false;
        while (p.nextKey()) {
            switch (p.keyIndex(AuditFields.HEADER_BYTES)) {
                case AuditFields.H_FORMAT -> {
                    format = p.stringValue();
                    if (!AuditHeader.FORMAT.equals(format)) {
                        throw p.errorAtValue("expected \"format\":\"" + AuditHeader.FORMAT + "\": this is not an "
                                + "Async Lab audit log");
                    }
                }
                case AuditFields.H_VERSION -> {
                    version = p.longValue();
                    if (version < 1 || version > AuditHeader.VERSION) {
                        throw p.errorAtValue("unsupported format version " + version + "; this reader knows "
                                + "version 1 to " + AuditHeader.VERSION);
                    }
                }
                case AuditFields.H_RUN_ID -> runId = p.stringValue();
                case AuditFields.H_SCENARIO -> scenario = p.stringValue();
                case AuditFields.H_START -> startTime = instant();
                case AuditFields.H_ENGINE -> engine = p.stringValue();
                case AuditFields.H_CLOCK -> clock = p.stringValue();
                case AuditFields.H_SEED -> seed = p.longValue();
                case AuditFields.H_LABEL -> label = p.stringValue();
                case AuditFields.H_CHAIN -> {
                    String chain = p.stringValue();
                    if (!ChainHash.ALGORITHM.equals(chain)) {
                        throw p.errorAtValue("unsupported hash chain \"" + chain + "\"; expected \""
                                + ChainHash.ALGORITHM + "\"");
                    }
                }
                case AuditFields.H_HASH -> {
                    readHash();
                    hashed = true;
                }
                default -> p.skipValue();
            }
        }
        if (format == null) {
            throw p.error("expected the header (\"format\":\"" + AuditHeader.FORMAT + "\") on the first line");
        }
        requireHeader(version >= 0, "version");
        requireHeader(runId != null, "runId");
        requireHeader(scenario != null, "scenario");
        requireHeader(startTime != null, "start");
        requireHeader(engine != null, "engine");
        requireHeader(clock != null, "clock");
        requireHeader(hashed, "h");
        formatVersion = (int) version;
        return new AuditHeader(format, (int) version, runId, scenario, startTime, engine, clock, seed, label);
    }

    private void requireHeader(boolean present, String field) {
        if (!present) {
            throw p.error("expected the field \"" + field + "\" in the header");
        }
    }

    private Instant instant() {
        String s = p.stringValue();
        try {
            return Instant.parse(s == null ? "" : s);
        } catch (DateTimeParseException e) {
            throw p.errorAtValue("expected \"start\" as an ISO-8601 instant such as 2026-11-24T14:15:15.123Z, found \""
                    + s + "\"");
        }
    }
}
