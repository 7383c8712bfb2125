package dev.asynclab.app.ui.timeline;

import dev.asynclab.app.store.InvocationTable;

import java.util.Arrays;
import java.util.Collection;

/// Which invocations the timeline emphasises beside the selection: those of a histogram bucket (a latency range)
/// or those a lint names (invocation or group ids). Drawn unlike the selection (a filled band, not an outline),
/// so the two read apart.
///
/// ```java
/// Highlight h = Highlight.latency(40_000_000, 50_000_000, "latency 40–50 ms");
/// boolean lit = h.test(store.invocations(), slot);
/// ```
public sealed interface Highlight {

    Highlight NONE = new None();

    /// True when the invocation in `slot` is highlighted.
    boolean test(InvocationTable invocations, int slot);

    /// What is highlighted, in words, for the status line ("" for none).
    String label();

    default boolean isNone() {
        return this instanceof None;
    }

    static Highlight latency(long from, long to, String label) {
        return new LatencyRange(from, to, label);
    }

    /// The invocations with these ids, or (`groups`) the members of the groups with these ids.
    static Highlight ids(Collection<Long> ids, boolean groups, String label) {
        long[] sorted = ids.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Ids(sorted, groups, label);
    }

    record None() implements Highlight {
        @Override
        public boolean test(InvocationTable invocations, int slot) {
            return false;
        }

        @Override
        public String label() {
            return "";
        }
    }

    /// The attempts whose latency (submission to their own end) is in `[from, to)`.
    record LatencyRange(long from, long to, String label) implements Highlight {
        @Override
        public boolean test(InvocationTable invocations, int slot) {
            long latency = invocations.latency(slot);
            return latency >= from && latency < to;
        }
    }

    /// `ids` sorted, for a binary search per attempt drawn.
    record Ids(long[] ids, boolean groups, String label) implements Highlight {
        @Override
        public boolean test(InvocationTable invocations, int slot) {
            long key = groups ? invocations.group(slot) : invocations.id(slot);
            return Arrays.binarySearch(ids, key) >= 0;
        }
    }
}
