package dev.asynclab.lab.export;

import dev.asynclab.engine.event.Event;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/// The race, parallel, hedged and retry groups open at a point of the log: each from its GROUP_STARTED (which
/// names its kind and the group it is nested in, if any) to its GROUP_FINISHED.
final class GroupTracker {

    /// A group between its GROUP_STARTED and GROUP_FINISHED.
    record Group(long id, String name, String kind, long parent, long started) {
    }

    private final Map<Long, Group> open = new HashMap<>();

    Group started(Event e) {
        String kind = e.kind() == null || e.kind().isEmpty() ? "group" : e.kind();
        var group = new Group(e.group(), e.name(), kind, e.parentGroup(), e.t());
        open.put(group.id(), group);
        return group;
    }

    /// Ends `group` and returns it, or null if it never started.
    Group finish(long group) {
        return open.remove(group);
    }

    /// The groups still open when the log ends, oldest first.
    List<Long> openGroups() {
        return open.values().stream().sorted((x, y) -> Long.compare(x.started(), y.started())).map(Group::id)
                .toList();
    }
}
