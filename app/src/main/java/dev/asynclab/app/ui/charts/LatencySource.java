package dev.asynclab.app.ui.charts;

import dev.asynclab.app.store.EventStore;

import java.util.List;

/// Where the latency charts' figures come from: a store's ended attempts, or its ended calls. Taken in as the
/// store grows (each call hands on only what ended since the last); rejections are handed on apart, since they
/// end at once and would pile up, unexplained, in the 0 ms bar.
///
/// ```java
/// LatencySource source = LatencySource.of(LatencyMeasure.CALLS);
/// source.takeIn(store, sink);                        // once per refresh
/// List<Long> lit = source.attemptIds(store, 0, 50_000_000);
/// ```
sealed interface LatencySource permits AttemptLatencies, CallLatencies {

    /// Receives each ended attempt or call once, when it is first seen.
    interface Sink {

        /// One ended at `endedAt` after `latency` nanoseconds.
        void ended(long endedAt, long latency);

        /// One was rejected at `endedAt` (refused by a full queue or a policy, without running).
        void rejected(long endedAt);
    }

    static LatencySource of(LatencyMeasure measure) {
        return switch (measure) {
            case ATTEMPTS -> new AttemptLatencies();
            case CALLS -> new CallLatencies();
        };
    }

    /// Hands `sink` what ended since the last call; the same store every time (a new store needs a new source).
    void takeIn(EventStore store, Sink sink);

    /// The ids of the attempts whose counted latency is in `[from, to)`, rejections left out: the attempts a
    /// histogram bar stands for, to highlight on the timeline.
    List<Long> attemptIds(EventStore store, long from, long to);
}
