package dev.asynclab.lab.export;

import dev.asynclab.engine.event.Event;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/// Flow ids for Perfetto's arrows between slices. Perfetto joins the slices that carry one flow id in time order,
/// so an id is a chain; there are two kinds:
///
/// - a **chain** per retried invocation (its group and callback name, the timeline's rule): the retry group's own
///   slice and every attempt of it carry it, so the arrows run group → attempt 1 → attempt 2 …;
/// - a **member** id per member of a race, parallel or hedged group: the member's slices carry it and so does the
///   group's slice, so the arrows fan out from the group to each member.
///
/// A group's kind comes from its GROUP_STARTED (`race`, `parallel`, `hedged`, `retry`, each maybe followed by
/// ` in <parent group>`); a group never announced (an older or foreign log) is taken as a retry chain.
final class GroupFlows {

    /// A group between its GROUP_STARTED and GROUP_FINISHED.
    static final class Group {
        final long id;
        final String name;
        final String kind;
        final long parent;
        final long started;
        final List<Long> memberFlows = new ArrayList<>();

        Group(long id, String name, String kind, long parent, long started) {
            this.id = id;
            this.name = name;
            this.kind = kind;
            this.parent = parent;
            this.started = started;
        }

        boolean fansOut() {
            return !kind.equals("retry");
        }
    }

    private final Map<Long, Group> open = new HashMap<>();
    /// Retry chains' flow ids by group, then callback name; a group's go when it finishes.
    private final Map<Long, Map<String, Long>> chains = new HashMap<>();
    /// Member flow ids by the invocation (or nested group) they belong to, until its slice is written.
    private final Map<Long, Long> members = new HashMap<>();
    private final Map<Long, Long> nestedGroups = new HashMap<>();
    private long lastId;

    void groupStarted(Event e) {
        String value = e.value() == null ? "" : e.value();
        int in = value.indexOf(" in ");
        String kind = in < 0 ? value : value.substring(0, in);
        long parent = in < 0 ? 0 : parseOrZero(value.substring(in + 4));
        var group = new Group(e.group(), e.name(), kind.isEmpty() ? "group" : kind, parent, e.t());
        open.put(group.id, group);
        Group outer = open.get(parent);
        if (outer != null && outer.fansOut()) {
            long flow = ++lastId;
            outer.memberFlows.add(flow);
            nestedGroups.put(group.id, flow);
        }
    }

    /// Gives a member of a fan-out group its flow id the first time one of its events is seen, which is before
    /// the group finishes even for a loser that is cancelled after.
    void seen(Event e) {
        if (e.id() == 0 || e.group() == 0 || members.containsKey(e.id())) {
            return;
        }
        Group group = open.get(e.group());
        if (group != null && group.fansOut()) {
            long flow = ++lastId;
            group.memberFlows.add(flow);
            members.put(e.id(), flow);
        }
    }

    /// The flow ids an attempt's slice carries: its member id or its retry chain's.
    long[] forAttempt(Attempt a) {
        Long member = members.remove(a.id());
        if (member != null) {
            return new long[] {member};
        }
        if (a.group() == 0) {
            return new long[0];
        }
        return new long[] {chain(a.group(), a.name())};
    }

    /// Ends `group` and returns it with the flow ids its slice carries, or null if it never started.
    Group finish(long groupId) {
        Group group = open.remove(groupId);
        if (group == null) {
            return null;
        }
        Long asMember = nestedGroups.remove(groupId);
        var flows = new ArrayList<Long>(group.fansOut() ? group.memberFlows : List.of(chain(groupId, group.name)));
        if (asMember != null) {
            flows.add(asMember);
        }
        group.memberFlows.clear();
        group.memberFlows.addAll(flows);
        chains.remove(groupId);
        return group;
    }

    /// The groups still open when the log ends, oldest first.
    List<Long> openGroups() {
        return open.values().stream().sorted((x, y) -> Long.compare(x.started, y.started)).map(g -> g.id).toList();
    }

    private long chain(long group, String name) {
        return chains.computeIfAbsent(group, g -> new HashMap<>(4)).computeIfAbsent(name, n -> ++lastId);
    }

    private static long parseOrZero(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
