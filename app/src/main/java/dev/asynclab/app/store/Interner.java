package dev.asynclab.app.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/// Gives each distinct string a small index, so columns hold ints and a million events share a few names.
final class Interner {

    private static final int RECENT = 16;

    private final Map<String, Integer> indexes = new HashMap<>();
    private final List<String> strings = new ArrayList<>();
    /// The strings last asked about, by identity hash: a log's reader hands the same instance for each repeat of
    /// a name or worker (its string cache), so most lookups end here, without the map (whose lookups were 49 of
    /// the storing thread's 540 samples in a profile of a 10 M-event log's open). Equal strings that are other
    /// instances go to the map as before.
    private final String[] recent = new String[RECENT];
    private final int[] recentIndexes = new int[RECENT];

    /// The index of `s`, -1 for null.
    int intern(String s) {
        if (s == null) {
            return -1;
        }
        int r = System.identityHashCode(s) & (RECENT - 1);
        if (recent[r] == s) {
            return recentIndexes[r];
        }
        Integer known = indexes.get(s);
        int index;
        if (known != null) {
            index = known;
        } else {
            index = strings.size();
            strings.add(s);
            indexes.put(s, index);
        }
        recent[r] = s;
        recentIndexes[r] = index;
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
