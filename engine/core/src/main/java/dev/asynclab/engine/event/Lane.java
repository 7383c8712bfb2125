package dev.asynclab.engine.event;

import dev.asynclab.engine.internal.atomic.PaddedCounter;

/// One lane of the event bus: a ring of reused slots that the threads whose ids pick it publish into, and the
/// bus's writer reads (see `EventBus`'s Overview for the protocol).
final class Lane {

    private final Slot[] ring;
    private final int mask;
    /// Next seq of this lane to hand out; its producers move it on by CAS once there is room. Alone on its cache lines.
    final PaddedCounter claimed = new PaddedCounter();
    /// Next seq of this lane the writer will read; written only by the writer (volatile: see the Overview).
    final PaddedCounter consumed = new PaddedCounter();
    /// A past value of `consumed` (so a lower bound of it), shared by the lane's producers (volatile: see the
    /// Overview).
    final PaddedCounter gate = new PaddedCounter();

    /// A lane of `size` slots, a power of two.
    Lane(int size) {
        this.ring = new Slot[size];
        for (int i = 0; i < size; i++) {
            ring[i] = new Slot();
        }
        this.mask = size - 1;
    }

    int size() {
        return ring.length;
    }

    /// The slot that this lane's seq `seq` uses.
    Slot slot(long seq) {
        return ring[(int) seq & mask];
    }
}
