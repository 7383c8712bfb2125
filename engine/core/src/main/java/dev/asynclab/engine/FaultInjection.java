package dev.asynclab.engine;

import java.time.Duration;
import java.util.Objects;

/// Chaos on purpose (Polly's chaos strategies): at `rate`, an attempt fails with a given error, is delayed by a
/// given latency, or returns a given result without running its callback. The draw is deterministic (seeded
/// from the runtime's seed, the invocation and the attempt), and every injected fault is a `FAULT_INJECTED`
/// event, so a run that breaks things does so reproducibly and on the record.
///
/// Faults apply inside the invocation, in the order given: injected latency counts against its timeout, and an
/// injected failure is an ordinary `FAILED` that retries, breakers and fallbacks see like any other.
///
/// ```java
/// Task chaotic = Task.call("fetch", fetch, Duration.ofMillis(300)).withFaults(
///         FaultInjection.latency(0.2, Duration.ofMillis(500)),
///         FaultInjection.failure(0.1, "IOException", "injected: connection reset"));
/// ```
///
/// @param kind      what is injected
/// @param rate      the share of attempts it hits, from 0 to 1
/// @param errorType for a failure: the reported error type
/// @param message   for a failure: its message
/// @param latency   for a latency: how long the attempt waits (on the engine's clock) before its callback runs
/// @param result    for a result: what the attempt returns instead of running its callback
public record FaultInjection(Kind kind, double rate, String errorType, String message, Duration latency,
                             Object result) {

    /// The kinds of fault.
    public enum Kind {
        FAILURE,
        LATENCY,
        RESULT
    }

    public FaultInjection {
        Objects.requireNonNull(kind, "kind");
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("rate is a fraction from 0 to 1, was " + rate);
        }
        if (kind == Kind.LATENCY && (latency == null || latency.isNegative())) {
            throw new IllegalArgumentException("an injected latency needs a duration of zero or more");
        }
    }

    public static FaultInjection failure(double rate, String errorType, String message) {
        return new FaultInjection(Kind.FAILURE, rate, Objects.requireNonNull(errorType, "errorType"),
                message == null ? "injected fault" : message, null, null);
    }

    public static FaultInjection latency(double rate, Duration latency) {
        return new FaultInjection(Kind.LATENCY, rate, null, null, latency, null);
    }

    public static FaultInjection result(double rate, Object result) {
        return new FaultInjection(Kind.RESULT, rate, null, null, null, result);
    }

    /// What it does, in words for the `FAULT_INJECTED` event.
    public String describe() {
        return switch (kind) {
            case FAILURE -> "failure " + errorType + ": " + message;
            case LATENCY -> "latency " + latency.toMillis() + " ms";
            case RESULT -> "result " + result;
        };
    }
}
