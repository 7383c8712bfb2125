package dev.asynclab.app.store;

/// The latest attempt (an invocation slot) of each retried call, keyed by its group and name.
///
/// The engine numbers groups 1, 2, 3, … from the same counter as invocations, and a log meets them in about that
/// order, each group with one name (a retried call's attempts share it). So a group's first name is held by
/// position ([#dense]: chunks of 4,096 groups, a cell the name and slot packed in one long), and a put reads memory
/// in group order, where a hash table's home cells jump across a table of millions (a JFR profile of a
/// 10 M-event open, loaded machine: a hash put was the storing thread's top method, 62 of its 464 samples, a cache
/// miss each). Every other key — another name in a group already held, a group the dense part declines (sparse,
/// huge or negative groups: a chunk is made only while the chunks stay within a few times what the keys need) —
/// goes to a hash table: open addressing with linear probing over one primitive array, 16 bytes a cell with at
/// most half the cells full, not a key object, a map node and a boxed slot each. A key is in one of the two
/// only: the dense cell is taken only when the table does not hold the key already.
///
/// A table cell is two adjacent longs, the group and then the name and slot packed, so a probe reads one cache line
/// rather than one in each of three arrays; its home keeps the low bits of its group ([#home]), so that the calls
/// of neighbouring groups sit in neighbouring cells.
final class LatestAttempts {

    private static final int ABSENT = -1;
    /// Groups whose home cells lie side by side: 16 cells of 16 bytes, four cache lines.
    private static final int RUN_BITS = 4;

    /// Cell `i` is `cells[2i]` (the group) and `cells[2i + 1]` (the name in the high half, the slot in the low half,
    /// [#ABSENT] when the cell is free).
    private long[] cells = empty(64);
    /// Keys in the table.
    private int size;

    private static final int SHIFT = 12;
    private static final int CHUNK = 1 << SHIFT;
    private static final int MASK = CHUNK - 1;
    /// Groups from 2^31 on are never dense: the chunk directory stays an ordinary array.
    private static final long DENSE_LIMIT = 1L << 31;
    /// Chunk `g >>> SHIFT` of the groups held by position: cell `g & MASK` is the name and slot packed, -1 (a slot
    /// of [#ABSENT]) when free.
    private long[][] dense = new long[16][];
    private int chunkCount;
    /// Keys held by position.
    private int denseSize;

    /// Records `slot` (at least 0) as the latest attempt of (`group`, `name`); returns the one recorded before, or -1.
    int put(long group, int name, int slot) {
        long[] chunk = group >= 0 && group < DENSE_LIMIT && (group >>> SHIFT) < dense.length
                ? dense[(int) (group >>> SHIFT)] : null;
        int at = (int) group & MASK;
        if (chunk != null && (int) chunk[at] != ABSENT && (int) (chunk[at] >>> 32) == name) {
            int previous = (int) chunk[at];
            chunk[at] = pack(name, slot);
            return previous;
        }
        if ((chunk != null ? (int) chunk[at] == ABSENT : accepts(group)) && (size == 0 || find(group, name) < 0)) {
            if (chunk == null) {
                chunk = newChunk((int) (group >>> SHIFT));
            }
            chunk[at] = pack(name, slot);
            denseSize++;
            return ABSENT;
        }
        return tablePut(group, name, slot);
    }

    /// Whether a chunk may be made for `group`: one more chunk (and the directory up to it) stays within a few times
    /// the chunks the keys held need, so that sparse groups (a merged log's offset ids, a foreign producer's random
    /// ones) cannot make a chunk per key. Eight times: the engine's groups are a share of its invocation ids (about
    /// one in three in the benchmark's synthetic run), so a dense chunk holds far fewer keys than cells.
    private boolean accepts(long group) {
        if (group < 0 || group >= DENSE_LIMIT) {
            return false;
        }
        long needed = ((long) (denseSize + size) >>> SHIFT) + 1;
        return chunkCount < 8 + 8 * needed && (group >>> SHIFT) < 64 + 16 * needed;
    }

    private long[] newChunk(int c) {
        if (c >= dense.length) {
            dense = java.util.Arrays.copyOf(dense, Math.max(c + 1, dense.length * 2));
        }
        long[] chunk = new long[CHUNK];
        java.util.Arrays.fill(chunk, pack(ABSENT, ABSENT));
        dense[c] = chunk;
        chunkCount++;
        return chunk;
    }

    /// The slot the table holds for (`group`, `name`), or -1.
    private int find(long group, int name) {
        int mask = capacity() - 1;
        for (int i = home(group, name) & mask; ; i = (i + 1) & mask) {
            long packed = cells[2 * i + 1];
            if ((int) packed == ABSENT || (cells[2 * i] == group && (int) (packed >>> 32) == name)) {
                return (int) packed;
            }
        }
    }

    private int tablePut(long group, int name, int slot) {
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
                tablePut(old[i], (int) (old[i + 1] >>> 32), slot);
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
        return denseSize + size;
    }
}
