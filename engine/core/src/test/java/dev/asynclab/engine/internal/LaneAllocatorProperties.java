package dev.asynclab.engine.internal;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/// For any mix of acquires and releases, past the 64 lanes a word holds and back, `acquire` hands out the lowest
/// lane not in use, as a plain `BitSet` scan would, and names it by its number.
class LaneAllocatorProperties {

    @Property(tries = 300)
    void acquireHandsOutTheLowestFreeLane(@ForAll("operations") List<Integer> ops) {
        var lanes = new LaneAllocator("w");
        var model = new BitSet();
        List<Integer> held = new ArrayList<>();
        for (int op : ops) {
            if (op >= 0 || held.isEmpty()) {
                int expected = model.nextClearBit(0);
                model.set(expected);
                int lane = lanes.acquire();
                assertThat(lane).isEqualTo(expected);
                assertThat(lanes.name(lane)).isEqualTo("w" + lane);
                held.add(lane);
            } else {
                int lane = held.remove(-op % held.size());
                model.clear(lane);
                lanes.release(lane);
            }
        }
    }

    @Provide
    Arbitrary<List<Integer>> operations() {
        // Mostly acquires at first so the lanes pass 64, then an even mix: releases open holes below and above 64.
        Arbitrary<Integer> op = Arbitraries.integers().between(-200, 150);
        return op.list().ofMinSize(0).ofMaxSize(400)
                .map(list -> {
                    List<Integer> withRamp = new ArrayList<>();
                    for (int i = 0; i < 80; i++) {
                        withRamp.add(i);
                    }
                    withRamp.addAll(list);
                    return list.size() % 2 == 0 ? withRamp : list;
                });
    }
}
