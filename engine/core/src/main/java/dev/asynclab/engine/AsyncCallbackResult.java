package dev.asynclab.engine;

import java.time.Duration;

/// The outcome of one invocation (for retry, the last attempt's, with `attempt` saying which it was).
///
/// ```java
/// AsyncCallbackResult r = new AsyncCallbackWrapper(() -> 42, "answer", Duration.ofSeconds(1)).executeBlocking();
/// if (r.isSuccess()) System.out.println(r.value());          // 42
/// else System.out.println(r.errorType() + ": " + r.errorMessage());
/// ```
///
/// @param status        how it ended
/// @param value         what the callback returned, or null
/// @param errorType     the simple class name of the error (of its nearest named superclass for an anonymous class;
///                      `errorType()` for a `CallbackFailure`), or `TimeoutException`, `CancellationException`,
///                      `RejectedExecutionException`; null on success
/// @param errorMessage  the error's message ("" when it has none, cut to 4096 characters saying so; for a timeout,
///                      the limit that fired and who set it); null on success
/// @param executionTime from start to the terminal event (zero when it never started; for a group, from the
///                      group's start)
/// @param attempt       1 for a first try, n for the n-th attempt of a retry; for a group, that of the member whose
///                      result stands for it (0 when none does)
/// @param id            the invocation id, as in the event log (for a group, as for `attempt`)
public record AsyncCallbackResult(Status status, Object value, String errorType, String errorMessage,
                                  Duration executionTime, int attempt, long id) {

    public boolean isSuccess() {
        return status == Status.SUCCEEDED;
    }

    /// The value cast to `type`; throws `ClassCastException` if it is something else.
    public <T> T value(Class<T> type) {
        return type.cast(value);
    }

    static AsyncCallbackResult failed(String errorType, String errorMessage, long id) {
        return new AsyncCallbackResult(Status.FAILED, null, errorType, errorMessage, Duration.ZERO, 0, id);
    }

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
}
