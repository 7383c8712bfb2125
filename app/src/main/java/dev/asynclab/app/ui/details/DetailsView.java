package dev.asynclab.app.ui.details;

import dev.asynclab.app.store.EventStore;
import dev.asynclab.app.ui.teach.StoryViewModel;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

/// The side panel: the selected invocation's title, its story in plain sentences ("Why?", as `asynclab explain`
/// tells it), its error, attempts and events.
public final class DetailsView extends VBox {

    private final Label title = new Label();
    private final Label error = new Label();
    private final Label why = new Label("Why?");
    private final Label story = new Label();
    private final ListView<String> attempts = new ListView<>();
    private final ListView<String> events = new ListView<>();
    private final StoryViewModel storyModel = new StoryViewModel();
    private final BooleanProperty compact = new SimpleBooleanProperty(this, "compact");

    public DetailsView() {
        getStyleClass().add("details");
        setSpacing(6);
        setPrefWidth(330);
        title.getStyleClass().add("details-title");
        title.setId("details-title");
        title.setWrapText(true);
        title.setMinHeight(USE_PREF_SIZE); // wrapped whole, never cut to "…"
        error.getStyleClass().add("details-error");
        error.setId("details-error");
        error.setWrapText(true);
        why.getStyleClass().add("details-heading");
        story.getStyleClass().add("details-story");
        story.setId("details-story");
        story.setWrapText(true);
        story.setMinHeight(Region.USE_PREF_SIZE); // wrapped lines grow the label, not "..."
        story.setMaxWidth(Double.MAX_VALUE);
        story.textProperty().bind(storyModel.textProperty());
        why.visibleProperty().bind(story.textProperty().isNotEmpty());
        why.managedProperty().bind(why.visibleProperty());
        story.visibleProperty().bind(why.visibleProperty());
        story.managedProperty().bind(why.visibleProperty());
        attempts.setId("details-attempts");
        attempts.setPrefHeight(110);
        // Never squeezed to a bare scroll bar in a low window: the events list gives way first.
        attempts.setMinHeight(72);
        events.setId("details-events");
        events.setMinHeight(48);
        VBox.setVgrow(events, Priority.ALWAYS);
        Label attemptsLabel = new Label("Attempts");
        Label eventsLabel = new Label("Events");
        for (var list : java.util.List.of(attemptsLabel, attempts, eventsLabel, events)) {
            list.visibleProperty().bind(compact.not());
            list.managedProperty().bind(compact.not());
        }
        getChildren().addAll(title, error, why, story, attemptsLabel, attempts, eventsLabel, events);
        // What does not fit is cut at the panel's edge rather than drawn over its neighbours.
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        clear();
    }

    /// Title, story and error only, without the lists of attempts and events: room for the tour player above it
    /// in a low window (the story is what a tour step wants told).
    public BooleanProperty compactProperty() {
        return compact;
    }

    /// Shows the invocation in `slot` of `store` (-1: nothing selected), with its story so far.
    public void show(EventStore store, int slot) {
        show(InvocationDetails.of(store, slot));
        storyModel.tell(store, slot);
    }

    /// Nothing selected.
    public void clear() {
        show(InvocationDetails.NONE);
        storyModel.clear();
    }

    private void show(InvocationDetails details) {
        title.setText(details.title());
        error.setText(details.error());
        error.setManaged(!details.error().isEmpty());
        attempts.getItems().setAll(details.attempts());
        events.getItems().setAll(details.events());
    }

    /// The story shown ("" for none).
    public String storyText() {
        return story.getText();
    }

    public String titleText() {
        return title.getText();
    }
}
