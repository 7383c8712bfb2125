package dev.asynclab.app.store;

import dev.asynclab.engine.event.Event;

import java.util.ArrayList;
import java.util.List;

/// The typed fields of the few events that have them (`RUN_STARTED`: clock, seed, pool size; `GROUP_STARTED`:
/// kind, parent group), kept aside by event index so the millions of other events pay nothing for them.
final class StartFields {

    /// Event indexes, ascending (events are appended in order).
    private final IntColumn rows = new IntColumn();
    private final List<String> kinds = new ArrayList<>();
    private final LongColumn parents = new LongColumn();
    private final LongColumn seeds = new LongColumn();
    private final IntColumn poolSizes = new IntColumn();

    void add(int row, Event e) {
        rows.add(row);
        kinds.add(e.kind());
        parents.add(e.parentGroup());
        seeds.add(e.seed());
        poolSizes.add(e.poolSize());
    }

    /// `e` (the event at `row` without its typed fields) with them put back, if it had any.
    Event restore(int row, Event e) {
        int k = find(row);
        if (k < 0) {
            return e;
        }
        return new Event(e.seq(), e.t(), e.type(), e.id(), e.attempt(), e.group(), e.name(), e.worker(), e.duration(),
                e.errorType(), e.errorMessage(), e.value(), e.queueDepth(), kinds.get(k), parents.get(k), seeds.get(k),
                poolSizes.get(k));
    }

    private int find(int row) {
        int lo = 0;
        int hi = rows.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int r = rows.get(mid);
            if (r < row) {
                lo = mid + 1;
            } else if (r > row) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }
}
