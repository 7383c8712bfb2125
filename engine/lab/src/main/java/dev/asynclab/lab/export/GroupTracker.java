package dev.asynclab.lab.export;

import dev.asynclab.engine.event.Event;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/// The race, parallel, hedged and retry groups open at a point of the log: each from its GROUP_STARTED, whose
/// value names its kind and maybe the group it is nested in (`race`, `retry in 41`), to its GROUP_FINISHED.
final class GroupTracker {

    /// A group between its GROUP_STARTED and GROUP_FINISHED.
    record Group(long id, String name, String kind, long parent, long started) {
    }

    private final Map<Long, Group> open = new HashMap<>();

    Group started(Event e) {
        String value = e.value() == null ? "" : e.value();
        int in = value.indexOf(" in ");
        String kind = in < 0 ? value : value.substring(0, in);
        long parent = in < 0 ? 0 : parseOrZero(value.substring(in + 4));
        var group = new Group(e.group(), e.name(), kind.isEmpty() ? "group" : kind, parent, e.t());
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

    private static long parseOrZero(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
