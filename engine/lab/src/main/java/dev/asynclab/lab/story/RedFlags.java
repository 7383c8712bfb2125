package dev.asynclab.lab.story;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import dev.asynclab.lab.scenario.Lint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/// Turns a run's lints into ranked red flags, each linked to the invocations whose stories explain it.
///
/// Rank: first by how much a flag costs the callers — a group that every member lost and timeouts that cut the
/// slow tail hand callers failures; a late finish holds a worker nobody can use; a slow queue and retries that
/// cannot fit their deadline cost time; a missing timeout and retries without jitter are risks not yet paid —
/// then, within one kind, by how many invocations show it.
///
/// ```java
/// List<RedFlag> flags = RedFlags.rank(Linter.check(scenario, summary), RunHistory.of(events));
/// flags.forEach(f -> System.out.println(f.rank() + ". " + f.sentence() + " — see " + f.idList(3)));
/// ```
public final class RedFlags {

    /// How many invocations a red flag links to at most.
    static final int MAX_IDS = 50;

    private static final Map<String, Integer> SEVERITY = Map.of(
            "race-all-failed", 6,
            "timeout-below-p99", 5,
            "late-finish", 4,
            "queue-slower-than-work", 3,
            "retries-past-deadline", 3,
            "no-timeout", 2,
            "retries-without-jitter", 1);

    private RedFlags() {
    }

    /// The lints as red flags, most serious first.
    public static List<RedFlag> rank(List<Lint> lints, RunHistory history) {
        record Scored(Lint lint, List<Long> ids) {
        }
        List<Scored> scored = new ArrayList<>();
        for (Lint lint : lints) {
            scored.add(new Scored(lint, ids(lint, history)));
        }
        scored.sort(Comparator.comparingInt((Scored s) -> -SEVERITY.getOrDefault(s.lint().code(), 0))
                .thenComparingInt(s -> -s.ids().size())
                .thenComparing(s -> s.lint().subject()));
        List<RedFlag> flags = new ArrayList<>();
        for (Scored s : scored) {
            flags.add(new RedFlag(flags.size() + 1, s.lint().code(), s.lint().subject(), sentence(s.lint()),
                    s.ids()));
        }
        return flags;
    }

    private static String sentence(Lint lint) {
        String message = lint.message();
        return lint.subject() + ": " + message + (message.endsWith(".") ? "" : ".");
    }

    /// The lint's own ids (group ids become their members), or, for a lint found in the declarations or the
    /// averages, the invocations that show it most.
    private static List<Long> ids(Lint lint, RunHistory history) {
        if (lint.groupIds()) {
            Set<Long> members = new LinkedHashSet<>();
            for (long group : lint.ids()) {
                members.addAll(history.idsInGroup(group));
            }
            return cap(List.copyOf(members));
        }
        if (!lint.ids().isEmpty()) {
            return cap(lint.ids());
        }
        return switch (lint.code()) {
            case "queue-slower-than-work" -> longestWaits(history, lint.subject());
            case "retries-without-jitter", "retries-past-deadline" -> history.events().stream()
                    .filter(e -> e.type() == EventType.RETRY_SCHEDULED && lint.subject().equals(e.name()))
                    .map(Event::id).distinct().limit(MAX_IDS).toList();
            case "no-timeout" -> longestRuns(history, lint.subject());
            default -> List.of();
        };
    }

    private static List<Long> longestWaits(RunHistory history, String name) {
        return history.events().stream()
                .filter(e -> e.type() == EventType.STARTED && name.equals(e.name()) && e.duration() > 0)
                .sorted(Comparator.comparingLong(Event::duration).reversed().thenComparingLong(Event::id))
                .map(Event::id).limit(MAX_IDS).toList();
    }

    private static List<Long> longestRuns(RunHistory history, String name) {
        return history.events().stream()
                .filter(e -> e.isTerminal() && name.equals(e.name()) && e.duration() > 0)
                .sorted(Comparator.comparingLong(Event::duration).reversed().thenComparingLong(Event::id))
                .map(Event::id).limit(MAX_IDS).toList();
    }

    private static List<Long> cap(List<Long> ids) {
        return ids.size() <= MAX_IDS ? ids : ids.subList(0, MAX_IDS);
    }
}
