package dev.asynclab.lab.lifecycle;

import java.util.Arrays;

/// The ids of a [SlotIndex] that lie in a dense range, looked up by position instead of by hash: the engine numbers
/// invocations 1, 2, 3, … so a log's ids are almost all small and consecutive, and a slot found by `id` as an array
/// index is read from memory in id order, where a hash table's lookups jump across a table of millions of entries
/// (a profile of a 10 M-event log's open: the hash lookups were the largest single item of the store's fold and of
/// the verifier's).
///
/// Ids are kept in chunks of 4,096, a chunk made when the first id of its range arrives and dropped when its last
/// is removed. So that sparse ids (a merged log's offset ids, a foreign producer's random ones) cannot make a chunk
/// per id, a chunk is made only while the chunks stay within a few times what the index holds ([#accepts]); an id
/// it declines stays in the hash table, and [SlotIndex] asks here first.
final class DenseSlots {

    static final int ABSENT = -1;
    private static final int SHIFT = 12;
    private static final int CHUNK = 1 << SHIFT;
    private static final int MASK = CHUNK - 1;
    /// Ids from 2^31 on are never dense here: the chunk directory stays an ordinary array.
    private static final long LIMIT = 1L << 31;

    private int[][] chunks = new int[16][];
    /// Ids held per chunk: a chunk is dropped when its count falls to zero (a forgetting fold's ids move on).
    private int[] counts = new int[16];
    private int chunkCount;

    /// The slot of `id`, or [#ABSENT] when it is not held here.
    int get(long id) {
        if (id < 0 || id >= LIMIT) {
            return ABSENT;
        }
        int c = (int) (id >>> SHIFT);
        if (c >= chunks.length) {
            return ABSENT;
        }
        int[] chunk = chunks[c];
        return chunk == null ? ABSENT : chunk[(int) id & MASK];
    }

    /// Whether `id` can be held here when `held` ids are held in all: its chunk exists, or one more chunk (and the
    /// directory up to it) stays within a few times the chunks `held` ids need.
    boolean accepts(long id, long held) {
        if (id < 0 || id >= LIMIT) {
            return false;
        }
        int c = (int) (id >>> SHIFT);
        if (c < chunks.length && chunks[c] != null) {
            return true;
        }
        long needed = (held >>> SHIFT) + 1;
        return chunkCount < 8 + 2 * needed && c < 64 + 4 * needed;
    }

    /// Holds `id` at `slot` (`accepts(id, …)` was true); true when it was not held before.
    boolean put(long id, int slot) {
        int c = (int) (id >>> SHIFT);
        if (c >= chunks.length) {
            int n = Math.max(c + 1, chunks.length * 2);
            chunks = Arrays.copyOf(chunks, n);
            counts = Arrays.copyOf(counts, n);
        }
        int[] chunk = chunks[c];
        if (chunk == null) {
            chunk = new int[CHUNK];
            Arrays.fill(chunk, ABSENT);
            chunks[c] = chunk;
            chunkCount++;
        }
        int at = (int) id & MASK;
        boolean added = chunk[at] == ABSENT;
        if (added) {
            counts[c]++;
        }
        chunk[at] = slot;
        return added;
    }

    /// Forgets `id`; true when it was held here.
    boolean remove(long id) {
        if (get(id) == ABSENT) {
            return false;
        }
        int c = (int) (id >>> SHIFT);
        chunks[c][(int) id & MASK] = ABSENT;
        if (--counts[c] == 0) {
            chunks[c] = null;
            chunkCount--;
        }
        return true;
    }
}
