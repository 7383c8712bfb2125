package dev.asynclab.lab.audit;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;

/// Decodes a record line written exactly as [AuditLogWriter] writes it — docs/audit-log.md's fields in the table's
/// order, no spaces, absent fields left out, plain strings, lowercase hash last, nothing after the `}` — straight
/// from its bytes, without the general [JsonLineParser]'s key search and its checks on every byte.
///
/// It only ever accepts: a line in any other form (spaces, another field order, an escape in a string, `null`, a
/// field it does not know, a number of 19 digits or more, an unknown type, anything malformed) it declines with
/// `null`, and [LineDecoder] reads that line with the general parser, which accepts every valid line and names the
/// column of any error. So whatever this returns, the general parser returns too for the same bytes
/// (`CanonicalRecordDecoderTest` holds it to that, for any event), and hand-edited or other producers' logs read as
/// before.
///
/// Not thread-safe: one per reader, as the parser.
final class CanonicalRecordDecoder {

    private static final byte[][] KEYS = AuditFields.RECORD_KEYS;
    /// Each event type's name, by ordinal.
    private static final byte[][] TYPES = AuditFields.TYPE_BYTES;
    private static final EventType[] TYPE_VALUES = EventType.values();
    private static final int FIRST_OF_VERSION_2 = EventType.CIRCUIT_OPENED.ordinal();
    private static final int MAX_DIGITS = 18; // 18 decimal digits cannot overflow a long
    /// The value of each lowercase hex digit by byte, -1 for any other byte (the writer prints lowercase only).
    private static final byte[] HEX = hexTable();
    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles
            .byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_NIBBLES = 0xF0F0F0F0F0F0F0F0L;
    private static final long ZEROS = 0x3030303030303030L;
    private static final long SIXES = 0x0606060606060606L;
    /// Each record key's first and second eight bytes as little-endian words, and the masks of the bytes the key
    /// fills in each (every key is at most 16 bytes): [#key] compares two words instead of up to 16 bytes one by
    /// one (it was the reading thread's second method, 28 of its 135 samples, in a JFR profile of a 1 M-event open).
    private static final long[] KEY_LOW = new long[KEYS.length];
    private static final long[] KEY_HIGH = new long[KEYS.length];
    private static final long[] KEY_LOW_MASK = new long[KEYS.length];
    private static final long[] KEY_HIGH_MASK = new long[KEYS.length];

    static {
        for (int f = 0; f < KEYS.length; f++) {
            byte[] k = KEYS[f];
            if (k.length > 16) {
                throw new ExceptionInInitializerError("a record key longer than 16 bytes: " + new String(k,
                        java.nio.charset.StandardCharsets.US_ASCII));
            }
            for (int i = 0; i < k.length; i++) {
                long b = (k[i] & 0xFFL) << ((i & 7) << 3);
                long m = 0xFFL << ((i & 7) << 3);
                if (i < 8) {
                    KEY_LOW[f] |= b;
                    KEY_LOW_MASK[f] |= m;
                } else {
                    KEY_HIGH[f] |= b;
                    KEY_HIGH_MASK[f] |= m;
                }
            }
        }
    }

    private static final long[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000,
            100_000_000};

    private final StringCache cache = new StringCache();
    private int pos;
    private int hashedEnd;
    private long declaredHash;

    /// End (exclusive) of the bytes the last decoded line's hash covers: the comma before `"h"`.
    int hashedEnd() {
        return hashedEnd;
    }

    long declaredHash() {
        return declaredHash;
    }

    /// The event on `buf[start, end)` (a line without its newline) when it is in the writer's exact form and valid
    /// for `formatVersion`; null otherwise, for the general parser to read or reject.
    Event decode(byte[] buf, int start, int end, int formatVersion) {
        pos = start;
        if (!key(buf, end, AuditFields.SEQ)) {
            return null;
        }
        long seq = number(buf, end);
        if (pos < 0 || !key(buf, end, AuditFields.T)) {
            return null;
        }
        long t = number(buf, end);
        if (pos < 0 || !key(buf, end, AuditFields.TYPE)) {
            return null;
        }
        int typeOrdinal = type(buf, end);
        if (typeOrdinal < 0 || (formatVersion < 2 && typeOrdinal >= FIRST_OF_VERSION_2)) {
            return null; // the general parser names what is wrong with it
        }
        long id = 0;
        long attempt = 0;
        long group = 0;
        String name = null;
        String worker = null;
        long duration = -1;
        String errorType = null;
        String errorMessage = null;
        String value = null;
        long queueDepth = -1;
        String kind = null;
        long parentGroup = 0;
        long seed = 0;
        long poolSize = -1;
        int field = AuditFields.ID;
        while (true) {
            while (field < AuditFields.HASH && !key(buf, end, field)) {
                field++;
            }
            if (field == AuditFields.HASH) {
                break;
            }
            switch (field) {
                case AuditFields.ID -> id = number(buf, end);
                case AuditFields.ATTEMPT -> attempt = number(buf, end);
                case AuditFields.GROUP -> group = number(buf, end);
                case AuditFields.NAME -> name = string(buf, end);
                case AuditFields.WORKER -> worker = string(buf, end);
                case AuditFields.DURATION -> duration = number(buf, end);
                case AuditFields.ERROR_TYPE -> errorType = string(buf, end);
                case AuditFields.ERROR_MESSAGE -> errorMessage = string(buf, end);
                case AuditFields.VALUE -> value = string(buf, end);
                case AuditFields.QUEUE_DEPTH -> queueDepth = number(buf, end);
                case AuditFields.KIND -> kind = string(buf, end);
                case AuditFields.PARENT_GROUP -> parentGroup = number(buf, end);
                case AuditFields.SEED -> seed = number(buf, end);
                default -> poolSize = number(buf, end);
            }
            if (pos < 0) {
                return null;
            }
            field++;
        }
        if (attempt != (int) attempt || queueDepth != (int) queueDepth || poolSize != (int) poolSize
                || !hash(buf, end)) {
            return null;
        }
        EventType type = TYPE_VALUES[typeOrdinal];
        Event e = new Event(seq, t, type, id, (int) attempt, group, name, worker, duration, errorType, errorMessage,
                value, (int) queueDepth, kind, parentGroup, seed, (int) poolSize);
        // Only the two start types can carry the older untyped form; asking first keeps the common event out of it.
        boolean startType = type == EventType.RUN_STARTED || type == EventType.GROUP_STARTED;
        return startType && kind == null && value != null ? LegacyStartValue.typed(e) : e;
    }

    /// Moves past field `field`'s key (`,"name":`, or `{"seq":` for the first) when it is next.
    private boolean key(byte[] b, int end, int field) {
        byte[] k = KEYS[field];
        int p = pos;
        if (p + k.length > end) {
            return false;
        }
        if (p + 16 <= end) {
            // Bytes past the key but within the line may be read: the masks drop them.
            if ((((long) LONGS.get(b, p) ^ KEY_LOW[field]) & KEY_LOW_MASK[field]) != 0
                    || (((long) LONGS.get(b, p + 8) ^ KEY_HIGH[field]) & KEY_HIGH_MASK[field]) != 0) {
                return false;
            }
            pos = p + k.length;
            return true;
        }
        for (int i = 0; i < k.length; i++) {
            if (b[p + i] != k[i]) {
                return false;
            }
        }
        pos = p + k.length;
        return true;
    }

    /// A plain decimal integer of 1 to 18 digits, optionally negative; sets `pos` to -1 when there is none (or a
    /// longer one, which the general parser checks for overflow). Eight bytes at a time while eight are left
    /// ([#digitsIn], [#valueOf]): a profile of a 10 M-event open had a quarter of the reading thread here, one digit
    /// at a time, a multiply waiting on the one before.
    private long number(byte[] b, int end) {
        int p = pos;
        boolean negative = p < end && b[p] == '-';
        if (negative) {
            p++;
        }
        int first = p;
        long v = 0;
        boolean more = true;
        while (more && p + 8 <= end) {
            long word = (long) LONGS.get(b, p);
            int n = digitsIn(word);
            if (n > 0) {
                v = v * POWERS_OF_TEN[n] + valueOf(word, n);
                p += n;
            }
            more = n == 8;
        }
        while (more && p < end) {
            int d = b[p] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            v = v * 10 + d;
            p++;
        }
        int digits = p - first;
        if (digits == 0 || digits > MAX_DIGITS) {
            pos = -1;
            return 0;
        }
        pos = p;
        return negative ? -v : v;
    }

    /// How many of the eight bytes of `word` (the first in its lowest byte) are decimal digits before the first
    /// that is not. A byte is a digit when its high nibble is 3 and adding 6 leaves it 3 (its low nibble is at most
    /// 9); a carry out of a lower byte that is not a digit can spoil only the bytes above it, so the lowest flagged
    /// byte is always exact.
    static int digitsIn(long word) {
        long notDigit = ((word & HIGH_NIBBLES) ^ ZEROS) | (((word + SIXES) & HIGH_NIBBLES) ^ ZEROS);
        return notDigit == 0 ? 8 : Long.numberOfTrailingZeros(notDigit) >>> 3;
    }

    /// The value of the first `n` (1 to 8) digits of `word`: shifted up so that they end in its highest byte, with
    /// zero bytes (zero digits) below, then combined pairwise (Lemire's eight-digit multiplication).
    static long valueOf(long word, int n) {
        long v = (word << ((8 - n) << 3)) & 0x0F0F0F0F0F0F0F0FL;
        v = (v * 10 + (v >>> 8)) & 0x00FF00FF00FF00FFL;
        v = (v * 100 + (v >>> 16)) & 0x0000FFFF0000FFFFL;
        return (v * 10_000 + (v >>> 32)) & 0xFFFFFFFFL;
    }

    /// A string with no escape and no control character, through the same cache of repeated strings as the parser;
    /// sets `pos` to -1 for any other.
    private String string(byte[] b, int end) {
        int p = pos;
        if (p >= end || b[p] != '"') {
            pos = -1;
            return null;
        }
        int start = ++p;
        int hash = 0;
        boolean ascii = true;
        while (p < end) {
            byte c = b[p];
            if (c == '"') {
                pos = p + 1;
                return cache.get(b, start, p - start, hash, ascii);
            }
            if (c == '\\' || (c >= 0 && c < 0x20)) {
                break;
            }
            ascii &= c >= 0;
            hash = 31 * hash + c;
            p++;
        }
        pos = -1;
        return null;
    }

    /// The type's ordinal, from its quoted name; -1 when it is none.
    private int type(byte[] b, int end) {
        int p = pos;
        if (p >= end || b[p] != '"') {
            return -1;
        }
        int close = p + 1;
        while (close < end && b[close] != '"') {
            close++;
        }
        if (close >= end) {
            return -1;
        }
        int len = close - p - 1;
        for (int ordinal = 0; ordinal < TYPES.length; ordinal++) {
            byte[] name = TYPES[ordinal];
            if (name.length == len && sameBytes(name, b, p + 1)) {
                pos = close + 1;
                return ordinal;
            }
        }
        return -1;
    }

    private static boolean sameBytes(byte[] name, byte[] b, int at) {
        for (int i = 0; i < name.length; i++) {
            if (b[at + i] != name[i]) {
                return false;
            }
        }
        return true;
    }

    /// `,"h":"` 16 lowercase hex digits `"}`, ending the line.
    private boolean hash(byte[] b, int end) {
        int comma = pos;
        if (!key(b, end, AuditFields.HASH)) {
            return false;
        }
        int p = pos;
        if (p + 19 != end || b[p] != '"' || b[p + 17] != '"' || b[p + 18] != '}') {
            return false;
        }
        long v = 0;
        for (int i = p + 1; i <= p + 16; i++) {
            int d = HEX[b[i] & 0xFF];
            if (d < 0) {
                return false;
            }
            v = v << 4 | d;
        }
        hashedEnd = comma;
        declaredHash = v;
        return true;
    }

    private static byte[] hexTable() {
        byte[] t = new byte[256];
        java.util.Arrays.fill(t, (byte) -1);
        for (int d = 0; d < 10; d++) {
            t['0' + d] = (byte) d;
        }
        for (int d = 0; d < 6; d++) {
            t['a' + d] = (byte) (10 + d);
        }
        return t;
    }
}
