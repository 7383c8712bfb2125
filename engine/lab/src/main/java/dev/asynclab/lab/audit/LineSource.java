package dev.asynclab.lab.audit;

import java.io.IOException;
import java.io.InputStream;

/// Splits a stream into lines without decoding them: after each `next()`, the line is `buf[start, end)`
/// (without its newline), `number` counts from 1, and `terminated` is false only for a last line that had no
/// newline, which is how a log cut mid-write ends.
final class LineSource {

    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles
            .byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private final InputStream in;
    byte[] buf = new byte[1 << 20];
    /// The file offset of `buf[0]`: bytes dropped from the front by compacting, plus where the stream started.
    long base;
    int start;
    int end;
    long number;
    boolean terminated;
    private int filled;
    private int next;
    private boolean eof;

    LineSource(InputStream in) {
        this.in = in;
    }

    /// The file offset of the current line's first byte.
    long offset() {
        return base + start;
    }

    /// The file offset of the byte after the current line's newline: where the next line starts.
    long nextOffset() {
        return base + next;
    }

    /// Forgets what is buffered: the stream now reads from file offset `offset`, where line `number + 1` starts.
    void restart(long offset, long number) {
        base = offset;
        this.number = number;
        filled = 0;
        next = 0;
        start = 0;
        end = 0;
        eof = false;
    }

    boolean next() throws IOException {
        int scan = next;
        while (true) {
            int i = indexOfNewline(buf, scan, filled);
            if (i >= 0) {
                start = next;
                end = i;
                next = i + 1;
                number++;
                terminated = true;
                return true;
            }
            scan = filled;
            if (eof) {
                if (next < filled) {
                    start = next;
                    end = filled;
                    next = filled;
                    number++;
                    terminated = false;
                    return true;
                }
                return false;
            }
            scan -= compact();
            int n = in.read(buf, filled, buf.length - filled);
            if (n < 0) {
                eof = true;
            } else {
                filled += n;
            }
        }
    }

    /// The first `\n` in `b[from, to)`, or -1. Eight bytes at a time: a byte equal to `\n` becomes zero after
    /// the XOR, and `(v - 0x01..) & ~v & 0x80..` flags zero bytes; the lowest flag is always exact.
    static int indexOfNewline(byte[] b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long v = (long) LONGS.get(b, i) ^ NEWLINES;
            long zero = (v - ONES) & ~v & HIGHS;
            if (zero != 0) {
                return i + (Long.numberOfTrailingZeros(zero) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /// Moves the unfinished line to the front (growing the buffer when it fills it); returns the shift.
    private int compact() {
        int shift = next;
        if (shift > 0) {
            System.arraycopy(buf, shift, buf, 0, filled - shift);
            filled -= shift;
            base += shift;
            next = 0;
        } else if (filled == buf.length) {
            buf = java.util.Arrays.copyOf(buf, buf.length * 2);
        }
        return shift;
    }

    /// True when `buf[start, end)` holds only whitespace.
    boolean blank() {
        for (int i = start; i < end; i++) {
            byte c = buf[i];
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }
}
