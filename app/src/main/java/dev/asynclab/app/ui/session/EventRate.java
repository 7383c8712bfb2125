package dev.asynclab.app.ui.session;

/// Events per second over the last second of wall time, from the batch sizes the feed hands over.
final class EventRate {

    private static final long WINDOW = 1_000_000_000L;

    private long windowStart = -1;
    private long inWindow;
    private double rate;

    double add(long now, int events) {
        if (windowStart < 0) {
            windowStart = now;
        }
        inWindow += events;
        long elapsed = now - windowStart;
        if (elapsed >= WINDOW) {
            rate = inWindow * 1e9 / elapsed;
            windowStart = now;
            inWindow = 0;
        }
        return rate;
    }

    void reset() {
        windowStart = -1;
        inWindow = 0;
        rate = 0;
    }
}
