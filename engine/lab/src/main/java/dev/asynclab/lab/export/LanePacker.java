package dev.asynclab.lab.export;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/// Puts intervals that may overlap onto lanes where they do not: the first lane of a row whose intervals all end
/// by the new one's start, or a new lane. A trace viewer's track stacks its slices by nesting, so two overlapping
/// waits (or two ghosts of one worker) on one track would be drawn as parent and child, or refused; on lanes of
/// their own they are drawn side by side. Intervals may arrive in any order; lanes only ever grow.
final class LanePacker {

    /// Per row (a worker, the queue, the groups), the latest end placed on each of its lanes.
    private final Map<String, List<Long>> rows = new HashMap<>();

    /// The lane (0, 1, …) of `row` on which `[start, end]` overlaps nothing placed before. An interval whose end
    /// is not known yet is placed with `end` = [Long#MAX_VALUE] and ended later with [#end].
    int place(String row, long start, long end) {
        List<Long> lanes = rows.computeIfAbsent(row, r -> new ArrayList<>(2));
        for (int lane = 0; lane < lanes.size(); lane++) {
            if (lanes.get(lane) <= start) {
                lanes.set(lane, end);
                return lane;
            }
        }
        lanes.add(end);
        return lanes.size() - 1;
    }

    /// Sets the end of the interval last placed on `lane` of `row`, once known.
    void end(String row, int lane, long end) {
        rows.get(row).set(lane, end);
    }
}
