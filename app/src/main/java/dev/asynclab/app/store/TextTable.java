package dev.asynclab.app.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/// The error type, error message and value of the events that carry any, as rows a store's event points to.
///
/// A run repeats a few of them millions of times (`"ok"`, `IOException: connection reset`), so a combination seen
/// before gets the row it got then, and a store's column of rows needs a byte an event. Interning stops at
/// `INTERNED` distinct combinations: past that, a run whose values are all different (a result per call) costs
/// a row per event, as it would without interning, and not a map entry besides.
final class TextTable {

    static final int INTERNED = 1 << 16;

    private record Text(String errorType, String errorMessage, String value) {
    }

    private final Map<Text, Integer> rows = new HashMap<>();
    private final List<String> errorTypes = new ArrayList<>();
    private final List<String> errorMessages = new ArrayList<>();
    private final List<String> values = new ArrayList<>();

    /// Combinations added lately, by identity, in a small direct-mapped table: the reader hands the same `String`
    /// for a repeated text (its string cache), and a run interleaves a few combinations (`"ok"`, a timeout, a reset),
    /// so most adds end here, with no key object and no map lookup. Remembering only the
    /// last combination caught a repeat of it alone. A slot is overwritten by whichever combination lands on it;
    /// a miss goes to the map as before, so the rows are those the map gives.
    private static final int RECENT = 64;
    private final String[] recentErrorTypes = new String[RECENT];
    private final String[] recentErrorMessages = new String[RECENT];
    private final String[] recentValues = new String[RECENT];
    private final int[] recentRows = new int[RECENT];

    /// The row of this combination, -1 when all three are null.
    int add(String errorType, String errorMessage, String value) {
        if (errorType == null && errorMessage == null && value == null) {
            return -1;
        }
        // The strings' own hashes, not their identity hashes: a String keeps its hash once computed (the reader's
        // cached texts compute it once, and the map below needs it anyway), while an identity hash is made by the
        // VM the first time it is asked for (a call into the runtime), which a live run's fresh value texts would
        // pay on every add.
        int r = (Objects.hashCode(errorType) * 31 + Objects.hashCode(errorMessage)) * 31 + Objects.hashCode(value);
        r = (r ^ r >>> 16) & (RECENT - 1);
        // An empty slot holds three nulls, which no combination asked about here is.
        if (recentValues[r] == value && recentErrorTypes[r] == errorType && recentErrorMessages[r] == errorMessage) {
            return recentRows[r];
        }
        int row = find(errorType, errorMessage, value);
        recentErrorTypes[r] = errorType;
        recentErrorMessages[r] = errorMessage;
        recentValues[r] = value;
        recentRows[r] = row;
        return row;
    }

    private int find(String errorType, String errorMessage, String value) {
        Text text = new Text(errorType, errorMessage, value);
        Integer known = rows.get(text);
        if (known != null) {
            return known;
        }
        int row = values.size();
        errorTypes.add(errorType);
        errorMessages.add(errorMessage);
        values.add(value);
        if (rows.size() < INTERNED) {
            rows.put(text, row);
        }
        return row;
    }

    String errorType(int row) {
        return row < 0 ? null : errorTypes.get(row);
    }

    String errorMessage(int row) {
        return row < 0 ? null : errorMessages.get(row);
    }

    String value(int row) {
        return row < 0 ? null : values.get(row);
    }

    int size() {
        return values.size();
    }
}
