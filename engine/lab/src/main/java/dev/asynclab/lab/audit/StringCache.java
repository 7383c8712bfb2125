package dev.asynclab.lab.audit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/// Reuses the String for bytes seen before: names, workers and error types repeat across a million lines,
/// so this saves both time and memory. A small direct-mapped table; a collision simply replaces the slot.
final class StringCache {

    private static final int SLOTS = 1024;
    private static final int MAX_LENGTH = 48;

    private final byte[][] keys = new byte[SLOTS][];
    private final String[] values = new String[SLOTS];

    String get(byte[] buf, int start, int len, int hash, boolean ascii) {
        if (len > MAX_LENGTH) {
            return decode(buf, start, len, ascii);
        }
        int slot = (hash ^ hash >>> 16 ^ len) & (SLOTS - 1);
        byte[] k = keys[slot];
        if (k != null && same(k, buf, start, len)) {
            return values[slot];
        }
        String s = decode(buf, start, len, ascii);
        keys[slot] = Arrays.copyOfRange(buf, start, start + len);
        values[slot] = s;
        return s;
    }

    private static boolean same(byte[] k, byte[] buf, int start, int len) {
        if (k.length != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (k[i] != buf[start + i]) {
                return false;
            }
        }
        return true;
    }

    private static String decode(byte[] buf, int start, int len, boolean ascii) {
        return new String(buf, start, len, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }
}
