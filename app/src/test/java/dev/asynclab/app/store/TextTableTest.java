package dev.asynclab.app.store;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TextTableTest {

    @Test
    void anEqualCombinationGetsTheRowItGotBeforeWhicheverStringsCarryIt() {
        TextTable texts = new TextTable();
        int ok = texts.add(null, null, "ok");
        int reset = texts.add("IOException", "connection reset", null);

        assertThat(texts.add(null, null, new String("ok"))).isEqualTo(ok);
        assertThat(texts.add(null, null, "ok")).isEqualTo(ok);
        assertThat(texts.add(new String("IOException"), "connection reset", null)).isEqualTo(reset);
        assertThat(texts.add("IOException", "connection reset", "ok")).isNotIn(ok, reset);
        assertThat(texts.add(null, null, null)).isEqualTo(-1);
        assertThat(texts.size()).isEqualTo(3);
        assertThat(texts.errorMessage(reset)).isEqualTo("connection reset");
        assertThat(texts.value(ok)).isEqualTo("ok");
        assertThat(texts.value(-1)).isNull();
    }

    @Test
    void pastTheInternedLimitEveryNewCombinationStillReadsBack() {
        TextTable texts = new TextTable();
        for (int i = 0; i < TextTable.INTERNED + 10; i++) {
            assertThat(texts.value(texts.add(null, null, "v" + i))).isEqualTo("v" + i);
        }
        assertThat(texts.add(null, null, "v1")).isEqualTo(1);
        assertThat(texts.size()).isEqualTo(TextTable.INTERNED + 10);
    }

    /// Whatever the order, the repeats and whether a text comes as the instance seen before or as a copy, an equal
    /// combination gets the row it got the first time, a new one the next row, and every row reads back what was
    /// added (the recent-combinations table only ever shortcuts the map, never answers otherwise).
    @Property(tries = 200)
    void aCombinationGetsTheRowOfItsFirstEqualWhateverTheInstancesAndOrder(
            @ForAll @Size(max = 600) List<@IntRange(min = 0, max = 80) Integer> picks) {
        String[] texts = {null, "ok", "timeout", "IOException", "connection reset", "42"};
        TextTable table = new TextTable();
        Map<List<String>, Integer> model = new HashMap<>();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < picks.size(); i++) {
            int p = picks.get(i);
            List<String> combination = new ArrayList<>(3);
            combination.add(texts[p % 6]);
            combination.add(texts[p / 6 % 6 == 5 ? 0 : p / 6 % 6]);
            combination.add(texts[p / 36 % 3 + (p % 2 == 0 ? 0 : 3)]);
            // Every third add hands copies: the identity table must miss and the map answer.
            boolean copies = i % 3 == 0;
            String[] given = combination.stream().map(s -> s != null && copies ? new String(s) : s)
                    .toArray(String[]::new);
            boolean none = combination.stream().allMatch(java.util.Objects::isNull);
            int row = table.add(given[0], given[1], given[2]);
            if (none) {
                assertThat(row).isEqualTo(-1);
                continue;
            }
            Integer expected = model.get(combination);
            if (expected == null) {
                expected = rows.size();
                model.put(combination, expected);
                rows.add(combination);
            }
            assertThat(row).isEqualTo(expected);
            assertThat(List.of(String.valueOf(table.errorType(row)), String.valueOf(table.errorMessage(row)),
                    String.valueOf(table.value(row)))).isEqualTo(combination.stream().map(String::valueOf).toList());
        }
        assertThat(table.size()).isEqualTo(rows.size());
    }
}
