package dev.asynclab.lab.lifecycle;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/// The id index agrees with a `HashMap` through any mix of puts and removals: removal closes the gap in a probe
/// chain without losing the entries after it, across growth and wrap-around.
class SlotIndexTest {

    @Test
    void agreesWithAHashMapThroughRandomPutsAndRemovals() {
        for (long seed = 1; seed <= 5; seed++) {
            var random = new SplittableRandom(seed);
            var index = new SlotIndex();
            Map<Long, Integer> model = new HashMap<>();
            // Few distinct keys and many operations: long probe chains, many removals inside them.
            long keys = seed * 700;
            for (int op = 0; op < 200_000; op++) {
                long id = random.nextLong(keys) * (seed % 2 == 0 ? 1024 : 1); // multiples of 1024 collide more
                if (random.nextInt(3) == 0) {
                    index.remove(id);
                    model.remove(id);
                } else {
                    int slot = random.nextInt(1 << 20);
                    index.put(id, slot);
                    model.put(id, slot);
                }
                if (op % 1000 == 0) {
                    for (long k = 0; k < keys; k++) {
                        long key = k * (seed % 2 == 0 ? 1024 : 1);
                        assertThat(index.get(key)).as("seed %d op %d key %d", seed, op, key)
                                .isEqualTo(model.getOrDefault(key, -1));
                    }
                }
            }
        }
    }
}
