package dev.asynclab.app.ui.teach;

import dev.asynclab.engine.event.Event;
import dev.asynclab.lab.story.InvocationStory;
import dev.asynclab.lab.story.RunHistory;
import dev.asynclab.lab.story.StoryTeller;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;

/// The story the details panel tells of the selected invocation: the same sentences `asynclab explain` prints,
/// from the events shown so far (a replay scrubbed back tells the story up to its playhead).
///
/// ```java
/// story.tell(events, 7);   // story.textProperty(): "fetch-user #7 arrived at 60.0 ms. It waited ..."
/// ```
public final class StoryViewModel {

    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private List<Event> lastEvents = List.of();
    private RunHistory history = RunHistory.of(List.of());

    /// Tells the story of invocation `id` from `events` (id < 1: no selection, no story).
    public void tell(List<Event> events, long id) {
        if (events != lastEvents) {
            lastEvents = events;
            history = RunHistory.of(events); // one index per set of events, however often the selection moves
        }
        text.set(id < 1 ? "" : StoryTeller.tell(history, id).map(InvocationStory::paragraph).orElse(""));
    }

    public ReadOnlyStringProperty textProperty() {
        return text;
    }
}
