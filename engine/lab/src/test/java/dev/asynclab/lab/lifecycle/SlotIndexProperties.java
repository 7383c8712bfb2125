package dev.asynclab.lab.lifecycle;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/// The id index agrees with a `HashMap` whatever the ids: runs of consecutive ids (held by position), sparse and
/// huge ids, negative ones (held in the hash table), and ids that move from one part's range to the other's as
/// chunks are made and dropped.
class SlotIndexProperties {

    /// One step: put (`slot >= 0`) or remove (`slot < 0`) the id.
    record Op(long id, int slot) {
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Long> ids = Arbitraries.oneOf(
                Arbitraries.longs().between(0, 20_000),                          // dense: the engine's ids
                Arbitraries.longs().between(0, 40).map(k -> k * 4_096 + 7),       // one per chunk: the budget
                Arbitraries.longs().between((1L << 31) - 3, (1L << 31) + 3),      // at the dense limit
                Arbitraries.longs(),                                              // anything, negative too
                Arbitraries.longs().between(1_000_000_000L, 1_000_000_050L));     // a merged log's offset ids
        Arbitrary<Integer> slots = Arbitraries.integers().between(-3, 1 << 20).map(s -> s < 0 ? -1 : s);
        return Combinators.combine(ids, slots).as(Op::new).list().ofMaxSize(3_000);
    }

    @Property(tries = 300)
    void agreesWithAHashMap(@ForAll("ops") List<Op> ops) {
        var index = new SlotIndex();
        Map<Long, Integer> model = new HashMap<>();
        for (Op op : ops) {
            if (op.slot() < 0) {
                index.remove(op.id());
                model.remove(op.id());
            } else {
                index.put(op.id(), op.slot());
                model.put(op.id(), op.slot());
            }
            assertThat(index.get(op.id())).isEqualTo(model.getOrDefault(op.id(), -1));
        }
        for (Op op : ops) {
            assertThat(index.get(op.id())).as("id %d", op.id()).isEqualTo(model.getOrDefault(op.id(), -1));
            assertThat(index.get(op.id() + 1)).as("id %d", op.id() + 1).isEqualTo(model.getOrDefault(op.id() + 1, -1));
        }
    }

    @Property(tries = 20)
    void consecutiveIdsAmongSparseOnesAndTheirRemovalReadBack(@ForAll("ops") List<Op> sparse) {
        var index = new SlotIndex();
        Map<Long, Integer> model = new HashMap<>();
        for (Op op : sparse) {
            if (op.slot() >= 0) {
                index.put(op.id(), op.slot());
                model.put(op.id(), op.slot());
            }
        }
        for (long id = 1; id <= 200_000; id++) {
            index.put(id, (int) id);
            model.put(id, (int) id);
        }
        for (long id = 1; id <= 200_000; id += 3) {
            index.remove(id);
            model.remove(id);
        }
        for (Map.Entry<Long, Integer> e : model.entrySet()) {
            assertThat(index.get(e.getKey())).isEqualTo(e.getValue());
        }
        for (long id = 1; id <= 200_000; id += 3) {
            assertThat(index.get(id)).isEqualTo(model.getOrDefault(id, -1));
        }
    }
}
