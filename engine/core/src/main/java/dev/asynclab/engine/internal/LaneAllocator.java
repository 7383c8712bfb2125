package dev.asynclab.engine.internal;

import java.util.Arrays;
import java.util.BitSet;

/// Hands out the lowest free lane number, so a timeline shows as many lanes as ran at once, reused.
///
/// Thread-safe: `acquire` and `release` hold this object's lock (a real pool's workers release from their own
/// threads); `name` takes no lock.
public final class LaneAllocator {

    private final String prefix;
    /// Lanes 0 to 63, one bit each (set: in use). A pool rarely has more, and the lowest free lane of a word is one
    /// `numberOfTrailingZeros`: `BitSet.nextClearBit` with its bounds and size bookkeeping showed in a profile of
    /// the simulated clock (every dispatch takes a lane and gives it back).
    private long low;
    /// Lanes from 64 up, lane 64 + i at bit i; made when first needed.
    private BitSet high;
    /// Names by lane, grown under the lock and published whole, so `name` needs no lock on the hot path.
    private volatile String[] names = new String[0];

    public LaneAllocator(String prefix) {
        this.prefix = prefix;
    }

    public synchronized int acquire() {
        int lane;
        if (low != -1L) {
            lane = Long.numberOfTrailingZeros(~low);
            low |= 1L << lane;
        } else {
            if (high == null) {
                high = new BitSet();
            }
            int i = high.nextClearBit(0);
            high.set(i);
            lane = Long.SIZE + i;
        }
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
        if (lane < Long.SIZE) {
            low &= ~(1L << lane);
        } else if (high != null) {
            high.clear(lane - Long.SIZE);
        }
    }

    /// The name of a lane handed out by `acquire` ("w0", "w1", ...).
    public String name(int lane) {
        return names[lane];
    }
}
