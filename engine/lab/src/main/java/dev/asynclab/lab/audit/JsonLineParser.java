package dev.asynclab.lab.audit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/// Reads one flat JSON object (string, integer and null values) from a line of bytes, by hand: the reader's
/// hot path. Every failure is an [AuditLogException] naming the file, line and byte column and what was
/// expected there. Keys are matched against a table without making strings; short strings go through a
/// [StringCache] so a million events share their few names and workers.
///
/// Usage: `begin`, then `nextKey`/`keyIndex` and one value method per key until `nextKey` is false.
final class JsonLineParser {

    private final Path file;
    private final StringCache cache = new StringCache();
    private byte[] buf;
    private int pos;
    private int end;
    private int lineStart;
    private long line;
    private boolean first;
    private boolean closed;
    private int lastKey = -1;
    private int keyStart;
    private int keyEnd;
    /// Where the comma before the current key is (or the key's opening quote when it is the first).
    private int keyComma;
    private int valueStart;

    JsonLineParser(Path file) {
        this.file = file;
    }

    void begin(byte[] buf, int start, int end, long line) {
        this.buf = buf;
        this.pos = start;
        this.end = end;
        this.lineStart = start;
        this.line = line;
        this.first = true;
        this.closed = false;
        this.lastKey = -1;
        skipSpace();
        expect('{', "'{' (each line is one JSON object)");
    }

    /// Moves to the next key; false at the closing brace, after which only whitespace may follow.
    boolean nextKey() {
        if (closed) {
            return false;
        }
        skipSpace();
        if (pos < end && buf[pos] == '}') {
            pos++;
            closed = true;
            skipSpace();
            if (pos < end) {
                throw error("expected the end of the line after '}'");
            }
            return false;
        }
        keyComma = pos;
        if (!first) {
            expect(',', "',' or '}'");
            skipSpace();
        }
        first = false;
        if (pos >= end || buf[pos] != '"') {
            throw error("expected a field name in double quotes");
        }
        keyStart = ++pos;
        while (pos < end && buf[pos] != '"') {
            if (buf[pos] == '\\') {
                throw error("expected a plain field name (no escapes)");
            }
            pos++;
        }
        if (pos >= end) {
            throw error("expected '\"' closing the field name");
        }
        keyEnd = pos++;
        skipSpace();
        expect(':', "':' after the field name");
        skipSpace();
        valueStart = pos;
        return true;
    }

    /// The current key's index in `names`, or -1 when it is not one of them. The search starts after the
    /// previous match, because lines written by our writer have their keys in table order.
    int keyIndex(byte[][] names) {
        int len = keyEnd - keyStart;
        int n = names.length;
        int from = lastKey + 1 < n ? lastKey + 1 : 0;
        for (int j = 0; j < n; j++) {
            int i = from + j < n ? from + j : from + j - n;
            if (sameBytes(names[i], len)) {
                lastKey = i;
                return i;
            }
        }
        return -1;
    }

    /// A plain loop: for keys of a few bytes it beats `Arrays.equals`, whose vectorized setup dominates here.
    private boolean sameBytes(byte[] name, int len) {
        if (name.length != len) {
            return false;
        }
        byte[] b = buf;
        int k = keyStart;
        for (int j = 0; j < len; j++) {
            if (b[k + j] != name[j]) {
                return false;
            }
        }
        return true;
    }

    String key() {
        return new String(buf, keyStart, keyEnd - keyStart, StandardCharsets.UTF_8);
    }

    int keyCommaOffset() {
        return keyComma;
    }

    long longValue() {
        int start = pos;
        boolean negative = pos < end && buf[pos] == '-';
        if (negative) {
            pos++;
        }
        // Summed as a negative number, as Long.parseLong does: Long.MIN_VALUE has no positive counterpart, and
        // the writer writes any long.
        long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
        long v = 0;
        int digits = 0;
        while (pos < end) {
            int d = buf[pos] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            if (digits >= 18 && (v < limit / 10 || v * 10 < limit + d)) { // fewer digits cannot overflow
                pos = start;
                throw error("number too large for \"" + key() + "\"");
            }
            v = v * 10 - d;
            pos++;
            digits++;
        }
        if (digits == 0) {
            pos = start;
            throw error("expected an integer for \"" + key() + "\"");
        }
        if (pos < end && (buf[pos] == '.' || buf[pos] == 'e' || buf[pos] == 'E')) {
            throw error("expected an integer for \"" + key() + "\", not a fraction");
        }
        return negative ? v : -v;
    }

    int intValue() {
        int start = pos;
        long v = longValue();
        if (v != (int) v) {
            pos = start;
            throw error("number out of range for \"" + key() + "\"");
        }
        return (int) v;
    }

    /// A string, or null for the literal `null`.
    String stringValue() {
        if (pos + 4 <= end && buf[pos] == 'n' && buf[pos + 1] == 'u' && buf[pos + 2] == 'l' && buf[pos + 3] == 'l') {
            pos += 4;
            return null;
        }
        if (pos >= end || buf[pos] != '"') {
            throw error("expected a string in double quotes for \"" + key() + "\"");
        }
        int start = ++pos;
        int hash = 0;
        boolean ascii = true;
        while (pos < end) {
            byte b = buf[pos];
            if (b == '"') {
                String s = cache.get(buf, start, pos - start, hash, ascii);
                pos++;
                return s;
            }
            if (b == '\\') {
                return escapedString(start);
            }
            if (b >= 0 && b < 0x20) {
                throw error("expected '\\u00XX' for a control character in a string");
            }
            ascii &= b >= 0;
            hash = 31 * hash + b;
            pos++;
        }
        throw error("expected '\"' closing the string of \"" + key() + "\"");
    }

    private String escapedString(int start) {
        var sb = new StringBuilder(new String(buf, start, pos - start, StandardCharsets.UTF_8));
        int runStart = pos;
        while (pos < end) {
            byte b = buf[pos];
            if (b == '"') {
                sb.append(new String(buf, runStart, pos - runStart, StandardCharsets.UTF_8));
                pos++;
                return sb.toString();
            }
            if (b >= 0 && b < 0x20) {
                throw error("expected '\\u00XX' for a control character in a string");
            }
            if (b != '\\') {
                pos++;
                continue;
            }
            sb.append(new String(buf, runStart, pos - runStart, StandardCharsets.UTF_8));
            if (++pos >= end) {
                break;
            }
            char c = switch (buf[pos]) {
                case '"' -> '"';
                case '\\' -> '\\';
                case '/' -> '/';
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 't' -> '\t';
                case 'b' -> '\b';
                case 'f' -> '\f';
                case 'u' -> unicodeEscape();
                default -> throw error("expected an escape (\\\" \\\\ \\/ \\n \\r \\t \\b \\f \\uXXXX)");
            };
            sb.append(c);
            runStart = ++pos;
        }
        throw error("expected '\"' closing the string of \"" + key() + "\"");
    }

    private char unicodeEscape() {
        if (pos + 4 >= end) {
            throw error("expected 4 hex digits after \\u");
        }
        int v = 0;
        for (int i = 1; i <= 4; i++) {
            int d = Character.digit(buf[pos + i], 16);
            if (d < 0) {
                pos += i;
                throw error("expected 4 hex digits after \\u");
            }
            v = v << 4 | d;
        }
        pos += 4;
        return (char) v;
    }

    /// A 16-hex-digit hash in quotes.
    long hashValue() {
        if (pos + 18 > end || buf[pos] != '"' || buf[pos + 17] != '"') {
            throw error("expected the hash as 16 hex digits in double quotes");
        }
        long v = 0;
        for (int i = 1; i <= 16; i++) {
            int d = hexDigit(buf[pos + i]);
            if (d < 0) {
                pos += i;
                throw error("expected a hex digit in the hash");
            }
            v = v << 4 | d;
        }
        pos += 18;
        return v;
    }

    private static int hexDigit(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }

    /// Skips a value of a field this reader does not know (newer minor additions): a string, number or literal.
    void skipValue() {
        if (pos < end && buf[pos] == '"') {
            stringValue();
            return;
        }
        int start = pos;
        while (pos < end && buf[pos] != ',' && buf[pos] != '}' && buf[pos] != ' ') {
            byte b = buf[pos];
            if (b == '{' || b == '[') {
                throw error("expected a string, number or null for \"" + key() + "\" (values are never nested)");
            }
            pos++;
        }
        if (pos == start) {
            throw error("expected a value for \"" + key() + "\"");
        }
    }

    AuditLogException error(String expected) {
        return new AuditLogException(file, line, pos - lineStart + 1, expected);
    }

    /// An error pointing at the current key (its opening quote).
    AuditLogException errorAtKey(String problem) {
        return new AuditLogException(file, line, keyStart - lineStart, problem);
    }

    /// An error pointing at the current key's value.
    AuditLogException errorAtValue(String problem) {
        return new AuditLogException(file, line, valueStart - lineStart + 1, problem);
    }

    private void expect(char c, String what) {
        if (pos >= end) {
            throw error("expected " + what + " but the line ended");
        }
        if (buf[pos] != c) {
            throw error("expected " + what + " but found '" + printable(buf[pos]) + "'");
        }
        pos++;
    }

    private static String printable(byte b) {
        return b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("\\x%02x", b & 0xFF);
    }

    private void skipSpace() {
        while (pos < end) {
            byte b = buf[pos];
            if (b != ' ' && b != '\t' && b != '\r') {
                return;
            }
            pos++;
        }
    }
}
