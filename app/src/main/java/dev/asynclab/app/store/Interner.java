package dev.asynclab.app.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/// Gives each distinct string a small index, so columns hold ints and a million events share a few names.
final class Interner {

    private final Map<String, Integer> indexes = new HashMap<>();
    private final List<String> strings = new ArrayList<>();

    /// The index of `s`, -1 for null.
    int intern(String s) {
        if (s == null) {
            return -1;
        }
        Integer known = indexes.get(s);
        if (known != null) {
            return known;
        }
        int index = strings.size();
        strings.add(s);
        indexes.put(s, index);
        return index;
    }

    /// The string at `index`, null for -1.
    String get(int index) {
        return index < 0 ? null : strings.get(index);
    }

    int size() {
        return strings.size();
    }

    List<String> all() {
        return List.copyOf(strings);
    }
}
