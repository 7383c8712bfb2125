package dev.asynclab.lab.story;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/// The invocations of a run most worth explaining: the slowest call, the most retried one, the first late finish
/// and the first rejection (each once, in that order).
///
/// ```java
/// for (Notable n : Notable.pick(history)) {
///     System.out.println(n.reason() + ": " + StoryTeller.tell(history, n.id()).orElseThrow().paragraph());
/// }
/// ```
///
/// @param id     the invocation (the first attempt of a retried call)
/// @param reason why it was picked, e.g. `the slowest call (412 ms)`
public record Notable(long id, String reason) {

    /// The notable invocations of `history`, at most one per reason and never the same call twice.
    public static List<Notable> pick(RunHistory history) {
        List<Notable> picked = new ArrayList<>();
        Set<Long> told = new HashSet<>();
        slowest(history).ifPresent(n -> add(history, n, picked, told));
        mostRetried(history).ifPresent(n -> add(history, n, picked, told));
        firstOf(history, EventType.LATE_FINISH, "a late finish").ifPresent(n -> add(history, n, picked, told));
        firstOf(history, EventType.REJECTED, "a rejection").ifPresent(n -> add(history, n, picked, told));
        return picked;
    }

    private static void add(RunHistory history, Notable n, List<Notable> picked, Set<Long> told) {
        List<Long> call = history.callOf(n.id());
        if (told.add(call.getFirst())) {
            picked.add(new Notable(call.getFirst(), n.reason()));
        }
    }

    private static Optional<Notable> slowest(RunHistory history) {
        long best = -1;
        long bestId = 0;
        Set<Long> seen = new HashSet<>();
        for (long id : history.ids()) {
            List<Long> call = history.callOf(id);
            if (!seen.add(call.getFirst())) {
                continue;
            }
            Optional<Event> end = history.terminal(call.getLast());
            if (end.isEmpty()) {
                continue;
            }
            long latency = end.get().t() - history.eventsOf(call.getFirst()).getFirst().t();
            if (latency > best) {
                best = latency;
                bestId = call.getFirst();
            }
        }
        return best < 0 ? Optional.empty()
                : Optional.of(new Notable(bestId, "the slowest call (" + Spoken.duration(best) + ")"));
    }

    private static Optional<Notable> mostRetried(RunHistory history) {
        int most = 1;
        long mostId = 0;
        for (long id : history.ids()) {
            List<Long> call = history.callOf(id);
            if (call.getFirst() == id && call.size() > most) {
                most = call.size();
                mostId = id;
            }
        }
        return most < 2 ? Optional.empty()
                : Optional.of(new Notable(mostId, "the most retried call (" + most + " attempts)"));
    }

    private static Optional<Notable> firstOf(RunHistory history, EventType type, String reason) {
        return history.events().stream().filter(e -> e.type() == type).findFirst()
                .map(e -> new Notable(e.id(), reason));
    }
}
