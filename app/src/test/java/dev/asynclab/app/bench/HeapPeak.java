package dev.asynclab.app.bench;

/// The most heap in use while something runs, sampled every 2 ms by a daemon thread (garbage not yet collected
/// counts: it is what the `-Xmx` limit sees), and the heap still in use after a full GC at the end (what stays).
final class HeapPeak implements AutoCloseable {

    private volatile boolean running = true;
    /// Written by the sampling thread only; read after it is joined.
    private long peak;
    private final Thread sampler;

    HeapPeak() {
        System.gc();
        peak = used();
        sampler = Thread.ofPlatform().daemon().name("heap-peak").start(() -> {
            while (running) {
                peak = Math.max(peak, used());
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    static long used() {
        Runtime r = Runtime.getRuntime(); // the test module does not read java.management
        return r.totalMemory() - r.freeMemory();
    }

    /// Stops sampling; the peak in MB.
    double peakMb() {
        close();
        return peak / 1e6;
    }

    /// The heap in use after a full GC, in MB.
    static double retainedMb() {
        System.gc();
        return used() / 1e6;
    }

    @Override
    public void close() {
        running = false;
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
