package dev.asynclab.lab.scenario;

import java.time.Duration;

/// `pool: { limit: ... }`: a concurrency limit that adapts while the run goes, after Netflix's
/// concurrency-limits. The pool starts at `initial` workers; after each call ends, the algorithm sees how long it
/// ran (its RTT), how many were running and whether it was dropped (timed out or rejected), and may resize the
/// pool. Each change is a `POOL_RESIZED` event, so the limit over time is in the log and on the timeline.
///
/// ```yaml
/// pool: { size: 10, limit: { aimd: { initial: 10, max: 64, backoff: 0.5, timeout: 100ms } } }
/// pool: { size: 20, limit: { vegas: { initial: 20, max: 200 } } }
/// pool: { size: 20, limit: { gradient2: { initial: 20, min: 1, max: 200, queue: 4 } } }
/// ```
public sealed interface LimitSpec {

    /// The pool size at the start.
    int initial();

    /// The largest size the limit may reach.
    int max();

    /// The algorithm's key in a scenario file: `aimd`, `vegas` or `gradient2`.
    default String algorithm() {
        return switch (this) {
            case Aimd a -> "aimd";
            case Vegas v -> "vegas";
            case Gradient2 g -> "gradient2";
        };
    }

    /// Loss-based: +1 while calls succeed with at least half the limit busy; times `backoff` on every drop (a
    /// timeout, a rejection, or a run longer than `timeout`).
    record Aimd(int initial, int min, int max, double backoff, Duration timeout) implements LimitSpec {
    }

    /// Delay-based, after TCP Vegas: estimates the queue as `limit × (1 − minRtt / rtt)` and grows while it is
    /// small, shrinks when it is large; a drop shrinks it.
    record Vegas(int initial, int max) implements LimitSpec {
    }

    /// Gradient of the short-term RTT against a long-term average (`longWindow` calls): `limit × gradient +
    /// queue`, smoothed; the gradient is held to [0.5, 1].
    record Gradient2(int initial, int min, int max, int queue, double smoothing, int longWindow)
            implements LimitSpec {
    }
}
