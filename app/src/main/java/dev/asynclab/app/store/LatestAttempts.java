package dev.asynclab.app.store;

/// The latest attempt (an invocation slot) of each retried call, keyed by its group and name: open addressing
/// with linear probing over one primitive array, so a run with a group per call (a million of them) costs
/// 16 bytes a cell with at most half the cells full, not a key object, a map node and a boxed slot each.
///
/// A cell is two adjacent longs, the group and then the name and slot packed, so a probe reads one cache line
/// rather than one in each of three arrays. The engine numbers groups 1, 2, 3, … and they are met in about that
/// order, so a key's home cell keeps the low bits of its group ([#home]): the calls of neighbouring
/// groups sit in neighbouring cells, so that a put finds its line already in the cache more often than a home
/// spread at random over a table far larger than the cache allows (a JFR profile of a 2 M-event open, loaded
/// machine: this class was the storing thread's top method, 37 of its 361 samples, with a home spread over the
/// whole table).
final class LatestAttempts {

    private static final int ABSENT = -1;
    /// Groups whose home cells lie side by side: 16 cells of 16 bytes, four cache lines.
    private static final int RUN_BITS = 4;

    /// Cell `i` is `cells[2i]` (the group) and `cells[2i + 1]` (the name in the high half, the slot in the low half,
    /// [#ABSENT] when the cell is free).
    private long[] cells = empty(64);
    private int size;

    /// Records `slot` (at least 0) as the latest attempt of (`group`, `name`); returns the one recorded before, or -1.
    int put(long group, int name, int slot) {
        if ((size + 1) * 2 > capacity()) {
            grow();
        }
        int mask = capacity() - 1;
        int i = home(group, name) & mask;
        while (true) {
            long packed = cells[2 * i + 1];
            int previous = (int) packed;
            if (previous == ABSENT) {
                size++;
                cells[2 * i] = group;
                cells[2 * i + 1] = pack(name, slot);
                return ABSENT;
            }
            if (cells[2 * i] == group && (int) (packed >>> 32) == name) {
                cells[2 * i + 1] = pack(name, slot);
                return previous;
            }
            i = (i + 1) & mask;
        }
    }

    private int capacity() {
        return cells.length >>> 1;
    }

    private static long pack(int name, int slot) {
        return (long) name << 32 | (slot & 0xFFFF_FFFFL);
    }

    private void grow() {
        long[] old = cells;
        cells = empty(capacity() * 2);
        size = 0;
        for (int i = 0; i < old.length; i += 2) {
            int slot = (int) old[i + 1];
            if (slot != ABSENT) {
                put(old[i], (int) (old[i + 1] >>> 32), slot);
            }
        }
    }

    private static long[] empty(int capacity) {
        long[] a = new long[capacity * 2];
        for (int i = 1; i < a.length; i += 2) {
            a[i] = pack(ABSENT, ABSENT);
        }
        return a;
    }

    /// The home cell: the group's run of `2^RUN_BITS` neighbours placed by a hash of the rest of the key, the group's
    /// low bits its place in that run. Keys that are not neighbours (other names, far groups, strided groups) still
    /// spread over the table by the hash.
    static int home(long group, int name) {
        long h = ((group >>> RUN_BITS) * 31 + name) * 0x9E3779B97F4A7C15L;
        int run = (int) (h ^ (h >>> 32));
        return run << RUN_BITS | (int) (group & ((1 << RUN_BITS) - 1));
    }

    /// How many keys are recorded.
    int size() {
        return size;
    }
}
