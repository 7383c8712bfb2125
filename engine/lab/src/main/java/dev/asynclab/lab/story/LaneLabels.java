package dev.asynclab.lab.story;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/// Which callback names each worker lane ran, and the label that makes of the lane: `w2 · cache` when every call
/// it ran had one name, the worker alone otherwise. The one fold of it: [RunHistory] (the story, `asynclab
/// explain`) and the app's timeline both take their STARTED events through it, so a lane reads the same
/// everywhere.
///
/// Not thread-safe: one thread feeds it. A STARTED event costs two hash look-ups; a lane keeps each distinct name
/// it ran once.
///
/// ```java
/// LaneLabels lanes = new LaneLabels();
/// lanes.started("w2", "cache");
/// lanes.label("w2");   // "w2 · cache"
/// lanes.started("w2", "db");
/// lanes.label("w2");   // "w2"
/// ```
public final class LaneLabels {

    /// What separates the worker from the name it serves in a label.
    public static final String SEPARATOR = " · ";

    private final Map<String, Set<String>> namesByLane = new HashMap<>();

    /// A call named `name` started on `worker`; either may be null (an old or foreign log), which says nothing.
    public void started(String worker, String name) {
        if (worker != null && name != null) {
            namesByLane.computeIfAbsent(worker, w -> new LinkedHashSet<>()).add(name);
        }
    }

    /// The callback names that ran on `worker`, in the order they first did.
    public Set<String> namesOn(String worker) {
        return Collections.unmodifiableSet(namesByLane.getOrDefault(worker, Set.of()));
    }

    /// The name every call on `worker` had, or null when it ran none or several.
    public String soleName(String worker) {
        Set<String> names = namesByLane.get(worker);
        return names != null && names.size() == 1 ? names.iterator().next() : null;
    }

    /// `w2 · cache` when every call `worker` ran had one name, else the worker alone.
    public String label(String worker) {
        String name = soleName(worker);
        return name == null ? worker : worker + SEPARATOR + name;
    }
}
