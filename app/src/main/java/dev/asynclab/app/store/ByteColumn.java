package dev.asynclab.app.store;

import java.util.Arrays;

/// A growing column of bytes kept in fixed 16K chunks: appending never copies what is there, and no chunk is
/// large enough to be a humongous object for G1 (one big array doubled a dozen times is what made loading a
/// million events slow and jittery).
final class ByteColumn {

    static final int SHIFT = 14;
    static final int CHUNK = 1 << SHIFT;
    static final int MASK = CHUNK - 1;

    private byte[][] chunks = new byte[4][];
    private int size;

    void add(byte value) {
        int c = size >>> SHIFT;
        if (c == chunks.length) {
            chunks = Arrays.copyOf(chunks, c * 2);
        }
        if (chunks[c] == null) {
            chunks[c] = new byte[CHUNK];
        }
        chunks[c][size & MASK] = value;
        size++;
    }

    byte get(int i) {
        return chunks[i >>> SHIFT][i & MASK];
    }

    void set(int i, byte value) {
        chunks[i >>> SHIFT][i & MASK] = value;
    }

    int size() {
        return size;
    }
}
