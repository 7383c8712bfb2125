package dev.asynclab.engine;

import dev.asynclab.engine.AsyncCallbackResult.Status;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/// What to give the caller instead of a failure: a value, or what a function makes of the failed result. Used
/// when the call (all its attempts) ends with a status in `on` — by default `FAILED`, `TIMED_OUT` and
/// `REJECTED`; a cancelled call stays cancelled. The caller then gets `SUCCEEDED` with the fallback's value,
/// and `result.replaced()` holds the result it replaced; a `FALLBACK_USED` event records both. A function that
/// throws gives `FAILED` with its error (its result still says what it replaced).
///
/// ```java
/// Task price = Task.call("price", fetchPrice, Duration.ofMillis(200))
///         .withFallback(Fallback.value("cached price"));
/// Task user = Task.call("user", fetchUser, Duration.ofMillis(200))
///         .withFallback(Fallback.of(failed -> "guest (" + failed.errorType() + ")").on(Status.TIMED_OUT));
/// ```
///
/// @param on       the statuses it replaces
/// @param function makes the value from the result it replaces; runs on the thread that ended the call, so it
///                 must be quick and must not block
public record Fallback(Set<Status> on, Function<AsyncCallbackResult, ?> function) {

    public Fallback {
        on = Set.copyOf(on);
        Objects.requireNonNull(function, "function");
        if (on.contains(Status.SUCCEEDED)) {
            throw new IllegalArgumentException("a fallback replaces failures, not successes");
        }
    }

    /// Always the same value.
    public static Fallback value(Object value) {
        return of(failed -> value);
    }

    /// A value made from the result it replaces.
    public static Fallback of(Function<AsyncCallbackResult, ?> function) {
        return new Fallback(EnumSet.of(Status.FAILED, Status.TIMED_OUT, Status.REJECTED), function);
    }

    /// The same fallback for these statuses only.
    public Fallback on(Status... statuses) {
        return new Fallback(Set.of(statuses), function);
    }

    /// True when it replaces `result`.
    public boolean handles(AsyncCallbackResult result) {
        return on.contains(result.status());
    }
}
