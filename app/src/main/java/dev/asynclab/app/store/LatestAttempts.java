package dev.asynclab.app.store;

import java.util.Arrays;

/// The latest attempt (an invocation slot) of each retried call, keyed by its group and name: open addressing
/// with linear probing over three primitive arrays, so a run with a group per call (a million of them) costs
/// 16 bytes a cell with at most half the cells full, not a key object, a map node and a boxed slot each.
final class LatestAttempts {

    private static final int ABSENT = -1;

    private long[] groups = new long[64];
    private int[] names = new int[64];
    private int[] slots = filled(64);
    private int size;

    /// Records `slot` as the latest attempt of (`group`, `name`); returns the one recorded before, or -1.
    int put(long group, int name, int slot) {
        if ((size + 1) * 2 > slots.length) {
            grow();
        }
        int mask = slots.length - 1;
        int i = mix(group, name) & mask;
        while (slots[i] != ABSENT && (groups[i] != group || names[i] != name)) {
            i = (i + 1) & mask;
        }
        int previous = slots[i];
        if (previous == ABSENT) {
            size++;
            groups[i] = group;
            names[i] = name;
        }
        slots[i] = slot;
        return previous;
    }

    private void grow() {
        long[] oldGroups = groups;
        int[] oldNames = names;
        int[] oldSlots = slots;
        groups = new long[oldSlots.length * 2];
        names = new int[oldSlots.length * 2];
        slots = filled(oldSlots.length * 2);
        size = 0;
        for (int i = 0; i < oldSlots.length; i++) {
            if (oldSlots[i] != ABSENT) {
                put(oldGroups[i], oldNames[i], oldSlots[i]);
            }
        }
    }

    private static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, ABSENT);
        return a;
    }

    private static int mix(long group, int name) {
        long h = (group * 31 + name) * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
