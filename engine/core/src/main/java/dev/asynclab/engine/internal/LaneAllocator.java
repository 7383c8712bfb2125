package dev.asynclab.engine.internal;

import java.util.Arrays;
import java.util.BitSet;

/// Hands out the lowest free lane number, so a timeline shows as many lanes as ran at once, reused.
public final class LaneAllocator {

    private final String prefix;
    private final BitSet used = new BitSet();
    /// Names by lane, grown under the lock and published whole, so `name` needs no lock on the hot path.
    private volatile String[] names = new String[0];

    public LaneAllocator(String prefix) {
        this.prefix = prefix;
    }

    public synchronized int acquire() {
        int lane = used.nextClearBit(0);
        used.set(lane);
        if (lane >= names.length) {
            String[] grown = Arrays.copyOf(names, Math.max(lane + 1, names.length * 2));
            for (int i = names.length; i < grown.length; i++) {
                grown[i] = prefix + i;
            }
            names = grown;
        }
        return lane;
    }

    public synchronized void release(int lane) {
        used.clear(lane);
    }

    /// The name of a lane handed out by `acquire` ("w0", "w1", ...).
    public String name(int lane) {
        return names[lane];
    }
}
