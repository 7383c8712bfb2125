package dev.asynclab.lab.story;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/// A run's events indexed for telling what happened: each invocation's events, each group's start, end and
/// members, and the state of the pool whenever a call had to wait or was rejected. Built from the events alone,
/// so a live run, a replayed log and `asynclab explain` read the same history.
///
/// ```java
/// RunHistory history = RunHistory.of(AuditLogReader.read(path).events());
/// history.eventsOf(7).forEach(System.out::println);
/// ```
public final class RunHistory {

    private final List<Event> events;
    private final Map<Long, List<Event>> byId = new LinkedHashMap<>();
    private final Map<Long, Event> groupStarted = new HashMap<>();
    private final Map<Long, Event> groupFinished = new HashMap<>();
    private final Map<Long, List<Long>> groupIds = new HashMap<>();
    private final Map<Long, PoolMoment> poolBySeq = new HashMap<>();
    private final LaneLabels lanes = new LaneLabels();

    private RunHistory(List<Event> events) {
        this.events = List.copyOf(events);
    }

    /// Indexes `events`, in the order they were emitted (`seq`).
    public static RunHistory of(List<Event> events) {
        var history = new RunHistory(events);
        history.index();
        return history;
    }

    private void index() {
        Set<Long> overrun = new HashSet<>();
        for (Event e : events) {
            if (e.type() == EventType.LATE_FINISH) {
                overrun.add(e.id());
            }
        }
        // Who holds a worker: a call from STARTED until it ends, or until its LATE_FINISH when it ran on after a
        // timeout or cancel (the pool hands the worker on only when the callback really returns).
        Set<Long> holding = new HashSet<>();
        Set<Long> overrunning = new HashSet<>();
        int poolSize = 0;
        for (Event e : events) {
            switch (e.type()) {
                case RUN_STARTED -> poolSize = Math.max(0, e.poolSize());
                case POOL_RESIZED -> poolSize = (int) parseLong(String.valueOf(e.value()));
                case GROUP_STARTED -> groupStarted.put(e.group(), e);
                case GROUP_FINISHED -> groupFinished.put(e.group(), e);
                case STARTED -> {
                    holding.add(e.id());
                    lanes.started(e.worker(), e.name());
                }
                // A call waits only when every slot is taken, and a slot is let go a moment after its call ends (a
                // retry can be queued in between): so the pool's size, when the log says it, is the busy count.
                case QUEUED, REJECTED -> poolBySeq.put(e.seq(), new PoolMoment(Math.max(poolSize, holding.size()),
                        overrunning.size(), e.type() == EventType.QUEUED ? Math.max(0, e.queueDepth() - 1)
                        : Math.max(0, e.queueDepth())));
                case SUCCEEDED, FAILED -> holding.remove(e.id());
                case TIMED_OUT, CANCELLED -> {
                    if (overrun.contains(e.id()) && holding.contains(e.id())) {
                        overrunning.add(e.id());
                    } else {
                        holding.remove(e.id());
                    }
                }
                case LATE_FINISH -> {
                    holding.remove(e.id());
                    overrunning.remove(e.id());
                }
                default -> {
                    // run and pool events hold no worker
                }
            }
            if (e.id() != 0) {
                List<Event> own = byId.computeIfAbsent(e.id(), id -> new ArrayList<>());
                if (own.isEmpty() && e.group() != 0) {
                    groupIds.computeIfAbsent(e.group(), g -> new ArrayList<>()).add(e.id());
                }
                own.add(e);
            }
        }
    }

    /// Every event, in order.
    public List<Event> events() {
        return events;
    }

    /// The invocation ids, in the order they first appeared.
    public List<Long> ids() {
        return List.copyOf(byId.keySet());
    }

    public boolean has(long id) {
        return byId.containsKey(id);
    }

    /// The events of invocation `id`, in order (empty if there is none).
    public List<Event> eventsOf(long id) {
        return Collections.unmodifiableList(byId.getOrDefault(id, List.of()));
    }

    /// The first event of `id` of the given type.
    public Optional<Event> find(long id, EventType type) {
        return eventsOf(id).stream().filter(e -> e.type() == type).findFirst();
    }

    /// The event that ended invocation `id`.
    public Optional<Event> terminal(long id) {
        return eventsOf(id).stream().filter(Event::isTerminal).findFirst();
    }

    public Optional<Event> groupStart(long group) {
        return Optional.ofNullable(groupStarted.get(group));
    }

    public Optional<Event> groupEnd(long group) {
        return Optional.ofNullable(groupFinished.get(group));
    }

    /// `retry`, `race`, `parallel` or `hedged`; empty for no group or a group whose start is not in the log.
    public Optional<String> groupKind(long group) {
        return groupStart(group).map(e -> e.kind() == null ? "" : e.kind());
    }

    /// The group this group runs in (a retried race member's retry group runs in its race), or 0.
    public long parentGroup(long group) {
        return groupStart(group).map(Event::parentGroup).orElse(0L);
    }

    /// The invocations of `group` itself (not of the groups inside it), in order.
    public List<Long> idsInGroup(long group) {
        return List.copyOf(groupIds.getOrDefault(group, List.of()));
    }

    /// The pool as `e` (a QUEUED or REJECTED event) found it.
    public Optional<PoolMoment> poolAt(Event e) {
        return Optional.ofNullable(poolBySeq.get(e.seq()));
    }

    /// The callback names that ran on `worker`.
    public Set<String> namesOn(String worker) {
        return lanes.namesOn(worker);
    }

    /// A lane's label: `w2 · cache` when every call it ran had one name, else the worker alone ([LaneLabels]).
    public String laneLabel(String worker) {
        return lanes.label(worker);
    }

    /// The ids of a call as its caller sees it: every attempt when `id` was retried (its retry group), else
    /// `id` alone.
    public List<Long> callOf(long id) {
        long group = eventsOf(id).isEmpty() ? 0 : eventsOf(id).getFirst().group();
        if (group != 0 && groupKind(group).filter("retry"::equals).isPresent()) {
            return idsInGroup(group);
        }
        return List.of(id);
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
