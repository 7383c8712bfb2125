package dev.asynclab.lab.audit;

import dev.asynclab.engine.event.EventType;

import java.nio.charset.StandardCharsets;

/// The field names of format version 1, in the order the writer puts them (see docs/audit-log.md).
/// Readers accept any order, except that the hash `h` comes last. `kind`, `parentGroup`, `seed` and `poolSize`
/// came later within version 1: older readers skip them, and [LegacyStartValue] reads what older writers put
/// in `value` instead.
final class AuditFields {

    static final String[] RECORD = {"seq", "t", "type", "id", "attempt", "group", "name", "worker", "duration",
            "errorType", "errorMessage", "value", "queueDepth", "kind", "parentGroup", "seed", "poolSize", "h"};
    static final int SEQ = 0;
    static final int T = 1;
    static final int TYPE = 2;
    static final int ID = 3;
    static final int ATTEMPT = 4;
    static final int GROUP = 5;
    static final int NAME = 6;
    static final int WORKER = 7;
    static final int DURATION = 8;
    static final int ERROR_TYPE = 9;
    static final int ERROR_MESSAGE = 10;
    static final int VALUE = 11;
    static final int QUEUE_DEPTH = 12;
    static final int KIND = 13;
    static final int PARENT_GROUP = 14;
    static final int SEED = 15;
    static final int POOL_SIZE = 16;
    static final int HASH = 17;

    static final String[] HEADER = {"format", "version", "runId", "scenario", "start", "engine", "clock", "seed",
            "label", "chain", "h"};
    static final int H_FORMAT = 0;
    static final int H_VERSION = 1;
    static final int H_RUN_ID = 2;
    static final int H_SCENARIO = 3;
    static final int H_START = 4;
    static final int H_ENGINE = 5;
    static final int H_CLOCK = 6;
    static final int H_SEED = 7;
    static final int H_LABEL = 8;
    static final int H_CHAIN = 9;
    static final int H_HASH = 10;

    static final byte[][] RECORD_BYTES = ascii(RECORD);
    static final byte[][] HEADER_BYTES = ascii(HEADER);
    static final byte[][] TYPE_BYTES = ascii(typeNames());
    /// `,"name":` for each record field, `{"seq":` for the first: what the writer copies before each value.
    static final byte[][] RECORD_KEYS = keys(RECORD);
    static final byte[][] HEADER_KEYS = keys(HEADER);
    /// [#RECORD_KEYS] packed for the writer's hot path.
    static final JsonLineEncoder.Packed[] PACKED_KEYS = packed(RECORD_KEYS);
    /// Each type's name in quotes, `"STARTED"`, packed, by ordinal.
    static final JsonLineEncoder.Packed[] PACKED_TYPES = packed(quoted(TYPE_BYTES));

    private AuditFields() {
    }

    private static String[] typeNames() {
        EventType[] types = EventType.values();
        String[] names = new String[types.length];
        for (int i = 0; i < types.length; i++) {
            names[i] = types[i].name();
        }
        return names;
    }

    private static JsonLineEncoder.Packed[] packed(byte[][] texts) {
        var out = new JsonLineEncoder.Packed[texts.length];
        for (int i = 0; i < texts.length; i++) {
            out[i] = JsonLineEncoder.Packed.of(texts[i]);
        }
        return out;
    }

    private static byte[][] quoted(byte[][] texts) {
        byte[][] out = new byte[texts.length][];
        for (int i = 0; i < texts.length; i++) {
            out[i] = new byte[texts[i].length + 2];
            out[i][0] = '"';
            System.arraycopy(texts[i], 0, out[i], 1, texts[i].length);
            out[i][out[i].length - 1] = '"';
        }
        return out;
    }

    private static byte[][] keys(String[] names) {
        String[] keys = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            keys[i] = (i == 0 ? "{\"" : ",\"") + names[i] + "\":";
        }
        return ascii(keys);
    }

    private static byte[][] ascii(String[] names) {
        byte[][] out = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            out[i] = names[i].getBytes(StandardCharsets.US_ASCII);
        }
        return out;
    }
}
