package dev.asynclab.app.store;

import java.util.Arrays;

/// A growing column of ints kept in fixed 16K chunks: appending never copies what is there, and no chunk is
/// large enough to be a humongous object for G1 (one big array doubled a dozen times is what made loading a
/// million events slow and jittery).
final class IntColumn {

    static final int SHIFT = 14;
    static final int CHUNK = 1 << SHIFT;
    static final int MASK = CHUNK - 1;

    private int[][] chunks = new int[4][];
    private int size;

    void add(int value) {
        int c = size >>> SHIFT;
        if (c == chunks.length) {
            chunks = Arrays.copyOf(chunks, c * 2);
        }
        if (chunks[c] == null) {
            chunks[c] = new int[CHUNK];
        }
        chunks[c][size & MASK] = value;
        size++;
    }

    int get(int i) {
        return chunks[i >>> SHIFT][i & MASK];
    }

    void set(int i, int value) {
        chunks[i >>> SHIFT][i & MASK] = value;
    }

    int size() {
        return size;
    }
}
