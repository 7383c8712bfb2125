package dev.asynclab.app.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/// Gives each distinct string a small index, so columns hold ints and a million events share a few names.
final class Interner {

    /// 64 slots, a string looked for in up to 4 from its identity hash's: a log's 16 lanes in a direct-mapped
    /// table of 16 (as before) collided, and every collision sent that lane's events to the map.
    private static final int RECENT = 64;
    private static final int PROBES = 4;

    private final Map<String, Integer> indexes = new HashMap<>();
    private final List<String> strings = new ArrayList<>();
    /// The strings last asked about, by identity hash: a log's reader hands the same instance for each repeat of
    /// a name or worker (its string cache), so most lookups end here, without the map (whose lookups were 49 of
    /// the storing thread's 540 samples in a profile of a 10 M-event log's open). Equal strings that are other
    /// instances go to the map as before. A slot once filled is never emptied, only taken over, so an empty slot
    /// ends a search: the string would have been put there.
    private final String[] recent = new String[RECENT];
    private final int[] recentIndexes = new int[RECENT];

    /// The index of `s`, -1 for null.
    int intern(String s) {
        if (s == null) {
            return -1;
        }
        int home = System.identityHashCode(s);
        int free = -1;
        for (int p = 0; p < PROBES; p++) {
            int r = (home + p) & (RECENT - 1);
            String held = recent[r];
            if (held == s) {
                return recentIndexes[r];
            }
            if (held == null) {
                free = r;
                break;
            }
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
        // All probed slots taken by other strings: this one takes over its first (more distinct strings than fit).
        int slot = free >= 0 ? free : home & (RECENT - 1);
        recent[slot] = s;
        recentIndexes[slot] = index;
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
