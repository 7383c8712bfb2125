package dev.asynclab.lab.lifecycle;

import java.util.Arrays;

/// Invocation id to slot, open addressing with linear probing and no boxing: a run of a million invocations
/// makes a million lookups. Removal shifts the probe chain back (no tombstones), so a forgetting fold that
/// removes every ended id keeps the table as small as the invocations in flight.
final class SlotIndex {

    private static final int ABSENT = -1;

    private long[] keys = new long[1024];
    private int[] values = filled(1024);
    private int size;

    /// The slot of `id`, or -1.
    int get(long id) {
        int mask = keys.length - 1;
        for (int i = mix(id) & mask; ; i = (i + 1) & mask) {
            int v = values[i];
            if (v == ABSENT || keys[i] == id) {
                return v;
            }
        }
    }

    void put(long id, int slot) {
        if ((size + 1) * 2 > keys.length) {
            rehash(keys.length * 2);
        }
        int mask = keys.length - 1;
        int i = mix(id) & mask;
        while (values[i] != ABSENT && keys[i] != id) {
            i = (i + 1) & mask;
        }
        if (values[i] == ABSENT) {
            size++;
        }
        keys[i] = id;
        values[i] = slot;
    }

    /// Removes `id` if present. Later entries of its probe chain move back into the gap, so `get` still stops
    /// at the first empty cell.
    void remove(long id) {
        int mask = keys.length - 1;
        int i = mix(id) & mask;
        while (values[i] != ABSENT && keys[i] != id) {
            i = (i + 1) & mask;
        }
        if (values[i] == ABSENT) {
            return;
        }
        size--;
        int gap = i;
        for (int j = (gap + 1) & mask; values[j] != ABSENT; j = (j + 1) & mask) {
            int home = mix(keys[j]) & mask;
            // Move j into the gap unless its home lies cyclically in (gap, j]: then the gap is not on its chain.
            boolean homeAfterGap = gap <= j ? gap < home && home <= j : gap < home || home <= j;
            if (!homeAfterGap) {
                keys[gap] = keys[j];
                values[gap] = values[j];
                gap = j;
            }
        }
        values[gap] = ABSENT;
    }

    private void rehash(int capacity) {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[capacity];
        values = filled(capacity);
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
