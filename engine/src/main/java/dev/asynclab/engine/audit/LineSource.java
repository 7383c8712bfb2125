package dev.asynclab.engine.audit;

import java.io.IOException;
import java.io.InputStream;

/// Splits a stream into lines without decoding them: after each `next()`, the line is `buf[start, end)`
/// (without its newline), `number` counts from 1, and `terminated` is false only for a last line that had no
/// newline, which is how a log cut mid-write ends.
final class LineSource {

    private final InputStream in;
    byte[] buf = new byte[1 << 20];
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

    boolean next() throws IOException {
        int scan = next;
        while (true) {
            byte[] b = buf;
            int f = filled;
            for (int i = scan; i < f; i++) {
                if (b[i] == '\n') {
                    start = next;
                    end = i;
                    next = i + 1;
                    number++;
                    terminated = true;
                    return true;
                }
            }
            scan = f;
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

    /// Moves the unfinished line to the front (growing the buffer when it fills it); returns the shift.
    private int compact() {
        int shift = next;
        if (shift > 0) {
            System.arraycopy(buf, shift, buf, 0, filled - shift);
            filled -= shift;
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
