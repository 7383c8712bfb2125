package dev.asynclab.app.store;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
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
}
