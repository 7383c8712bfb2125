package dev.asynclab.lab.story;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;

import java.util.Optional;

/// One event said in plain words, for a replay step or a tour: when, who, what, and what it did to the rest.
///
/// ```java
/// StepCaption.of(history, event);
/// // "110.0 ms — slow-service #2 timed out after its 100 ms limit; its worker w1 was interrupted"
/// ```
public final class StepCaption {

    private StepCaption() {
    }

    /// The caption of `e`, one of `history`'s events.
    public static String of(RunHistory history, Event e) {
        return Spoken.moment(e.t()) + " — " + what(history, e);
    }

    /// The caption without its time.
    public static String what(RunHistory history, Event e) {
        String who = Phrases.who(e);
        return switch (e.type()) {
            case RUN_STARTED -> "the run '" + e.name() + "' started";
            case RUN_FINISHED -> "the run finished" + (e.value() == null ? "" : " (" + e.value() + ")");
            case SUBMITTED -> e.attempt() > 1 ? who + " was submitted again" : who + " arrived";
            case QUEUED -> who + " joined the queue: " + history.poolAt(e).map(Phrases::waitReason)
                    .orElse("every worker was busy");
            case STARTED -> who + " started on " + e.worker() + (e.duration() > 0
                    ? " after waiting " + Spoken.duration(e.duration()) + " in the queue" : "");
            case SUCCEEDED -> who + " succeeded after running " + Spoken.duration(e.duration()) + on(e);
            case FAILED -> who + " failed with " + Phrases.error(e) + " after " + Spoken.duration(e.duration())
                    + on(e);
            case TIMED_OUT -> who + " timed out after its " + Spoken.duration(e.duration()) + " limit; its worker "
                    + e.worker() + " was interrupted" + lateFinish(history, e);
            case CANCELLED -> e.worker() == null ? who + " was cancelled before it started, so it never ran"
                    : who + " was cancelled after " + Spoken.duration(e.duration()) + " on " + e.worker()
                    + "; its worker was interrupted" + lateFinish(history, e);
            case REJECTED -> e.value() != null && !e.value().isBlank()
                    ? who + " was refused by the " + e.value().replace('-', ' ') + (e.errorMessage() == null ? ""
                    : ": " + e.errorMessage())
                    : who + " was rejected: the queue was full" + history.poolAt(e)
                    .map(p -> " (" + Spoken.count(p.ahead(), "call") + " waiting)").orElse("");
            case RETRY_SCHEDULED -> who + " will be tried again in " + Spoken.duration(e.duration())
                    + (e.value() == null ? "" : " (" + e.value() + ")");
            case LATE_FINISH -> who + " finally returned on " + e.worker() + ", " + Spoken.duration(e.duration())
                    + " after the caller stopped waiting (late finish); " + e.worker() + " is free again";
            case GROUP_STARTED -> group(history, e) + " started";
            case GROUP_FINISHED -> group(history, e) + " " + Phrases.ended(e.value() == null ? "" : e.value())
                    + " after " + Spoken.duration(e.duration());
            case POOL_RESIZED -> "the pool was resized to " + e.value() + " workers";
            case LOG -> who + " logged: " + e.value();
            case CIRCUIT_OPENED -> "the circuit breaker '" + e.name() + "' opened" + because(e)
                    + (e.duration() > 0 ? "; it refuses calls for " + Spoken.duration(e.duration()) : "");
            case CIRCUIT_HALF_OPENED -> "the circuit breaker '" + e.name() + "' half-opened" + because(e);
            case CIRCUIT_CLOSED -> "the circuit breaker '" + e.name() + "' closed" + because(e);
            case RATE_LIMITED -> who + " was held back by a rate limiter" + (e.duration() > 0
                    ? " for " + Spoken.duration(e.duration()) : "") + because(e);
            case FALLBACK_USED -> who + "'s outcome" + (e.errorType() == null ? "" : " (" + Phrases.error(e) + ")")
                    + " was replaced by its fallback" + (e.value() == null ? "" : " '" + e.value() + "'");
            case FAULT_INJECTED -> "a fault was injected into " + who + because(e);
            case BUDGET_EXHAUSTED -> who + " was not retried: " + (e.value() == null ? "the retry budget was spent"
                    : e.value());
        };
    }

    private static String because(Event e) {
        return e.value() == null || e.value().isBlank() ? "" : " (" + e.value() + ")";
    }

    private static String on(Event e) {
        return e.worker() == null ? "" : " on " + e.worker();
    }

    private static String lateFinish(RunHistory history, Event e) {
        Optional<Event> late = history.find(e.id(), EventType.LATE_FINISH);
        return late.map(l -> "; the work went on for " + Spoken.duration(l.duration()) + " (late finish)")
                .orElse("");
    }

    /// `race data-fetch (group 1)`, `the retries of flaky-db (group 4)`.
    static String group(RunHistory history, Event e) {
        String kind = history.groupKind(e.group()).orElse("group");
        return switch (kind) {
            case "retry" -> "the retries of " + e.name() + " (group " + e.group() + ")";
            default -> Phrases.groupNoun(kind) + " " + e.name() + " (group " + e.group() + ")";
        };
    }
}
