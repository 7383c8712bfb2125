package dev.asynclab.engine.event;

/// What happened. Five of these are terminal: every submitted invocation ends in exactly one of them.
public enum EventType {
    RUN_STARTED,
    SUBMITTED,
    QUEUED,
    STARTED,
    SUCCEEDED,
    FAILED,
    TIMED_OUT,
    CANCELLED,
    REJECTED,
    RETRY_SCHEDULED,
    /// A callback that ignored its interrupt returned after its timeout or cancel; `duration` is the overrun.
    LATE_FINISH,
    GROUP_STARTED,
    GROUP_FINISHED,
    POOL_RESIZED,
    /// A line a callback wrote with `log(...)`; `value` holds the text.
    LOG,
    RUN_FINISHED;

    private static final EventType[] VALUES = values();

    public boolean isTerminal() {
        return switch (this) {
            case SUCCEEDED, FAILED, TIMED_OUT, CANCELLED, REJECTED -> true;
            default -> false;
        };
    }

    /// The same as `values()[ordinal]` without a fresh array each call (hot in readers and stores).
    public static EventType ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }
}
