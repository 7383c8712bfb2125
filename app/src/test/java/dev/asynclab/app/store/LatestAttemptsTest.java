package dev.asynclab.app.store;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/// The table answers every put as a map keyed by (group, name) would, whatever the keys: the engine's dense,
/// ascending groups (held by position), groups strided by a power of two (which the low bits alone would pile into
/// one run of the hash table), groups spread over a hundred chunks of the dense part (declined while few keys are
/// held, then accepted once more are: a key the hash table took must be found there after its chunk exists),
/// huge and negative groups, and names of any index (-1 for a call without one).
class LatestAttemptsTest {

    private record Put(long group, int name, int slot) {
    }

    @Provide
    Arbitrary<List<Put>> puts() {
        Arbitrary<Long> dense = Arbitraries.longs().between(1, 3_000);
        Arbitrary<Long> strided = Arbitraries.longs().between(0, 200).map(k -> k << 16);
        Arbitrary<Long> chunks = Arbitraries.longs().between(0, 400_000);
        Arbitrary<Long> any = Arbitraries.longs();
        Arbitrary<Long> group = Arbitraries.frequencyOf(Tuple.of(6, dense), Tuple.of(2, strided), Tuple.of(2, chunks),
                Tuple.of(1, any),
                Tuple.of(1, Arbitraries.of(0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE)));
        Arbitrary<Integer> name = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.integers().between(-1, 4)),
                Tuple.of(1, Arbitraries.integers()));
        Arbitrary<Integer> slot = Arbitraries.integers().between(0, Integer.MAX_VALUE);
        return Combinators.combine(group, name, slot).as(Put::new).list().ofMaxSize(5_000);
    }

    @Property(tries = 300)
    void answersAsAMapKeyedByGroupAndName(@ForAll("puts") List<Put> puts) {
        LatestAttempts table = new LatestAttempts();
        Map<Tuple.Tuple2<Long, Integer>, Integer> expected = new HashMap<>();
        for (Put p : puts) {
            Integer before = expected.put(Tuple.of(p.group(), p.name()), p.slot());
            assertThat(table.put(p.group(), p.name(), p.slot())).isEqualTo(before == null ? -1 : before);
        }
        assertThat(table.size()).isEqualTo(expected.size());
    }

    @Test
    void aMillionDenseGroupsEachRetriedOnceFindTheirFirstAttempt() {
        LatestAttempts table = new LatestAttempts();
        for (int g = 1; g <= 1_000_000; g++) {
            assertThat(table.put(g, 0, 2 * g)).isEqualTo(-1);
        }
        for (int g = 1; g <= 1_000_000; g++) {
            int previous = table.put(g, 0, 2 * g + 1);
            if (previous != 2 * g) {
                assertThat(previous).as("group %d", g).isEqualTo(2 * g);
            }
        }
        assertThat(table.size()).isEqualTo(1_000_000);
    }

    @Test
    void aKeyTheHashTableTookIsFoundThereOnceItsGroupsChunkIsHeldByPosition() {
        LatestAttempts table = new LatestAttempts();
        long far = 350_000; // chunk 85: declined while so few keys are held
        assertThat(table.put(far, 3, 7)).isEqualTo(-1);
        for (int g = 1; g <= 5_000; g++) {
            assertThat(table.put(g, 0, 10 + g)).isEqualTo(-1);
        }
        assertThat(table.put(far + 1, 3, 8)).as("a neighbour, now held by position").isEqualTo(-1);
        assertThat(table.put(far, 3, 9)).isEqualTo(7);
        assertThat(table.put(far, 4, 11)).as("another name of the same group").isEqualTo(-1);
        assertThat(table.put(far + 1, 3, 12)).isEqualTo(8);
        assertThat(table.put(far, 4, 13)).isEqualTo(11);
        assertThat(table.size()).isEqualTo(5_003);
    }
}
