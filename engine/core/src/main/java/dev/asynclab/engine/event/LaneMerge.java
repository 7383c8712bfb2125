package dev.asynclab.engine.event;

/// The event bus's writer's state for merging its lanes (see `EventBus`'s Overview): where it is in each lane, the
/// runs it found this round and their heads, the next `seq` and the last `t` it handed out. The writer's thread alone
/// uses it, and no producer reads it (it is the writer's own allocation, so no line of it is shared with a lane).
final class LaneMerge {

    private final Lane[] lanes;
    /// The most events of one lane a round looks at: the writer reads each slot twice (its stamp here, then its fields
    /// when it delivers it), and a run of a quarter of a lane (16,384 slots, 1.4 MB) was out of the cache again by
    /// then (the writer's CPU per pool-batch call about twice the one ring's).
    private final int longestRun;
    /// Per lane: whether its run stopped at `longestRun` with more published behind it.
    private final boolean[] cut;
    /// Per lane: the next of its seqs to deliver.
    final long[] next;
    /// Per lane: the `next` it last told the lane (its `consumed`), so an unchanged lane's line is not written.
    private final long[] freed;
    /// Per lane: the end (exclusive) of its run this round.
    private final long[] end;
    /// The lanes with a run left this round, by position, in lane order (the merge's ties go to the lower lane), and
    /// each one's next event and that event's `t`.
    private final int[] laneAt;
    final Slot[] head;
    final long[] headT;
    /// This round's bound: an event with `t` at or above it waits (see the Overview); Long.MAX_VALUE when none.
    long bound;
    /// The next `seq` to hand out, and the last `t` handed out (the clamp's).
    long seq;
    long lastT;

    LaneMerge(Lane[] lanes, int longestRun) {
        this.lanes = lanes;
        this.longestRun = longestRun;
        int n = lanes.length;
        this.cut = new boolean[n];
        this.next = new long[n];
        this.freed = new long[n];
        this.end = new long[n];
        this.laneAt = new int[n];
        this.head = new Slot[n];
        this.headT = new long[n];
    }

    /// Finds each lane's run (every lane read after the caller read `w`): its published events from its next one
    /// up to the first that is not published or is stamped later than `w`, at most `longestRun`; sets `bound`.
    /// Returns how many lanes have a run.
    int findRuns(long w) {
        long least = Long.MAX_VALUE;
        int active = 0;
        for (int i = 0; i < lanes.length; i++) {
            Lane lane = lanes[i];
            long from = next[i];
            long e = from;
            long last = from + longestRun;
            boolean unpublished;
            while (true) {
                if (e == last) {
                    unpublished = false; // more may follow, unread: the merge goes no further than this run
                    break;
                }
                Slot s = lane.slot(e);
                if (!s.holds(e)) { // exact: a slot a lap behind or ahead holds another seq, so at most a lane's length
                    unpublished = true;
                    break;
                }
                if (s.stampedT > w) {
                    unpublished = false;
                    break;
                }
                e++;
            }
            end[i] = e;
            cut[i] = e == last;
            if (e > from) {
                laneAt[active] = i;
                head[active] = lane.slot(from);
                headT[active] = head[active].stampedT;
                active++;
            }
            if (unpublished) {
                // Claimed but not yet filled, perhaps, with events published behind it (a thread sharing the lane
                // preempted between its claim and its publish): the earliest of them bounds what may go this round.
                // `claimed` read after `w`: it counts every event published before `w` was read.
                long claimed = Math.min(lane.claimed.get(), e + lane.size());
                for (long q = e + 1; q < claimed; q++) {
                    Slot s = lane.slot(q);
                    if (s.holds(q) && s.stampedT <= w) {
                        least = Math.min(least, s.stampedT);
                    }
                }
            }
        }
        bound = least;
        return active;
    }

    /// The position, among the first `active`, whose head has the smallest `t` (the first such on a tie).
    int earliest(int active) {
        int at = 0;
        long t = headT[0];
        for (int i = 1; i < active; i++) {
            if (headT[i] < t) {
                t = headT[i];
                at = i;
            }
        }
        return at;
    }

    /// True when position `at`'s lane stopped at `longestRun` this round: once its run is over, nothing else may go
    /// (an event past the cut, unread, may have caused any later one, as an event past a slot being filled may).
    boolean cutShort(int at) {
        return cut[laneAt[at]];
    }

    /// Moves position `at`'s lane past its head; false when its run is over.
    boolean advance(int at) {
        int lane = laneAt[at];
        long n = ++next[lane];
        if (n == end[lane]) {
            return false;
        }
        Slot s = lanes[lane].slot(n);
        head[at] = s;
        headT[at] = s.stampedT;
        return true;
    }

    /// Takes position `at` out of the first `active`, keeping the rest in lane order; returns how many are left.
    int drop(int at, int active) {
        for (int i = at + 1; i < active; i++) {
            laneAt[i - 1] = laneAt[i];
            head[i - 1] = head[i];
            headT[i - 1] = headT[i];
        }
        head[active - 1] = null;
        return active - 1;
    }

    /// Tells each lane that moved how far the writer has read it, so its producers may refill those slots.
    void freeRoom() {
        for (int i = 0; i < lanes.length; i++) {
            if (next[i] != freed[i]) {
                freed[i] = next[i];
                lanes[i].consumed.set(next[i]);
            }
        }
    }

    /// True when every seq claimed in every lane has been delivered.
    boolean caughtUp() {
        for (int i = 0; i < lanes.length; i++) {
            if (next[i] != lanes[i].claimed.get()) {
                return false;
            }
        }
        return true;
    }

    /// True when some lane's next event is published and stamped later than `w`.
    boolean anyStampedAfter(long w) {
        for (int i = 0; i < lanes.length; i++) {
            Slot s = lanes[i].slot(next[i]);
            if (s.holds(next[i]) && s.stampedT > w) {
                return true;
            }
        }
        return false;
    }
}
