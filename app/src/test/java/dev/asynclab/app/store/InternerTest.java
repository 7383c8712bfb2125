package dev.asynclab.app.store;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/// Interning gives equal strings one index, whether they come as the same instance (the reader's cache: the
/// identity shortcut) or as copies, and each new string the next index.
class InternerTest {

    @Property(tries = 200)
    void equalStringsShareAnIndexWhateverTheInstance(
            @ForAll @Size(max = 400) List<@StringLength(max = 3) String> asked) {
        var interner = new Interner();
        Map<String, Integer> model = new HashMap<>();
        List<String> instances = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            String s = asked.get(i);
            // Every other ask hands a fresh copy, the others the first instance seen: both paths.
            String given = i % 2 == 0 ? new String(s) : instances.stream().filter(s::equals).findFirst().orElse(s);
            instances.add(given);
            int expected = model.computeIfAbsent(s, k -> model.size());
            assertThat(interner.intern(given)).isEqualTo(expected);
            assertThat(interner.get(expected)).isEqualTo(s);
        }
        assertThat(interner.size()).isEqualTo(model.size());
        assertThat(interner.intern(null)).isEqualTo(-1);
    }

    /// The identity table holds 64 strings, each in one of 4 slots from its identity hash, and hands a slot to
    /// another string when all 4 are taken: whatever lands where, with more lanes than fit or fewer, every repeat of
    /// an instance gets its first index.
    @Property(tries = 200)
    void repeatedInstancesKeepTheirIndexWhenTheTableOverflows(@ForAll @IntRange(min = 1, max = 300) int distinct,
            @ForAll @Size(max = 3000) List<@IntRange(min = 0, max = 299) Integer> picks) {
        var interner = new Interner();
        Map<String, Integer> model = new HashMap<>();
        String[] instances = new String[distinct];
        for (int k = 0; k < distinct; k++) {
            instances[k] = new String("w" + k);
        }
        for (int pick : picks) {
            String given = instances[pick % distinct];
            int expected = model.computeIfAbsent(given, k -> model.size());
            assertThat(interner.intern(given)).isEqualTo(expected);
        }
        assertThat(interner.size()).isEqualTo(model.size());
    }
}
