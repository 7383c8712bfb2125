package dev.asynclab.app.ui.main;

import dev.asynclab.app.store.EventStore;
import dev.asynclab.engine.event.Event;

import java.util.ArrayList;
import java.util.List;

/// The events a replay steps through: a run made in memory (a tour's list), or a log already indexed into a
/// store, whose events are read back from its columns as they are needed and never held as a list.
sealed interface ReplayEvents {

    ReplayEvents NONE = new Listed(List.of());

    int size();

    /// The time of event `i`, on the run's clock.
    long time(int i);

    Event event(int i);

    /// Events `[from, to)`, to hand to a session's feed.
    List<Event> range(int from, int to);

    /// The store holding every event, which a session can show as it is; null for a list.
    default EventStore whole() {
        return null;
    }

    record Listed(List<Event> events) implements ReplayEvents {
        @Override
        public int size() {
            return events.size();
        }

        @Override
        public long time(int i) {
            return events.get(i).t();
        }

        @Override
        public Event event(int i) {
            return events.get(i);
        }

        @Override
        public List<Event> range(int from, int to) {
            return events.subList(from, to);
        }
    }

    record Stored(EventStore store) implements ReplayEvents {
        @Override
        public int size() {
            return store.size();
        }

        @Override
        public long time(int i) {
            return store.time(i);
        }

        @Override
        public Event event(int i) {
            return store.event(i);
        }

        @Override
        public List<Event> range(int from, int to) {
            List<Event> out = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                out.add(store.event(i));
            }
            return out;
        }

        @Override
        public EventStore whole() {
            return store;
        }
    }
}
