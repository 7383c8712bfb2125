package dev.asynclab.lab.audit;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/// Builds JSON lines straight into a growable byte buffer: the writer's hot path, no reflection, no
/// intermediate strings. Strings are written as UTF-8 with JSON escapes for quotes, backslashes, control
/// characters and lone surrogates (so every line is valid JSON and reads back to the same Java string).
final class JsonLineEncoder {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /// Bytes past the end of what is written that [#key(Packed)] may scribble on: every bound a caller makes room
    /// for must include them.
    static final int SCRATCH = 32;
    /// For each ASCII char: 0 = copy as is, 'u' = a six-character unicode escape, else the letter after the backslash.
    private static final byte[] ESCAPE = new byte[128];

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPE[c] = 'u';
        }
        ESCAPE['"'] = '"';
        ESCAPE['\\'] = '\\';
        ESCAPE['\n'] = 'n';
        ESCAPE['\r'] = 'r';
        ESCAPE['\t'] = 't';
        ESCAPE['\b'] = 'b';
        ESCAPE['\f'] = 'f';
    }

    private static final long[] POWERS_OF_TEN = new long[19];
    private static final byte[] DIGIT_TENS = new byte[100];
    private static final byte[] DIGIT_ONES = new byte[100];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
        for (int i = 0; i < 100; i++) {
            DIGIT_TENS[i] = (byte) ('0' + i / 10);
            DIGIT_ONES[i] = (byte) ('0' + i % 10);
        }
    }

    byte[] buf;
    int pos;

    JsonLineEncoder(int capacity) {
        buf = new byte[capacity];
    }

    /// Room a string needs at worst: 6 bytes per char (an escape), its quotes and key.
    static int bound(String s) {
        return s == null ? 0 : 6 * s.length() + 40;
    }

    void grow(int needed) {
        byte[] bigger = new byte[Math.max(buf.length * 2, pos + needed)];
        System.arraycopy(buf, 0, bigger, 0, pos);
        buf = bigger;
    }

    void raw(byte[] b) {
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
    }

    void raw(byte b) {
        buf[pos++] = b;
    }

    /// A key from [AuditFields#RECORD_KEYS] or [AuditFields#HEADER_KEYS]: `,"name":` (`{"name":` when first).
    void key(byte[] key) {
        System.arraycopy(key, 0, buf, pos, key.length);
        pos += key.length;
    }

    /// A short piece of fixed text (a key, a quoted type name, a key with a text the writer has seen before) packed
    /// into little-endian longs, padded with zeros. Written with four 8-byte stores whatever its length: for the 6 to
    /// 32 bytes of the writer's keys and fields that is fewer instructions than an array copy, the writer's most
    /// frequent operation.
    record Packed(long a, long b, long c, long d, int length) {

        /// The most bytes a `Packed` holds.
        static final int MAX = 32;

        /// Packs `text` (at most [#MAX] bytes).
        static Packed of(byte[] text) {
            if (text.length > MAX) {
                throw new IllegalArgumentException("at most " + MAX + " bytes: "
                        + new String(text, StandardCharsets.UTF_8));
            }
            return of(text, 0, text.length);
        }

        /// Packs `buf[off, off + len)`, `len` at most [#MAX].
        static Packed of(byte[] buf, int off, int len) {
            byte[] padded = java.util.Arrays.copyOfRange(buf, off, off + MAX);
            java.util.Arrays.fill(padded, len, MAX, (byte) 0);
            return new Packed((long) LONGS.get(padded, 0), (long) LONGS.get(padded, 8), (long) LONGS.get(padded, 16),
                    (long) LONGS.get(padded, 24), len);
        }
    }

    /// Writes `p`. The bytes stored past its end are scratch, overwritten by whatever is written next and never
    /// part of a line (a line ends at `pos`); the caller leaves [#SCRATCH] bytes of room for them.
    void key(Packed p) {
        byte[] b = buf;
        int at = pos;
        LONGS.set(b, at, p.a);
        LONGS.set(b, at + 8, p.b);
        LONGS.set(b, at + 16, p.c);
        LONGS.set(b, at + 24, p.d);
        pos = at + p.length;
    }

    void number(long v) {
        if (v < 0) {
            if (v == Long.MIN_VALUE) {
                raw(Long.toString(v).getBytes(StandardCharsets.US_ASCII));
                return;
            }
            buf[pos++] = '-';
            v = -v;
        }
        if (v < 10) { // attempt numbers, small queue depths: one byte
            buf[pos++] = (byte) ('0' + v);
        } else if (v < EIGHT_DIGITS) {
            digitsOf(eightDigits((int) v), digits(v));
        } else if (v < SIXTEEN_DIGITS) { // a real clock's `t`, a long duration: two blocks of eight
            long high = v / EIGHT_DIGITS;
            digitsOf(eightDigits((int) high), digits(high));
            digitsOf(eightDigits((int) (v - high * EIGHT_DIGITS)), 8);
        } else {
            longNumber(v);
        }
    }

    private static final long EIGHT_DIGITS = 100_000_000L;
    private static final long SIXTEEN_DIGITS = EIGHT_DIGITS * EIGHT_DIGITS;

    /// Writes the last `n` of the eight digits in `eight` (as [#eightDigits] makes them) with one 8-byte store: the
    /// leading zeros are shifted out, and the bytes past the `n`-th are scratch (see [#SCRATCH]).
    private void digitsOf(long eight, int n) {
        LONGS.set(buf, pos, eight >>> ((8 - n) << 3));
        pos += n;
    }

    /// The eight decimal digits of `x` (0 <= x < 10^8, leading zeros included) as ASCII in a little-endian long, the
    /// most significant digit in the lowest byte (so first in memory). All eight are found at once, SWAR style: x
    /// splits into two halves of four digits in 32-bit lanes, each into two of two digits in 16-bit lanes, each of
    /// those into tens and ones in bytes, dividing by 100 and by 10 with a multiply and a shift (exact for these
    /// ranges: n * 10486 >> 20 is n / 100 for n < 10^4, n * 103 >> 10 is n / 10 for n < 100). A digit per table
    /// lookup and two digits per division were a chain of dependent multiplies and loads per number, and numbers
    /// were the writer thread's largest cost in a profile of the pool batch with the audit log.
    static long eightDigits(int x) {
        int highHalf = x / 10_000;
        long merged = highHalf | (long) (x - highHalf * 10_000) << 32;
        long hundreds = merged * 10486 >>> 20 & (0x7FL << 32 | 0x7FL);
        long pairs = (merged - 100 * hundreds) << 16 | hundreds;
        long tens = pairs * 103 >>> 10 & 0x000F_000F_000F_000FL;
        long digits = tens | (pairs - 10 * tens) << 8;
        return digits + 0x3030_3030_3030_3030L;
    }

    /// Seventeen digits or more: rare (a clock reading far from its origin), so the plain loop.
    private void longNumber(long v) {
        int p = pos + digits(v);
        pos = p;
        byte[] b = buf;
        while (v >= 100) {
            long q = v / 100;
            int r = (int) (v - q * 100);
            b[--p] = DIGIT_ONES[r];
            b[--p] = DIGIT_TENS[r];
            v = q;
        }
        int r = (int) v;
        b[--p] = DIGIT_ONES[r];
        if (r >= 10) {
            b[--p] = DIGIT_TENS[r];
        }
    }

    /// Decimal digits of `v >= 0`, without a loop: the bit length times log10(2) (1233/4096) is the count or
    /// one less, and one comparison tells which.
    private static int digits(long v) {
        if (v == 0) {
            return 1;
        }
        int t = (64 - Long.numberOfLeadingZeros(v)) * 1233 >>> 12;
        return v >= POWERS_OF_TEN[t] ? t + 1 : t;
    }

    void string(String s) {
        byte[] b = buf;
        int p = pos;
        b[p++] = '"';
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                byte esc = ESCAPE[c];
                if (esc == 0) {
                    b[p++] = (byte) c;
                } else if (esc == 'u') {
                    p = unicodeEscape(b, p, c);
                } else {
                    b[p++] = '\\';
                    b[p++] = esc;
                }
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | c >> 6);
                b[p++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                b[p++] = (byte) (0xF0 | cp >> 18);
                b[p++] = (byte) (0x80 | cp >> 12 & 0x3F);
                b[p++] = (byte) (0x80 | cp >> 6 & 0x3F);
                b[p++] = (byte) (0x80 | cp & 0x3F);
            } else if (Character.isSurrogate(c)) {
                p = unicodeEscape(b, p, c); // a lone surrogate has no UTF-8 form; the escape keeps it exact
            } else {
                b[p++] = (byte) (0xE0 | c >> 12);
                b[p++] = (byte) (0x80 | c >> 6 & 0x3F);
                b[p++] = (byte) (0x80 | c & 0x3F);
            }
        }
        b[p++] = '"';
        pos = p;
    }

    private static int unicodeEscape(byte[] b, int p, char c) {
        b[p++] = '\\';
        b[p++] = 'u';
        b[p++] = HEX[c >> 12 & 0xF];
        b[p++] = HEX[c >> 8 & 0xF];
        b[p++] = HEX[c >> 4 & 0xF];
        b[p++] = HEX[c & 0xF];
        return p;
    }
}
