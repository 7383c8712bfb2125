package dev.asynclab.lab.scenario;

import java.util.List;

/// One thing a run shows that is probably not what its author wants, with the invocations (or groups) that show
/// it.
///
/// @param code     a stable short name, e.g. `timeout-below-p99`
/// @param subject  the callback or group it is about
/// @param message  one sentence saying what and why
/// @param ids      invocation ids (or group ids, for group lints) that show it, at most 50
/// @param groupIds true when `ids` are group ids
public record Lint(String code, String subject, String message, List<Long> ids, boolean groupIds) {

    public Lint {
        ids = List.copyOf(ids);
    }

    @Override
    public String toString() {
        return code + " [" + subject + "]: " + message;
    }
}
