package dev.asynclab.lab.export;

import java.util.HashMap;
import java.util.Map;

/// Links each attempt that ran to the previous one of the same invocation, for flow arrows. The rule is the
/// timeline's: attempts of one group with the same callback name and a higher attempt number are retries of one
/// invocation (members of a race or parallel group share the group but not the name).
final class RetryChains {

    /// An arrow from the previous attempt (at `fromTime` on `fromLane`) to the next; times are mid-slice.
    record Link(long flowId, long fromLane, long fromTime, long toLane, long toTime) {
    }

    private record Last(int attempt, long lane, long midTime) {
    }

    /// The last attempt that ran, per group and name; a group's entries go when the group finishes.
    private final Map<Long, Map<String, Last>> last = new HashMap<>();
    private long flowIds;

    /// Records `a`, drawn on `lane`, and returns the link from its previous attempt, or null when it has none.
    Link next(Attempt a, long lane) {
        if (a.group() == 0 || a.started() < 0 || a.ended() < 0) {
            return null;
        }
        long mid = a.started() + (a.ended() - a.started()) / 2;
        Last previous = last.computeIfAbsent(a.group(), g -> new HashMap<>(4))
                .put(a.name(), new Last(a.attempt(), lane, mid));
        if (previous == null || previous.attempt() >= a.attempt()) {
            return null;
        }
        return new Link(++flowIds, previous.lane(), previous.midTime(), lane, mid);
    }

    /// Forgets `group` once it has finished: its retries have all run (a retry group ends with its last attempt).
    void forget(long group) {
        last.remove(group);
    }
}
