package dev.asynclab.lab.audit;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import dev.asynclab.lab.lifecycle.Lifecycle;

import java.util.Arrays;

/// A coarse picture of a whole run over time, small whatever the run's length: the run's time cut into at most
/// [#MAX_BINS] equal bins, and per bin the events of each type, the most invocations running at once and the
/// most waiting in a queue. A [LogIndex] carries one, so an overview of a log too large for the heap costs no
/// second read.
///
/// ```java
/// RunOverview o = index.overview();
/// for (int b = 0; b < o.bins(); b++) {
///     System.out.println(o.binStart(b) + " ns: " + o.count(b, EventType.TIMED_OUT) + " timeouts, "
///             + o.peakRunning(b) + " running at most");
/// }
/// ```
public final class RunOverview {

    /// The most bins an overview has: a pixel column or two each on a wide window.
    public static final int MAX_BINS = 512;
    private static final int TYPES = EventType.values().length;

    private final long binWidth;
    private final int bins;
    private final long[] counts;
    private final int[] peakRunning;
    private final int[] peakQueued;

    RunOverview(long binWidth, int bins, long[] counts, int[] peakRunning, int[] peakQueued) {
        if (binWidth <= 0 || bins < 0 || bins > MAX_BINS || counts.length != bins * TYPES
                || peakRunning.length != bins || peakQueued.length != bins) {
            throw new IllegalArgumentException("inconsistent overview: " + bins + " bins of " + binWidth + " ns");
        }
        this.binWidth = binWidth;
        this.bins = bins;
        this.counts = counts;
        this.peakRunning = peakRunning;
        this.peakQueued = peakQueued;
    }

    /// How many bins hold events (the last one holds the run's last event).
    public int bins() {
        return bins;
    }

    /// Each bin's length, in nanoseconds of the log's clock.
    public long binWidth() {
        return binWidth;
    }

    public long binStart(int bin) {
        return bin * binWidth;
    }

    public long count(int bin, EventType type) {
        return counts[bin * TYPES + type.ordinal()];
    }

    /// Events of every type in `bin`.
    public long total(int bin) {
        long sum = 0;
        for (int i = 0; i < TYPES; i++) {
            sum += counts[bin * TYPES + i];
        }
        return sum;
    }

    /// The most invocations running at once within `bin` (started, not yet ended).
    public int peakRunning(int bin) {
        return peakRunning[bin];
    }

    /// The most invocations waiting in a queue at once within `bin`.
    public int peakQueued(int bin) {
        return peakQueued[bin];
    }

    long[] rawCounts() {
        return counts;
    }

    int[] rawPeakRunning() {
        return peakRunning;
    }

    int[] rawPeakQueued() {
        return peakQueued;
    }

    /// Folds events in, in log order, into bins that start 1 µs wide and double (merging pairs) whenever the run
    /// outgrows them, so memory is fixed; running and queued are counted by a forgetting [Lifecycle], which holds
    /// only the invocations in flight.
    static final class Builder implements Lifecycle.Listener {

        private long width = 1_000;
        private int used;
        private final long[] counts = new long[MAX_BINS * TYPES];
        private final int[] peakRunning = new int[MAX_BINS];
        private final int[] peakQueued = new int[MAX_BINS];
        private final Lifecycle lifecycle = Lifecycle.forgetting(this);
        private int running;
        private int queued;
        private int bin;

        void add(Event e) {
            long t = Math.max(0, e.t());
            while (t / width >= MAX_BINS) {
                halve();
            }
            bin = (int) (t / width);
            used = Math.max(used, bin + 1);
            counts[bin * TYPES + e.type().ordinal()]++;
            lifecycle.accept(e);
            peakRunning[bin] = Math.max(peakRunning[bin], running);
            peakQueued[bin] = Math.max(peakQueued[bin], queued);
        }

        /// Doubles the bin width: bins 2k and 2k+1 become bin k.
        private void halve() {
            for (int b = 0; b < MAX_BINS; b++) {
                int from = 2 * b;
                if (from >= MAX_BINS) {
                    Arrays.fill(counts, b * TYPES, (b + 1) * TYPES, 0);
                    peakRunning[b] = 0;
                    peakQueued[b] = 0;
                    continue;
                }
                for (int i = 0; i < TYPES; i++) {
                    counts[b * TYPES + i] = counts[from * TYPES + i] + counts[(from + 1) * TYPES + i];
                }
                peakRunning[b] = Math.max(peakRunning[from], peakRunning[from + 1]);
                peakQueued[b] = Math.max(peakQueued[from], peakQueued[from + 1]);
            }
            width *= 2;
            used = (used + 1) / 2;
        }

        @Override
        public void queued(Lifecycle l, int slot, Event e) {
            queued++;
        }

        @Override
        public void started(Lifecycle l, int slot, Event e) {
            if (l.queuedAt(slot) >= 0) {
                queued--;
            }
            running++;
        }

        @Override
        public void ended(Lifecycle l, int slot, Event e) {
            if (l.startedAt(slot) >= 0) {
                running--;
            } else if (l.queuedAt(slot) >= 0) {
                queued--;
            }
        }

        RunOverview build() {
            return new RunOverview(width, used, Arrays.copyOf(counts, used * TYPES),
                    Arrays.copyOf(peakRunning, used), Arrays.copyOf(peakQueued, used));
        }
    }
}
