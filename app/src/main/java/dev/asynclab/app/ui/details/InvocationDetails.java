package dev.asynclab.app.ui.details;

import dev.asynclab.app.store.EventStore;
import dev.asynclab.app.store.InvocationTable;
import dev.asynclab.app.ui.timeline.TimeAxis;

import java.util.ArrayList;
import java.util.List;

/// What the details panel shows about one invocation: a title, its error, every attempt with its timings and
/// every event of the selected attempt.
///
/// ```java
/// InvocationDetails d = InvocationDetails.of(store, slot);
/// System.out.println(d.title() + "\n" + d.error());
/// ```
public record InvocationDetails(String title, String error, List<String> attempts, List<String> events) {

    public static final InvocationDetails NONE =
            new InvocationDetails("Nothing selected", "", List.of(), List.of("Click a bar in the timeline."));

    public static InvocationDetails of(EventStore store, int slot) {
        if (slot < 0 || slot >= store.invocations().size()) {
            return NONE;
        }
        InvocationTable inv = store.invocations();
        String title = "#" + inv.id(slot) + " " + store.invocationName(slot) + " · attempt " + inv.attempt(slot)
                + " · " + inv.outcome(slot) + (inv.group(slot) != 0 ? " · group " + inv.group(slot) : "");
        int terminal = inv.terminalEvent(slot);
        String error = terminal < 0 || store.errorType(terminal) == null ? ""
                : store.errorType(terminal) + ": " + (store.errorMessage(terminal) == null ? ""
                : store.errorMessage(terminal));
        List<String> attempts = new ArrayList<>();
        for (int a : store.attemptsOf(slot)) {
            attempts.add(attempt(store, a));
        }
        List<String> events = new ArrayList<>();
        for (int e : store.eventsOf(slot)) {
            events.add(event(store, e));
        }
        return new InvocationDetails(title, error, attempts, events);
    }

    private static String attempt(EventStore store, int slot) {
        InvocationTable inv = store.invocations();
        StringBuilder s = new StringBuilder("attempt ").append(inv.attempt(slot)).append(" (#").append(inv.id(slot))
                .append("): ").append(inv.outcome(slot));
        if (inv.queuedAt(slot) >= 0 && inv.startedAt(slot) >= 0) {
            s.append(" · waited ").append(dev.asynclab.app.ui.format.Durations.format(inv.startedAt(slot) - inv.queuedAt(slot)));
        }
        if (inv.startedAt(slot) >= 0 && inv.endedAt(slot) >= 0) {
            s.append(" · ran ").append(dev.asynclab.app.ui.format.Durations.format(inv.endedAt(slot) - inv.startedAt(slot)));
        }
        if (inv.latency(slot) >= 0) {
            s.append(" · latency ").append(dev.asynclab.app.ui.format.Durations.format(inv.latency(slot)));
        }
        if (inv.lateEndAt(slot) >= 0) {
            s.append(" · kept running ").append(dev.asynclab.app.ui.format.Durations.format(inv.lateEndAt(slot) - inv.endedAt(slot)))
                    .append(" after it ended");
        }
        return s.toString();
    }

    /// One event as a line: time, type, worker and what it carries.
    public static String event(EventStore store, int e) {
        StringBuilder s = new StringBuilder(dev.asynclab.app.ui.format.Durations.format(store.time(e))).append("  ").append(store.type(e));
        if (store.worker(e) != null) {
            s.append(" on ").append(store.worker(e));
        }
        if (store.duration(e) >= 0) {
            s.append(" · ").append(dev.asynclab.app.ui.format.Durations.format(store.duration(e)));
        }
        if (store.errorType(e) != null) {
            s.append(" · ").append(store.errorType(e));
        }
        if (store.errorMessage(e) != null) {
            s.append(": ").append(store.errorMessage(e));
        }
        if (store.value(e) != null) {
            s.append(" → ").append(store.value(e));
        }
        return s.toString();
    }
}
