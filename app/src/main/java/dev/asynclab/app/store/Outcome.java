package dev.asynclab.app.store;

import dev.asynclab.engine.event.EventType;

/// How an attempt shows on the timeline: its terminal state, or still queued or running, plus the ghost
/// of a late finish. Each has a theme token (`-outcome-succeeded`, ...) and a drawing shape.
public enum Outcome {
    RUNNING,
    SUCCEEDED,
    FAILED,
    TIMED_OUT,
    CANCELLED,
    REJECTED,
    LATE;

    /// The outcome a terminal event type stands for; RUNNING for any other type.
    public static Outcome of(EventType type) {
        return switch (type) {
            case SUCCEEDED -> SUCCEEDED;
            case FAILED -> FAILED;
            case TIMED_OUT -> TIMED_OUT;
            case CANCELLED -> CANCELLED;
            case REJECTED -> REJECTED;
            case LATE_FINISH -> LATE;
            default -> RUNNING;
        };
    }

    /// The CSS looked-up color that themes this outcome, such as `-outcome-timeout`.
    public String token() {
        return switch (this) {
            case RUNNING -> "-outcome-running";
            case SUCCEEDED -> "-outcome-succeeded";
            case FAILED -> "-outcome-failed";
            case TIMED_OUT -> "-outcome-timeout";
            case CANCELLED -> "-outcome-cancelled";
            case REJECTED -> "-outcome-rejected";
            case LATE -> "-outcome-late";
        };
    }

    private static final Outcome[] VALUES = values();

    public static Outcome ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }
}
