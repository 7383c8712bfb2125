package dev.asynclab.app.ui.session;

import dev.asynclab.app.store.EventStore;
import dev.asynclab.engine.event.Event;
import dev.asynclab.lab.story.RunHistory;

import java.util.ArrayList;
import java.util.List;

/// The lab's [RunHistory] (what the step captions, the Why? story and the red flags tell from) for the events of
/// a store. `RunHistory` keeps every event it indexes as an object, which a store of ten million events cannot
/// afford (over a gigabyte), so past a limit of events a history is built from a window of the store around
/// what is asked about: the invocation's own events, every attempt of its call, and a margin of events before them
/// (its group's start and the calls holding workers when it had to wait). The run's first event comes first, for
/// the pool's size. What the window does not reach — a call holding a worker since before it — the story does not
/// count, which `covers` lets a view say.
///
/// ```java
/// RunHistory h = StoreHistory.APP.around(store, store.invocationSlot(97));
/// ```
public final class StoreHistory {

    /// The app's limits: histories are whole up to a million events (as many `RunHistory` objects as the app
    /// held for any log before it indexed logs into stores), and a window takes 5,000 events before a call.
    public static final StoreHistory APP = new StoreHistory(1_000_000, 5_000);

    private final int wholeLimit;
    private final int margin;

    /// @param wholeLimit the largest store whose history is built whole
    /// @param margin     how many events before an invocation a window takes in
    public StoreHistory(int wholeLimit, int margin) {
        this.wholeLimit = wholeLimit;
        this.margin = margin;
    }

    public int wholeLimit() {
        return wholeLimit;
    }

    public int margin() {
        return margin;
    }

    /// True when histories of `store` are whole, not windows.
    public boolean covers(EventStore store) {
        return store.size() <= wholeLimit;
    }

    /// Every event of `store` indexed, however many: only for a store `covers` says yes to, or a prefix.
    public RunHistory whole(EventStore store) {
        return RunHistory.of(events(store, 0, store.size()));
    }

    /// The history of the first `wholeLimit` events (all of them for a small store): where the red flags of a
    /// large log find their examples.
    public RunHistory head(EventStore store) {
        return RunHistory.of(events(store, 0, Math.min(store.size(), wholeLimit)));
    }

    /// The history in which to tell invocation `slot`'s story: the whole store when small, else a window.
    public RunHistory around(EventStore store, int slot) {
        return RunHistory.of(eventsAround(store, slot));
    }

    /// The events `around` indexes.
    public List<Event> eventsAround(EventStore store, int slot) {
        if (covers(store)) {
            return events(store, 0, store.size());
        }
        int[] attempts = store.attemptsOf(slot);
        int from = store.invocations().firstEvent(attempts[0]);
        int to = from;
        for (int s : attempts) {
            from = Math.min(from, store.invocations().firstEvent(s));
            to = Math.max(to, store.invocations().lastEvent(s));
        }
        return window(store, Math.max(0, from - margin), Math.min(store.size(), to + 1));
    }

    /// The history in which to caption event `i`: the whole store when small, else the window of the invocation
    /// it belongs to (or of the events just before it, for a run or group event).
    public RunHistory atEvent(EventStore store, int i) {
        if (covers(store)) {
            return whole(store);
        }
        int slot = store.invocationSlot(store.id(i));
        if (store.id(i) != 0 && slot >= 0) {
            return around(store, slot);
        }
        return RunHistory.of(window(store, Math.max(0, i - margin), i + 1));
    }

    private static List<Event> window(EventStore store, int from, int to) {
        List<Event> events = new ArrayList<>(to - from + 1);
        if (from > 0) {
            events.add(store.event(0)); // the run's start: the pool's size
        }
        for (int i = from; i < to; i++) {
            events.add(store.event(i));
        }
        return events;
    }

    private static List<Event> events(EventStore store, int from, int to) {
        List<Event> events = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            events.add(store.event(i));
        }
        return events;
    }
}
