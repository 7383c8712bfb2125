package dev.asynclab.lab.export;

import dev.asynclab.engine.event.EventType;

/// One invocation attempt assembled from its events, for the exporters. Times are `t` values in nanoseconds,
/// -1 when the event did not happen (never queued, never started); `outcome` is null while unfinished.
record Attempt(long id, int attempt, long group, String name, String worker, long submitted, long queued,
               long started, long ended, EventType outcome, String errorType, String errorMessage) {

    /// When the attempt began waiting or, failing that, running.
    long firstSeen() {
        return submitted >= 0 ? submitted : queued >= 0 ? queued : started >= 0 ? started : ended;
    }
}
