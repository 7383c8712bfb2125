package dev.asynclab.lab.story;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/// Tells an invocation's story from a run's events: how long it waited and why, each attempt and how it ended,
/// each retry and its delay, any late finish, and what the caller finally got. A retried call is told whole,
/// whichever of its attempts is asked about.
///
/// ```java
/// InvocationStory story = StoryTeller.tell(RunHistory.of(events), 30).orElseThrow();
/// System.out.println(story.paragraph());
/// // "fetch-user #30 arrived at 661.9 ms. It waited 78.2 ms in the queue because all 4 workers were busy; ..."
/// ```
public final class StoryTeller {

    private StoryTeller() {
    }

    /// The story of invocation `id`; empty when the history has no such invocation.
    public static Optional<InvocationStory> tell(RunHistory history, long id) {
        if (!history.has(id)) {
            return Optional.empty();
        }
        List<Long> call = history.callOf(id);
        Event first = history.eventsOf(call.getFirst()).getFirst();
        List<String> sentences = new ArrayList<>();
        long retryGroup = call.size() > 1 || isRetryGroup(history, first.group()) ? first.group() : 0;
        long outer = retryGroup != 0 ? history.parentGroup(retryGroup) : first.group();
        String name = first.name() == null ? "call" : first.name();
        sentences.add(name + " #" + first.id() + " arrived at " + Spoken.moment(first.t()) + membership(history, outer)
                + ".");
        for (long attemptId : call) {
            attempt(history, attemptId, call.size() > 1, sentences);
        }
        if (outer != 0) {
            history.groupEnd(outer).ifPresent(end -> sentences.add("The "
                    + Phrases.groupNoun(history.groupKind(outer).orElse("group")) + " "
                    + Phrases.ended(String.valueOf(end.value())) + " " + Phrases.after(end.duration())
                    + winner(history, outer, end) + "."));
        } else {
            callerResult(history, call, first, retryGroup).ifPresent(sentences::add);
        }
        return Optional.of(new InvocationStory(id, name + " #" + first.id(), sentences, call));
    }

    private static boolean isRetryGroup(RunHistory history, long group) {
        return group != 0 && history.groupKind(group).filter("retry"::equals).isPresent();
    }

    private static String membership(RunHistory history, long group) {
        if (group == 0) {
            return "";
        }
        Optional<Event> start = history.groupStart(group);
        String groupName = start.map(Event::name).orElse("?");
        long members = history.idsInGroup(group).stream().map(history::eventsOf)
                .filter(events -> !events.isEmpty() && events.getFirst().attempt() <= 1).count()
                + childGroups(history, group);
        return " as one of the " + members + " members of "
                + Phrases.groupNoun(history.groupKind(group).orElse("group")) + " " + groupName + " (group " + group
                + ")";
    }

    /// `, won by cache #2` for a race or hedged request that succeeded.
    private static String winner(RunHistory history, long group, Event end) {
        String kind = history.groupKind(group).orElse("");
        if (!"SUCCEEDED".equals(end.value()) || !(kind.equals("race") || kind.equals("hedged"))) {
            return "";
        }
        return history.events().stream()
                .filter(e -> e.type() == EventType.SUCCEEDED && e.t() <= end.t())
                .filter(e -> e.group() == group || history.parentGroup(e.group()) == group)
                .reduce((a, b) -> b).map(e -> ", won by " + e.name() + " #" + e.id()).orElse("");
    }

    /// Members of `group` that are retried calls run in a retry group of their own.
    private static long childGroups(RunHistory history, long group) {
        return history.events().stream().filter(e -> e.type() == EventType.GROUP_STARTED)
                .filter(e -> history.parentGroup(e.group()) == group).count();
    }

    private static void attempt(RunHistory history, long id, boolean numbered, List<String> sentences) {
        List<Event> events = history.eventsOf(id);
        String it = numbered ? "Attempt " + events.getFirst().attempt() + " (#" + id + ")" : "It";
        Optional<Event> queued = history.find(id, EventType.QUEUED);
        Optional<Event> started = history.find(id, EventType.STARTED);
        Optional<Event> end = history.terminal(id);
        String subject = it;
        if (queued.isPresent()) {
            Event q = queued.get();
            long waited = started.map(s -> s.t() - q.t()).orElse(end.map(x -> x.t() - q.t()).orElse(0L));
            String reason = history.poolAt(q).map(Phrases::waitReason).orElse("every worker was busy");
            sentences.add(it + " waited " + Spoken.duration(waited) + " in the queue because " + reason + ".");
            subject = "Then it";
        }
        if (started.isPresent()) {
            String how = queued.isPresent() ? " ran on " : " started at once on ";
            sentences.add(subject + how + started.get().worker() + " and " + ending(end) + ".");
        } else if (end.isPresent() && end.get().type() == EventType.REJECTED && refusingPolicy(end.get()) != null) {
            Event r = end.get();
            sentences.add(it + " was refused at once by the " + refusingPolicy(r) + " (rejected), so its callback"
                    + " never ran" + (r.errorMessage() == null || r.errorMessage().isBlank() ? "" : ": "
                    + r.errorMessage()) + ".");
        } else if (end.isPresent() && end.get().type() == EventType.REJECTED) {
            String reason = history.poolAt(end.get()).map(p -> Phrases.allBusy(p.busy()))
                    .orElse("every worker was busy");
            int waiting = history.poolAt(end.get()).map(PoolMoment::ahead).orElse(0);
            sentences.add(it + " was turned away at once (rejected): " + reason + " and the queue was full, with "
                    + Spoken.count(waiting, "call") + " waiting.");
        } else if (end.isPresent() && end.get().type() == EventType.CANCELLED) {
            sentences.add((queued.isPresent() ? "Then it" : it) + " was cancelled before it started, so its "
                    + "callback never ran.");
        } else {
            sentences.add(subject + " had not started when the log ended.");
        }
        history.find(id, EventType.FAULT_INJECTED).ifPresent(fault -> sentences.add("A fault was injected into it on"
                + " purpose" + (fault.value() == null || fault.value().isBlank() ? "" : " (" + fault.value() + ")")
                + "."));
        history.find(id, EventType.LATE_FINISH).ifPresent(late -> sentences.add("Its callback ignored the interrupt"
                + " and went on for another " + Spoken.duration(late.duration()) + ", holding " + late.worker()
                + " until " + Spoken.moment(late.t()) + " (late finish)."));
        history.find(id, EventType.RETRY_SCHEDULED).ifPresent(retry -> sentences.add("A retry was scheduled "
                + (retry.duration() <= 0 ? "at once, with no delay" : "with a " + Spoken.duration(retry.duration())
                + " delay") + (retry.value() == null ? "" : " (" + retry.value() + ")") + "."));
        history.find(id, EventType.BUDGET_EXHAUSTED).ifPresent(spent -> sentences.add("It was not retried: "
                + (spent.value() == null || spent.value().isBlank() ? "the retry budget was spent" : spent.value())
                + "."));
        history.find(id, EventType.FALLBACK_USED).ifPresent(fallback -> sentences.add(fallback(fallback)));
    }

    /// What a FALLBACK_USED says: the outcome it replaced, and what the caller got instead (or that the fallback
    /// failed too, in which case its value starts with `fallback failed`).
    private static String fallback(Event fallback) {
        String replaced = fallback.errorType() == null ? "that outcome" : "that outcome (" + Phrases.error(fallback)
                + ")";
        String value = fallback.value();
        if (value != null && value.startsWith("fallback failed")) {
            return "Its fallback was called in place of " + replaced + ", and failed too (" + value + ").";
        }
        return "Its fallback took the place of " + replaced + (value == null ? "" : ": the caller got '" + value
                + "' instead") + ".";
    }

    /// `circuit breaker`, `rate limiter`, `bulkhead` for a REJECTED event a policy caused (its value names the
    /// policy); null for a full queue.
    private static String refusingPolicy(Event rejected) {
        String policy = rejected.value();
        return policy == null || policy.isBlank() ? null : policy.replace('-', ' ');
    }

    private static String ending(Optional<Event> end) {
        if (end.isEmpty()) {
            return "was still running when the log ended";
        }
        Event e = end.get();
        return switch (e.type()) {
            case SUCCEEDED -> "succeeded after " + Spoken.duration(e.duration());
            case FAILED -> "failed after " + Spoken.duration(e.duration()) + " with " + Phrases.error(e);
            case TIMED_OUT -> "timed out at its " + Spoken.duration(e.duration()) + " limit; the worker was "
                    + "interrupted";
            case CANCELLED -> "was cancelled after " + Spoken.duration(e.duration()) + "; the worker was interrupted";
            default -> Phrases.ended(e.type().name());
        };
    }

    private static Optional<String> callerResult(RunHistory history, List<Long> call, Event first, long retryGroup) {
        if (retryGroup != 0) {
            Optional<Event> end = history.groupEnd(retryGroup);
            if (end.isEmpty()) {
                return Optional.empty();
            }
            EventType outcome = outcomeOf(end.get().value());
            Event lastTerminal = history.terminal(call.getLast()).orElse(null);
            return Optional.of("The caller got " + Phrases.callerGot(outcome, lastTerminal) + " "
                    + Phrases.after(end.get().duration()) + (call.size() == 1 ? ", on the first attempt"
                    : "; it took " + call.size() + " attempts") + ".");
        }
        return history.terminal(first.id()).map(end -> "The caller got " + Phrases.callerGot(end.type(), end)
                + (end.t() == first.t() ? " at once." : " " + Spoken.duration(end.t() - first.t())
                + " after the call arrived."));
    }

    private static EventType outcomeOf(String status) {
        try {
            return EventType.valueOf(String.valueOf(status));
        } catch (IllegalArgumentException e) {
            return EventType.FAILED;
        }
    }
}
