package dev.asynclab.engine.spi;

import java.util.Arrays;

/// The simulated clock's pending timers: a 4-ary min-heap ordered by (due time, scheduling order), whose entries
/// can also be taken out from the middle when they are called off.
///
/// Not thread-safe: the simulation thread owns it. Package-private: `SimulatedScheduler` is its only user.
final class DueQueue {

    /* Overview: three parallel arrays, one slot per entry: `due` and `order` hold the keys, `entries` the entry
     * itself, which also records its own index so that `remove` needs no search. The keys live in long arrays
     * rather than being read through the entries: a sift compares keys at every level, and reading them from
     * two arrays side by side costs no pointer chase per comparison (java.util.PriorityQueue calls compareTo
     * on two objects per level; that and its sifts were about a fifth of the simulation thread's samples).
     * Removal from the middle keeps the heap as small as what is really pending: a timeout cancelled when its
     * callback ends (the common case) no longer sits in the heap until its due time, deepening every sift.
     * Four children per node rather than two: the simulation mostly pushes timers due sooner than most of what is
     * pending (the next arrival, a callback's end, both ahead of the timeouts), so a push sifts up far, and
     * sift-up was the largest single cost of a simulated run in a JFR profile (239 of the run thread's 1,022
     * samples). Half the depth halves those steps; a pop compares up to four children per level instead of two,
     * on keys that sit side by side in the arrays. */

    /// An entry's place in the queue: the index it is at, or -1 when it is in none.
    abstract static class Entry {
        int index = -1;
    }

    private long[] due = new long[64];
    private long[] order = new long[64];
    private Entry[] entries = new Entry[64];
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /// Adds `e`, due at `dueAt`, `seq`-th in scheduling order (unique and increasing across calls).
    void add(Entry e, long dueAt, long seq) {
        if (size == entries.length) {
            int grown = size * 2;
            due = Arrays.copyOf(due, grown);
            order = Arrays.copyOf(order, grown);
            entries = Arrays.copyOf(entries, grown);
        }
        siftUp(size++, e, dueAt, seq);
    }

    /// The first entry in (due, order) order, or null when empty.
    Entry peek() {
        return size == 0 ? null : entries[0];
    }

    /// The due time of the first entry; only when not empty.
    long peekDue() {
        return due[0];
    }

    /// The scheduling order of the first entry; only when not empty.
    long peekOrder() {
        return order[0];
    }

    /// Removes and returns the first entry, or null when empty.
    Entry poll() {
        if (size == 0) {
            return null;
        }
        Entry first = entries[0];
        removeAt(0);
        return first;
    }

    /// Takes `e` out wherever it is; false when it is in no queue.
    boolean remove(Entry e) {
        int i = e.index;
        if (i < 0 || i >= size || entries[i] != e) {
            return false;
        }
        removeAt(i);
        return true;
    }

    private void removeAt(int i) {
        entries[i].index = -1;
        int last = --size;
        Entry moved = entries[last];
        long movedDue = due[last];
        long movedOrder = order[last];
        entries[last] = null;
        if (i == last) {
            return;
        }
        // The last entry fills the hole: it may belong further down (the usual case) or, when taken from the
        // middle of another branch, further up.
        siftDown(i, moved, movedDue, movedOrder);
        if (entries[i] == moved) {
            siftUp(i, moved, movedDue, movedOrder);
        }
    }

    private void siftUp(int i, Entry e, long d, long o) {
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            long pd = due[parent];
            if (pd < d || pd == d && order[parent] < o) {
                break;
            }
            place(i, entries[parent], pd, order[parent]);
            i = parent;
        }
        place(i, e, d, o);
    }

    private void siftDown(int i, Entry e, long d, long o) {
        int n = size;
        int first;
        while ((first = (i << 2) + 1) < n) {
            int least = first;
            long ld = due[first];
            long lo = order[first];
            int end = Math.min(first + 4, n);
            for (int c = first + 1; c < end; c++) {
                long cd = due[c];
                if (cd < ld || cd == ld && order[c] < lo) {
                    least = c;
                    ld = cd;
                    lo = order[c];
                }
            }
            if (d < ld || d == ld && o < lo) {
                break;
            }
            place(i, entries[least], ld, lo);
            i = least;
        }
        place(i, e, d, o);
    }

    private void place(int i, Entry e, long d, long o) {
        entries[i] = e;
        due[i] = d;
        order[i] = o;
        e.index = i;
    }
}
