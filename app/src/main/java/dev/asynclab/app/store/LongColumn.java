package dev.asynclab.app.store;

import java.util.Arrays;

/// A growing column of longs in chunks of 4K, each chunk stored as narrow as its values allow: as bytes, shorts
/// or ints counted from the chunk's first value when all its values lie that close to it, as longs otherwise.
///
/// Why this shape: the store's columns are what a ten-million-event log leaves on the heap, and most of them
/// hold values that change little from one row to the next (times, seqs, ids, event indexes, small codes).
/// Chunks keep appends from ever copying a large array (copy-on-grow needs twice the column at the moment it
/// grows) and keep every array far below G1's humongous size; the first chunk alone starts small and doubles up
/// to a full chunk, so the many small columns (a lane's intervals, a short run) stay small.
///
/// A chunk widens (bytes to shorts to ints to longs, one copy of at most 4K values) the first time a value
/// does not fit; it never narrows again. A new chunk starts as wide as the one before it ended: a column whose
/// values needed ints in one chunk will in the next, and widening chunk after chunk was the load's top cost (a
/// profile of a million-event load: 61 of the appending thread's 647 samples in `resize`).
///
/// ```java
/// LongColumn times = new LongColumn();
/// times.add(1_000_000_000L);   // the chunk's base
/// times.add(1_000_000_042L);   // kept as the byte 42
/// long t = times.get(1);       // 1_000_000_042
/// ```
final class LongColumn {

    static final int SHIFT = 12;
    static final int CHUNK = 1 << SHIFT;
    static final int MASK = CHUNK - 1;
    private static final int FIRST_CAPACITY = 16;

    private static final byte BYTES = 0;
    private static final byte SHORTS = 1;
    private static final byte INTS = 2;
    private static final byte LONGS = 3;

    private long[] bases = new long[4];
    private byte[] widths = new byte[4];
    private byte[][] bytes = new byte[4][];
    private short[][] shorts = new short[4][];
    private int[][] ints = new int[4][];
    private long[][] longs = new long[4][];
    private int size;

    /// The last chunk's base, width and array (the one of the four that is not null), kept in fields of their own so
    /// that an append into it reads no chunk directory and dispatches once: appends were the storing thread's
    /// largest cost (an async-profiler profile of a 10 M-event open: `put`, `add` and `widthOf` 30 % of its samples),
    /// and every store column takes one per event. Set by [#newChunk] and [#resize], the only places a chunk's width
    /// or array changes; `tailRoom` is where the first chunk must grow (a full chunk: `CHUNK`, never reached).
    private long tailBase;
    private byte tailWidth;
    private byte[] tailBytes;
    private short[] tailShorts;
    private int[] tailInts;
    private long[] tailLongs;
    private int tailRoom;

    void add(long value) {
        int at = size & MASK;
        if (at != 0 && at != tailRoom) {
            long delta = value - tailBase;
            // As in `put`: a subtraction that overflowed needs longs, whatever the delta looks like.
            if (((value ^ tailBase) & (value ^ delta)) >= 0) {
                switch (tailWidth) {
                    case BYTES -> {
                        if (delta == (byte) delta) {
                            tailBytes[at] = (byte) delta;
                            size++;
                            return;
                        }
                    }
                    case SHORTS -> {
                        if (delta == (short) delta) {
                            tailShorts[at] = (short) delta;
                            size++;
                            return;
                        }
                    }
                    case INTS -> {
                        if (delta == (int) delta) {
                            tailInts[at] = (int) delta;
                            size++;
                            return;
                        }
                    }
                    default -> {
                        tailLongs[at] = value;
                        size++;
                        return;
                    }
                }
            }
        }
        addSlowly(value);
    }

    /// An append that starts a chunk, grows the first one or widens the last one.
    private void addSlowly(long value) {
        int c = size >>> SHIFT;
        int at = size & MASK;
        if (at == 0) {
            newChunk(c, value);
        } else if (c == 0 && at == capacity(0)) {
            resize(0, widths[0], Math.min(CHUNK, at * 2));
        }
        size++;
        put(c, at, value);
    }

    /// Points the tail fields at chunk `c`, the last one.
    private void tail(int c) {
        tailBase = bases[c];
        tailWidth = widths[c];
        tailBytes = bytes[c];
        tailShorts = shorts[c];
        tailInts = ints[c];
        tailLongs = longs[c];
        tailRoom = c == 0 ? capacity(0) : CHUNK;
    }

    long get(int i) {
        int c = i >>> SHIFT;
        int at = i & MASK;
        return switch (widths[c]) {
            case BYTES -> bases[c] + bytes[c][at];
            case SHORTS -> bases[c] + shorts[c][at];
            case INTS -> bases[c] + ints[c][at];
            default -> longs[c][at];
        };
    }

    void set(int i, long value) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        put(i >>> SHIFT, i & MASK, value);
    }

    int size() {
        return size;
    }

    /// Bytes the column's arrays take (for the store's footprint figures and tests), headers left out.
    long payloadBytes() {
        long bytesUsed = 0;
        for (int c = 0; c <= (size - 1) >>> SHIFT && size > 0; c++) {
            bytesUsed += (long) capacity(c) << widths[c];
        }
        return bytesUsed;
    }

    private void newChunk(int c, long base) {
        if (c == bases.length) {
            int n = c * 2;
            bases = Arrays.copyOf(bases, n);
            widths = Arrays.copyOf(widths, n);
            bytes = Arrays.copyOf(bytes, n);
            shorts = Arrays.copyOf(shorts, n);
            ints = Arrays.copyOf(ints, n);
            longs = Arrays.copyOf(longs, n);
        }
        bases[c] = base;
        if (c == 0) {
            widths[c] = BYTES;
            bytes[c] = new byte[FIRST_CAPACITY];
            tail(c);
            return;
        }
        byte width = widths[c - 1];
        widths[c] = width;
        switch (width) {
            case BYTES -> bytes[c] = new byte[CHUNK];
            case SHORTS -> shorts[c] = new short[CHUNK];
            case INTS -> ints[c] = new int[CHUNK];
            default -> longs[c] = new long[CHUNK];
        }
        tail(c);
    }

    private void put(int c, int at, long value) {
        long base = bases[c];
        long delta = value - base;
        // The subtraction overflowed when value and base differ in sign and delta's sign is not value's.
        byte needed = ((value ^ base) & (value ^ delta)) < 0 ? LONGS : widthOf(delta);
        if (needed > widths[c]) {
            resize(c, needed, capacity(c));
        }
        switch (widths[c]) {
            case BYTES -> bytes[c][at] = (byte) delta;
            case SHORTS -> shorts[c][at] = (short) delta;
            case INTS -> ints[c][at] = (int) delta;
            default -> longs[c][at] = value;
        }
    }

    private static byte widthOf(long delta) {
        if (delta == (byte) delta) {
            return BYTES;
        }
        if (delta == (short) delta) {
            return SHORTS;
        }
        return delta == (int) delta ? INTS : LONGS;
    }

    private int capacity(int c) {
        return switch (widths[c]) {
            case BYTES -> bytes[c].length;
            case SHORTS -> shorts[c].length;
            case INTS -> ints[c].length;
            default -> longs[c].length;
        };
    }

    /// Re-stores chunk `c` at `width` with room for `capacity` values (the values it holds are kept).
    private void resize(int c, byte width, int capacity) {
        int held = Math.min(capacity(c), capacity);
        long[] values = new long[held];
        for (int k = 0; k < held; k++) {
            values[k] = get((c << SHIFT) + k);
        }
        bytes[c] = null;
        shorts[c] = null;
        ints[c] = null;
        longs[c] = null;
        widths[c] = width;
        long base = bases[c];
        switch (width) {
            case BYTES -> {
                byte[] a = new byte[capacity];
                for (int k = 0; k < held; k++) {
                    a[k] = (byte) (values[k] - base);
                }
                bytes[c] = a;
            }
            case SHORTS -> {
                short[] a = new short[capacity];
                for (int k = 0; k < held; k++) {
                    a[k] = (short) (values[k] - base);
                }
                shorts[c] = a;
            }
            case INTS -> {
                int[] a = new int[capacity];
                for (int k = 0; k < held; k++) {
                    a[k] = (int) (values[k] - base);
                }
                ints[c] = a;
            }
            default -> longs[c] = Arrays.copyOf(values, capacity);
        }
        if (c == (size - 1) >>> SHIFT) {
            tail(c); // the last chunk (growing the first, or widened by an append or a set)
        }
    }
}
