package dev.asynclab.app.ui.session;

/// The heap still free for a log's store: the maximum heap less what is in use once garbage is collected. A
/// window of a log larger than the heap is sized from this, measured just before it is read (after the window
/// shown before it has been let go), not from the maximum heap: what the app already holds — its views, the
/// log's index, a previous store still reachable — is then counted, at any `-Xmx`.
///
/// It collects first: between collections the heap in use counts garbage, which after a window is dropped is
/// most of the heap. A full collection pauses every thread, so this is never called on the FX thread; a window's
/// read takes far longer than the collection. Under `-XX:+DisableExplicitGC` nothing is collected and the garbage
/// counts as in use, which errs on the side of a smaller window.
///
/// A whole log's open asks [#free(long)] with what its store will need: when the heap has that much room even
/// counting its garbage as in use, it does not collect. A full collection also shrinks G1's heap to little more than
/// what is live, and the load of a large log then regrows it, a young collection and a concurrent cycle at a time.
///
/// ```java
/// long fitting = LogLoader.fittingEvents(HeapRoom.free());   // on a background thread
/// long room = HeapRoom.free(LogLoader.heapBytes(2_000_000)); // collects only when short of that
/// ```
public final class HeapRoom {

    private HeapRoom() {
    }

    /// Bytes of the maximum heap not in use after a collection.
    public static long free() {
        System.gc();
        return uncollected();
    }

    /// Bytes of the maximum heap not in use, collecting first only when fewer than `wanted` are free without
    /// collecting (garbage counted as in use: never more than [#free()] would say, so `wanted` is there either way).
    public static long free(long wanted) {
        long free = uncollected();
        return free >= wanted ? free : free();
    }

    private static long uncollected() {
        Runtime r = Runtime.getRuntime();
        return r.maxMemory() - (r.totalMemory() - r.freeMemory());
    }
}
