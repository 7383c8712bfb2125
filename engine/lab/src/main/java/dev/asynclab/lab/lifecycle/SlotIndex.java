package dev.asynclab.lab.lifecycle;

import java.util.Arrays;

/// Invocation id to slot, no boxing: a run of a million invocations makes a million lookups. Ids in a dense range
/// (the engine's 1, 2, 3, …) are held by position ([DenseSlots]); any other id in a hash table with open
/// addressing and linear probing. Each id is in one of the two: `put` keeps an id where it already is. Removal
/// shifts the probe chain back (no tombstones), so a forgetting fold that removes every ended id keeps the table
/// as small as the invocations in flight.
final class SlotIndex {

    private static final int ABSENT = -1;

    private final DenseSlots dense = new DenseSlots();
    /// Ids held in all, in either part.
    private long held;
    private long[] keys = new long[1024];
    private int[] values = filled(1024);
    /// Ids in the hash table.
    private int size;

    /// The slot of `id`, or -1.
    int get(long id) {
        int slot = dense.get(id);
        return slot != ABSENT || size == 0 ? slot : probe(id);
    }

    void put(long id, int slot) {
        if (dense.get(id) != ABSENT) {
            dense.put(id, slot);
            return;
        }
        boolean inTable = size > 0 && probe(id) != ABSENT;
        if (inTable || !dense.accepts(id, held)) {
            hashPut(id, slot); // an id the table holds stays there, even once its dense chunk exists
        } else {
            dense.put(id, slot);
        }
        if (!inTable) {
            held++;
        }
    }

    /// Removes `id` if present.
    void remove(long id) {
        if (dense.remove(id)) {
            held--;
        } else if (size > 0 && probe(id) != ABSENT) {
            hashRemove(id);
            held--;
        }
    }

    private int probe(long id) {
        int mask = keys.length - 1;
        for (int i = mix(id) & mask; ; i = (i + 1) & mask) {
            int v = values[i];
            if (v == ABSENT || keys[i] == id) {
                return v;
            }
        }
    }

    private void hashPut(long id, int slot) {
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

    /// Removes `id` from the hash table if there. Later entries of its probe chain move back into the gap, so a
    /// probe still stops at the first empty cell.
    private void hashRemove(long id) {
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
                hashPut(oldKeys[i], oldValues[i]);
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
