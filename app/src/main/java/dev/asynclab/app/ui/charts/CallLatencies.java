package dev.asynclab.app.ui.charts;

import dev.asynclab.app.store.EventStore;
import dev.asynclab.app.store.InvocationTable;
import dev.asynclab.app.store.Outcome;
import dev.asynclab.engine.event.EventType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/// Each call's latency as its caller felt it: from the call's submission to the result the caller got.
///
/// A call is what a scenario step submits once: a plain invocation, or a group — a retry run (its attempts), a
/// race, a parallel or hedged group (its members, themselves perhaps retried: nested groups). The engine opens
/// every group with `GROUP_STARTED` (naming its parent group) and closes it with `GROUP_FINISHED`, whose
/// `duration` is how long its caller waited and whose `value` is the result's status. So a call is a top-level
/// group's `GROUP_FINISHED`, or the terminal event of an invocation in no group. An invocation in a group this
/// store never saw start (a log cut at the front) counts on its own.
final class CallLatencies implements LatencySource {

    /// Events looked at so far, for group starts and ends.
    private int scanned;
    /// Ended attempts looked at so far.
    private int taken;
    /// Every group seen starting, to the top-level group it runs in (itself, for a top-level one).
    private final Map<Long, Long> topGroup = new HashMap<>();
    private final Map<Long, Long> startedAt = new HashMap<>();
    /// Each finished top-level group's latency, -1 when it was rejected.
    private final Map<Long, Long> finished = new HashMap<>();

    @Override
    public void takeIn(EventStore store, Sink sink) {
        // Groups first: a member's group has started before the member, so it is known when the member is looked at.
        for (; scanned < store.size(); scanned++) {
            EventType type = store.type(scanned);
            if (type == EventType.GROUP_STARTED) {
                long group = groupId(store, scanned);
                long parent = store.event(scanned).parentGroup();
                topGroup.put(group, parent == 0 ? group : topGroup.getOrDefault(parent, parent));
                startedAt.put(group, store.time(scanned));
            } else if (type == EventType.GROUP_FINISHED) {
                groupFinished(store, scanned, sink);
            }
        }
        InvocationTable inv = store.invocations();
        for (; taken < store.endedCount(); taken++) {
            int slot = store.endedSlot(taken);
            if (topGroup.containsKey(inv.group(slot))) {
                continue; // its group's end is the caller's result
            }
            if (inv.outcome(slot) == Outcome.REJECTED) {
                sink.rejected(inv.endedAt(slot));
            } else {
                sink.ended(inv.endedAt(slot), Math.max(0, inv.latency(slot)));
            }
        }
    }

    private void groupFinished(EventStore store, int event, Sink sink) {
        long group = groupId(store, event);
        Long top = topGroup.get(group);
        if (top == null || top != group) {
            return; // a member group: its top-level group's end is what the caller got
        }
        long t = store.time(event);
        if (EventType.REJECTED.name().equals(store.value(event))) {
            finished.put(group, -1L);
            sink.rejected(t);
            return;
        }
        long latency = store.duration(event) >= 0 ? store.duration(event) : t - startedAt.get(group);
        finished.put(group, latency);
        sink.ended(t, latency);
    }

    /// A group event names its group in `group`; an old log's in `id` (as the store reads it).
    private static long groupId(EventStore store, int event) {
        return store.group(event) != 0 ? store.group(event) : store.id(event);
    }

    @Override
    public List<Long> attemptIds(EventStore store, long from, long to) {
        InvocationTable inv = store.invocations();
        List<Long> ids = new ArrayList<>();
        for (int slot = 0; slot < inv.size(); slot++) {
            Long top = topGroup.get(inv.group(slot));
            long latency;
            if (top != null) {
                latency = finished.getOrDefault(top, -1L);
            } else {
                latency = inv.outcome(slot) == Outcome.REJECTED ? -1 : inv.latency(slot);
            }
            if (latency >= from && latency < to) {
                ids.add(inv.id(slot));
            }
        }
        return ids;
    }
}
