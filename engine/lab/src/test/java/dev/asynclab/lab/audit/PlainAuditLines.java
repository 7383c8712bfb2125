package dev.asynclab.lab.audit;

import dev.asynclab.engine.event.Event;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/// The audit log of docs/audit-log.md formatted the plain way — a `StringBuilder` per line, `Long.toString`,
/// escapes spelled out, then the charset's encoder — as the reference the writer's fast path is held to.
final class PlainAuditLines {

    private PlainAuditLines() {
    }

    /// The whole log: the header line and one line per event, each with its chained hash.
    static byte[] of(AuditHeader h, List<Event> events) {
        var out = new ByteArrayOutputStream();
        long previous = 0;
        var line = new StringBuilder();
        line.append("{\"format\":").append(quoted(h.format()))
                .append(",\"version\":").append(h.version())
                .append(",\"runId\":").append(quoted(h.runId()))
                .append(",\"scenario\":").append(quoted(h.scenario()))
                .append(",\"start\":").append(quoted(h.start().toString()))
                .append(",\"engine\":").append(quoted(h.engineVersion()))
                .append(",\"clock\":").append(quoted(h.clock()))
                .append(",\"seed\":").append(h.seed());
        if (h.label() != null) {
            line.append(",\"label\":").append(quoted(h.label()));
        }
        line.append(",\"chain\":\"xxh64\"");
        previous = chained(out, line, previous);
        for (Event e : events) {
            line.setLength(0);
            line.append("{\"seq\":").append(e.seq()).append(",\"t\":").append(e.t())
                    .append(",\"type\":\"").append(e.type().name()).append('"');
            number(line, "id", e.id(), 0);
            number(line, "attempt", e.attempt(), 0);
            number(line, "group", e.group(), 0);
            text(line, "name", e.name());
            text(line, "worker", e.worker());
            number(line, "duration", e.duration(), -1);
            text(line, "errorType", e.errorType());
            text(line, "errorMessage", e.errorMessage());
            text(line, "value", e.value());
            number(line, "queueDepth", e.queueDepth(), -1);
            text(line, "kind", e.kind());
            number(line, "parentGroup", e.parentGroup(), 0);
            number(line, "seed", e.seed(), 0);
            number(line, "poolSize", e.poolSize(), -1);
            previous = chained(out, line, previous);
        }
        return out.toByteArray();
    }

    private static void number(StringBuilder line, String key, long value, long absent) {
        if (value != absent) {
            line.append(",\"").append(key).append("\":").append(value);
        }
    }

    private static void text(StringBuilder line, String key, String value) {
        if (value != null) {
            line.append(",\"").append(key).append("\":").append(quoted(value));
        }
    }

    /// Hashes the line so far, seeded with the previous hash, appends the hash and the line end, and writes it.
    private static long chained(ByteArrayOutputStream out, StringBuilder line, long previous) {
        byte[] body = line.toString().getBytes(StandardCharsets.UTF_8);
        long h = ChainHash.hash(previous, body, 0, body.length);
        out.writeBytes(body);
        out.writeBytes((",\"h\":\"" + String.format("%016x", h) + "\"}\n").getBytes(StandardCharsets.US_ASCII));
        return h;
    }

    /// A JSON string: quotes, backslashes and control characters escaped, a lone surrogate as `\\uXXXX` (it has no
    /// UTF-8 form), everything else as it is.
    static String quoted(String s) {
        var b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1));
                    if (c < 0x20 || Character.isSurrogate(c) && !pair) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else if (pair) {
                        b.append(c).append(s.charAt(++i));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
