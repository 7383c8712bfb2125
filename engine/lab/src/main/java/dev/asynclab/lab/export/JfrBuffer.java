package dev.asynclab.lab.export;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/// A growable byte buffer in the encodings of the JFR file format: integers as unsigned LEB128 (7 bits a byte,
/// low first, high bit set on all bytes but the last; the ninth byte of a long keeps all 8 bits), strings as an
/// encoding byte then length and bytes.
final class JfrBuffer {

    /// String encodings (`jdk.jfr.internal.consumer.StringParser.Encoding`).
    private static final byte STRING_NULL = 0;
    private static final byte STRING_EMPTY = 1;
    private static final byte STRING_UTF8 = 3;

    private byte[] bytes = new byte[256];
    private int size;

    JfrBuffer clear() {
        size = 0;
        return this;
    }

    int size() {
        return size;
    }

    byte[] array() {
        return bytes;
    }

    JfrBuffer putByte(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
        return this;
    }

    JfrBuffer putBoolean(boolean b) {
        return putByte(b ? 1 : 0);
    }

    /// A long (or int, char, short) as the reader's `readLong` takes it.
    JfrBuffer putVarLong(long v) {
        ensure(9);
        for (int i = 0; i < 8; i++) {
            if ((v & ~0x7FL) == 0) {
                bytes[size++] = (byte) v;
                return this;
            }
            bytes[size++] = (byte) (v & 0x7F | 0x80);
            v >>>= 7;
        }
        bytes[size++] = (byte) v;
        return this;
    }

    JfrBuffer putString(String s) {
        if (s == null) {
            return putByte(STRING_NULL);
        }
        if (s.isEmpty()) {
            return putByte(STRING_EMPTY);
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        putByte(STRING_UTF8).putVarLong(utf8.length);
        ensure(utf8.length);
        System.arraycopy(utf8, 0, bytes, size, utf8.length);
        size += utf8.length;
        return this;
    }

    JfrBuffer putBytes(byte[] src, int from, int length) {
        ensure(length);
        System.arraycopy(src, from, bytes, size, length);
        size += length;
        return this;
    }

    /// How many bytes [#putVarLong] takes for `v`.
    static int varLongSize(long v) {
        int n = 1;
        while ((v & ~0x7FL) != 0 && n < 9) {
            v >>>= 7;
            n++;
        }
        return n;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
