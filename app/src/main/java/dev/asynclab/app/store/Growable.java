package dev.asynclab.app.store;

import java.util.Arrays;

/// Capacity arithmetic shared by the store's columns: grow by half again, never by one.
final class Growable {

    private Growable() {
    }

    static int next(int capacity, int needed) {
        return Math.max(needed, capacity + (capacity >> 1) + 16);
    }

    static long[] ensure(long[] a, int needed) {
        return needed <= a.length ? a : Arrays.copyOf(a, next(a.length, needed));
    }

    static int[] ensure(int[] a, int needed) {
        return needed <= a.length ? a : Arrays.copyOf(a, next(a.length, needed));
    }

    static byte[] ensure(byte[] a, int needed) {
        return needed <= a.length ? a : Arrays.copyOf(a, next(a.length, needed));
    }
}
