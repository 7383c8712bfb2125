package dev.asynclab.engine;

/// How an invocation ended. Exactly one per invocation.
public enum Status {
    SUCCEEDED,
    FAILED,
    TIMED_OUT,
    CANCELLED,
    REJECTED;

    public boolean isSuccess() {
        return this == SUCCEEDED;
    }
}
