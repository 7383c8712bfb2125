package dev.asynclab.app.ui.events;

import dev.asynclab.app.store.EventStore;
import javafx.collections.ObservableListBase;

import java.util.Arrays;

/// The table's rows: event indexes into the store, never a list of a million objects. Unfiltered it is the
/// identity; filtered it holds the matching indexes in an int array. `refresh()` picks up appended events and
/// tells the table they were added at the end.
///
/// ```java
/// EventRows rows = new EventRows(store, EventFilter.ALL);
/// table.setItems(rows);
/// rows.refresh();   // once per frame
/// ```
public final class EventRows extends ObservableListBase<Integer> {

    private final EventStore store;
    private final EventFilter filter;
    private int scanned;
    private int[] matches = new int[0];
    private int size;

    public EventRows(EventStore store, EventFilter filter) {
        this.store = store;
        this.filter = filter;
        scan();
    }

    /// Takes in events appended since the last call.
    public void refresh() {
        int before = size;
        scan();
        if (size > before) {
            beginChange();
            nextAdd(before, size);
            endChange();
        }
    }

    private void scan() {
        int total = store.size();
        if (filter.isAll()) {
            size = total;
            scanned = total;
            return;
        }
        for (int i = scanned; i < total; i++) {
            if (filter.matches(store, i)) {
                if (size == matches.length) {
                    matches = Arrays.copyOf(matches, Math.max(64, size * 2));
                }
                matches[size++] = i;
            }
        }
        scanned = total;
    }

    /// The store index of row `row`.
    public int eventAt(int row) {
        return filter.isAll() ? row : matches[row];
    }

    /// The row showing store event `event`, or -1 when the filter hides it.
    public int rowOf(int event) {
        if (filter.isAll()) {
            return event < size ? event : -1;
        }
        int found = Arrays.binarySearch(matches, 0, size, event);
        return found >= 0 ? found : -1;
    }

    @Override
    public Integer get(int row) {
        return eventAt(row);
    }

    @Override
    public int size() {
        return size;
    }

    public EventFilter filter() {
        return filter;
    }
}
