package dev.asynclab.app.ui.teach;

import dev.asynclab.app.store.EventStore;
import dev.asynclab.app.ui.session.StoreHistory;
import dev.asynclab.engine.event.Event;
import dev.asynclab.lab.story.InvocationStory;
import dev.asynclab.lab.story.RunHistory;
import dev.asynclab.lab.story.StoryTeller;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.ArrayList;
import java.util.List;

/// The story the details panel tells of the selected invocation ("Why?"): the same sentences `asynclab explain`
/// prints, from the events shown so far (a replay or a tour scrubbed back tells the story up to that moment).
///
/// ```java
/// story.tell(store, slot);   // story.textProperty(): "fetch-user #7 arrived at 60.0 ms. It waited ..."
/// ```
public final class StoryViewModel {

    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private List<Event> lastEvents = List.of();
    private RunHistory history = RunHistory.of(List.of());
    private EventStore lastStore;
    private long lastVersion = -1;
    private List<Event> storeEvents = List.of();

    /// Tells the story of the invocation in `slot` of `store` (-1: no selection, no story).
    public void tell(EventStore store, int slot) {
        if (slot < 0 || slot >= store.invocations().size()) {
            clear();
            return;
        }
        if (!StoreHistory.APP.covers(store)) {
            // Too many events to index whole: the story is told from the events around the call.
            lastStore = null;
            storeEvents = List.of();
            tell(StoreHistory.APP.eventsAround(store, slot), store.invocations().id(slot));
            return;
        }
        if (store != lastStore || store.version() != lastVersion) {
            // Read once per version of the store, however often the selection moves while it stands still.
            List<Event> events = new ArrayList<>(store.size());
            for (int i = 0; i < store.size(); i++) {
                events.add(store.event(i));
            }
            storeEvents = events;
            lastStore = store;
            lastVersion = store.version();
        }
        tell(storeEvents, store.invocations().id(slot));
    }

    /// Tells the story of invocation `id` from `events` (id < 1: no selection, no story).
    public void tell(List<Event> events, long id) {
        if (events != lastEvents) {
            lastEvents = events;
            history = RunHistory.of(events); // one index per set of events, however often the selection moves
        }
        text.set(id < 1 ? "" : StoryTeller.tell(history, id).map(InvocationStory::paragraph).orElse(""));
    }

    /// No story, and nothing kept of the events it was told from.
    public void clear() {
        text.set("");
        lastStore = null;
        lastVersion = -1;
        storeEvents = List.of();
        lastEvents = List.of();
        history = RunHistory.of(List.of());
    }

    public ReadOnlyStringProperty textProperty() {
        return text;
    }
}
