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
/// ```java
/// long fitting = LogLoader.fittingEvents(HeapRoom.free());   // on a background thread
/// ```
public final class HeapRoom {

    private HeapRoom() {
    }

    /// Bytes of the maximum heap not in use after a collection.
    public static long free() {
        System.gc();
        Runtime r = Runtime.getRuntime();
        return r.maxMemory() - (r.totalMemory() - r.freeMemory());
    }
}
