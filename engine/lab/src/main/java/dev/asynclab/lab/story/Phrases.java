package dev.asynclab.lab.story;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;

/// The small pieces the captions and stories share, so the same thing is always said the same way.
final class Phrases {

    private Phrases() {
    }

    /// `fetch-user #7`, or `flaky-db #2 (attempt 2)` for a retry.
    static String who(Event e) {
        String base = (e.name() == null ? "call" : e.name()) + " #" + e.id();
        return e.attempt() > 1 ? base + " (attempt " + e.attempt() + ")" : base;
    }

    /// `IOException: connection reset`, or the type alone.
    static String error(Event e) {
        if (e.errorType() == null) {
            return "an error";
        }
        return e.errorMessage() == null || e.errorMessage().isBlank() ? e.errorType()
                : e.errorType() + ": " + e.errorMessage();
    }

    /// Why a call waits: `all 4 workers were busy (1 still running a call that had timed out); 3 calls were
    /// ahead of it`.
    static String waitReason(PoolMoment pool) {
        String busy = allBusy(pool.busy());
        if (pool.overrunning() > 0) {
            busy += " (" + pool.overrunning() + " of them still running "
                    + (pool.overrunning() == 1 ? "a call" : "calls") + " past a timeout or cancel)";
        }
        String ahead = pool.ahead() == 0 ? "no call was ahead of it"
                : pool.ahead() == 1 ? "1 call was ahead of it" : pool.ahead() + " calls were ahead of it";
        return busy + "; " + ahead;
    }

    /// `the only worker was busy`, `both workers were busy`, `all 4 workers were busy`.
    static String allBusy(int workers) {
        return switch (workers) {
            case 0, 1 -> "the only worker was busy";
            case 2 -> "both workers were busy";
            default -> "all " + workers + " workers were busy";
        };
    }

    /// `race`, `parallel group`, `hedged request`, `retried call`.
    static String groupNoun(String kind) {
        return switch (kind) {
            case "parallel" -> "parallel group";
            case "hedged" -> "hedged request";
            case "retry" -> "retried call";
            case "race" -> "race";
            default -> "group";
        };
    }

    /// `after 40 ms`, or `at once` for no time at all.
    static String after(long nanos) {
        return nanos <= 0 ? "at once" : "after " + Spoken.duration(nanos);
    }

    /// What the caller got: `its result`, `a timeout`, `a failure (IOException: connection reset)`, ...
    static String callerGot(EventType outcome, Event terminal) {
        return switch (outcome) {
            case SUCCEEDED -> "its result";
            case FAILED -> terminal == null ? "a failure" : "a failure (" + error(terminal) + ")";
            case TIMED_OUT -> "a timeout";
            case CANCELLED -> "a cancellation";
            case REJECTED -> "a rejection";
            default -> outcome.name();
        };
    }

    /// The word for an outcome in a running sentence: `succeeded`, `timed out`, ...
    static String ended(String status) {
        return switch (status) {
            case "SUCCEEDED" -> "succeeded";
            case "FAILED" -> "failed";
            case "TIMED_OUT" -> "timed out";
            case "CANCELLED" -> "was cancelled";
            case "REJECTED" -> "was rejected";
            default -> "ended " + status;
        };
    }
}
