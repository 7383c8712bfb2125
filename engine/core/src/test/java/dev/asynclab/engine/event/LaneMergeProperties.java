package dev.asynclab.engine.event;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/// One round of the event bus writer's merge of its lanes (`LaneMerge`, driven as `EventBus.drainMerged` drives it),
/// over generated lanes: each a list of claimed seqs, published with a `t` or claimed and not yet filled, a clock
/// reading `w`, a most the round may take and a most it reads of each lane. Whatever comes:
/// - each lane gives a prefix of its events, in lane order, all published and none stamped later than `w`;
/// - nothing at or past the earliest published `t` behind a seq still being filled goes (that event may have caused
///   it);
/// - an event that may have happened before a delivered one of another lane (a smaller `t`, and nothing ahead of it
///   in its lane stamped as late as that one, as the clock makes sure for a real cause) is delivered, and first;
/// - with every event published and none later than `w`, the round takes everything (up to its most).
class LaneMergeProperties {

    private static final int UNPUBLISHED = -1;

    @Property(tries = 2000)
    void aRoundDeliversPrefixesThatKeepEveryPossibleCauseFirst(
            @ForAll @Size(min = 1, max = 5) List<@Size(max = 12) List<@IntRange(min = -1, max = 40) Integer>> stamps,
            @ForAll @IntRange(min = 0, max = 40) int w,
            @ForAll @IntRange(min = 1, max = 60) int most,
            @ForAll @IntRange(min = 1, max = 16) int longestRun) {
        Lane[] lanes = new Lane[stamps.size()];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = lane(stamps.get(i));
        }
        var merge = new LaneMerge(lanes, longestRun);

        List<int[]> delivered = round(merge, lanes, w, most); // {lane, seq}

        int[] taken = new int[lanes.length];
        // The earliest published t (not past w) behind a seq still being filled that the lane's run stops at. (Past an
        // event stamped later than w nothing may have caused a deliverable event: it was claimed after that reading;
        // past a run cut at its longest, the merge stops where the run ends.)
        long least = Long.MAX_VALUE;
        for (List<Integer> lane : stamps) {
            int stop = 0;
            while (stop < lane.size() && stop < longestRun && lane.get(stop) != UNPUBLISHED && lane.get(stop) <= w) {
                stop++;
            }
            int gap = stop < lane.size() && stop < longestRun && lane.get(stop) == UNPUBLISHED ? stop : -1;
            for (int q = gap + 1; gap >= 0 && q < lane.size(); q++) {
                if (lane.get(q) != UNPUBLISHED && lane.get(q) <= w) {
                    least = Math.min(least, lane.get(q));
                }
            }
        }
        for (int[] d : delivered) {
            int t = stamps.get(d[0]).get(d[1]);
            assertThat(d[1]).as("lane %d in lane order", d[0]).isEqualTo(taken[d[0]]++);
            assertThat(t).isNotEqualTo(UNPUBLISHED).isLessThanOrEqualTo(w);
            assertThat((long) t).isLessThan(least);
        }
        for (int i = 0; i < delivered.size(); i++) {
            int lane2 = delivered.get(i)[0];
            int t2 = stamps.get(lane2).get(delivered.get(i)[1]);
            for (int lane1 = 0; lane1 < lanes.length; lane1++) {
                List<Integer> l = stamps.get(lane1);
                for (int q = 0; lane1 != lane2 && q < l.size(); q++) {
                    if (l.get(q) == UNPUBLISHED || l.get(q) >= t2 || !aheadStampedBefore(l, q, t2)) {
                        continue;
                    }
                    int at = indexOf(delivered, lane1, q);
                    assertThat(at).as("lane %d's seq %d (t %d) before lane %d's t %d", lane1, q, l.get(q), lane2, t2)
                            .isBetween(0, i - 1);
                }
            }
        }
        boolean allPublishedByW = stamps.stream().flatMap(List::stream).allMatch(t -> t != UNPUBLISHED && t <= w);
        if (allPublishedByW && stamps.stream().allMatch(l -> l.size() <= longestRun)) {
            long total = stamps.stream().mapToLong(List::size).sum();
            assertThat(delivered).hasSize((int) Math.min(total, most));
        }
    }

    /// True when every published event ahead of seq `q` in `lane` is stamped before `t2`: then, as far as the stamps
    /// say, event `q` may have happened before an event stamped `t2` (what is ahead of it was claimed before it).
    private static boolean aheadStampedBefore(List<Integer> lane, int q, int t2) {
        for (int x = 0; x < q; x++) {
            if (lane.get(x) != UNPUBLISHED && lane.get(x) >= t2) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(List<int[]> delivered, int lane, int seq) {
        for (int i = 0; i < delivered.size(); i++) {
            if (delivered.get(i)[0] == lane && delivered.get(i)[1] == seq) {
                return i;
            }
        }
        return -1;
    }

    /// A lane whose seqs were all claimed, the published ones stamped.
    private static Lane lane(List<Integer> stamps) {
        var lane = new Lane(16);
        for (int q = 0; q < stamps.size(); q++) {
            lane.claimed.getAndIncrement();
            if (stamps.get(q) != UNPUBLISHED) {
                Slot s = lane.slot(q);
                s.stampedT = stamps.get(q);
                s.publish(q);
            }
        }
        return lane;
    }

    /// One round, as the bus's writer runs it: the runs, then the earliest head while it is under the bound.
    private static List<int[]> round(LaneMerge merge, Lane[] lanes, long w, int most) {
        List<int[]> out = new ArrayList<>();
        int active = merge.findRuns(w);
        while (active > 0 && out.size() < most) {
            int at = merge.earliest(active);
            if (merge.headT[at] >= merge.bound) {
                break;
            }
            out.add(whereIs(merge.head[at], lanes));
            if (!merge.advance(at)) {
                if (merge.cutShort(at)) {
                    break;
                }
                active = merge.drop(at, active);
            }
        }
        return out;
    }

    private static int[] whereIs(Slot s, Lane[] lanes) {
        for (int i = 0; i < lanes.length; i++) {
            for (int q = 0; q < lanes[i].size(); q++) {
                if (lanes[i].slot(q) == s) {
                    return new int[] {i, q};
                }
            }
        }
        throw new AssertionError("a slot of no lane");
    }
}
