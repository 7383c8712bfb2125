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
    /// Refused without running: `value` is null for a full pool queue, or names the policy that refused:
    /// `circuit-breaker`, `rate-limiter` or `bulkhead` (the message says which one and why).
    REJECTED,
    RETRY_SCHEDULED,
    /// A callback that ignored its interrupt returned after its timeout or cancel; `duration` is the overrun.
    LATE_FINISH,
    GROUP_STARTED,
    GROUP_FINISHED,
    POOL_RESIZED,
    /// A line a callback wrote with `log(...)`; `value` holds the text.
    LOG,
    RUN_FINISHED,
    /// A circuit breaker (named by `name`) opened: `value` says why, `duration` is how long it stays open.
    CIRCUIT_OPENED,
    /// A circuit breaker let its first probe through after its wait; `duration` is how long it was open.
    CIRCUIT_HALF_OPENED,
    /// A circuit breaker closed again: its probes succeeded.
    CIRCUIT_CLOSED,
    /// A rate limiter held a call back: `duration` is the wait for its permit; `value` is `waited` or `refused`
    /// (then the call ends REJECTED).
    RATE_LIMITED,
    /// A fallback replaced a result: `errorType`/`errorMessage` are the replaced result's, `value` the fallback's.
    FALLBACK_USED,
    /// A fault was injected into an attempt on purpose: `value` says which.
    FAULT_INJECTED,
    /// A retry was not made because the retry budget named in `value` was spent.
    BUDGET_EXHAUSTED;

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
