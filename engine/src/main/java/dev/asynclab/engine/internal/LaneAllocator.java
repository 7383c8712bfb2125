package dev.asynclab.engine.internal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/// Hands out the lowest free lane number, so a timeline shows as many lanes as ran at once, reused.
public final class LaneAllocator {

    private final String prefix;
    private final BitSet used = new BitSet();
    private final List<String> names = new ArrayList<>();

    public LaneAllocator(String prefix) {
        this.prefix = prefix;
    }

    public synchronized int acquire() {
        int lane = used.nextClearBit(0);
        used.set(lane);
        return lane;
    }

    public synchronized void release(int lane) {
        used.clear(lane);
    }

    /// The lane's name, built once ("w0", "w1", ...).
    public synchronized String name(int lane) {
        while (names.size() <= lane) {
            names.add(prefix + names.size());
        }
        return names.get(lane);
    }

    public synchronized int inUse() {
        return used.cardinality();
    }
}
