package dev.asynclab.app.store;

import java.util.Arrays;

/// An open-addressing map from `long` keys to non-negative `int` values, without boxing: the store keeps one
/// from invocation id to invocation slot, for a million events that is a million lookups per load.
final class LongIntMap {

    private static final int ABSENT = -1;

    private long[] keys = new long[1024];
    private int[] values = filled(1024);
    private int size;

    /// The value for `key`, or -1.
    int get(long key) {
        int mask = keys.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            int v = values[i];
            if (v == ABSENT || keys[i] == key) {
                return v;
            }
        }
    }

    void put(long key, int value) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (values[i] != ABSENT && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (values[i] == ABSENT) {
            size++;
        }
        keys[i] = key;
        values[i] = value;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = filled(keys.length);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != ABSENT) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, ABSENT);
        return a;
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
