package dev.asynclab.lab.audit;

import java.util.Arrays;

/// An open-addressing map from long keys (invocation ids, never [#EMPTY]) to long values: the verifier keeps
/// one entry per invocation of a million-event log, where boxed maps would cost ten times the memory.
final class LongLongMap {

    static final long EMPTY = Long.MIN_VALUE;
    static final long MISSING = Long.MIN_VALUE;

    private long[] keys = newKeys(1 << 10);
    private long[] values = new long[1 << 10];
    private int size;

    private static long[] newKeys(int n) {
        long[] k = new long[n];
        Arrays.fill(k, EMPTY);
        return k;
    }

    /// The value for `key`, or [#MISSING].
    long get(long key) {
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == key) {
                return values[i];
            }
            if (k == EMPTY) {
                return MISSING;
            }
        }
    }

    void put(long key, long value) {
        if (key == EMPTY) {
            throw new IllegalArgumentException("key " + key + " is reserved");
        }
        if (2 * (size + 1) > keys.length) {
            rehash();
        }
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
            if (keys[i] == EMPTY) {
                keys[i] = key;
                values[i] = value;
                size++;
                return;
            }
        }
    }

    int size() {
        return size;
    }

    /// Calls `action` for every entry, in no particular order.
    void forEach(java.util.function.LongBinaryOperator action) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                action.applyAsLong(keys[i], values[i]);
            }
        }
    }

    private void rehash() {
        long[] oldKeys = keys;
        long[] oldValues = values;
        keys = newKeys(oldKeys.length * 2);
        values = new long[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ h >>> 32) & mask;
    }
}
