package dev.asynclab.app.ui.details;

import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/// The side panel: the selected invocation's title, error, attempts and events.
public final class DetailsView extends VBox {

    private final Label title = new Label();
    private final Label error = new Label();
    private final Label story = new Label();
    private final ListView<String> attempts = new ListView<>();
    private final ListView<String> events = new ListView<>();

    public DetailsView() {
        getStyleClass().add("details");
        setSpacing(6);
        setPrefWidth(330);
        setStyle("-fx-padding: 8;");
        title.getStyleClass().add("details-title");
        title.setId("details-title");
        title.setWrapText(true);
        title.setMinHeight(USE_PREF_SIZE); // wrapped whole, never cut to "…"
        error.getStyleClass().add("details-error");
        error.setId("details-error");
        error.setWrapText(true);
        story.getStyleClass().add("details-story");
        story.setId("details-story");
        story.setWrapText(true);
        story.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // wrapped lines grow the label, not "..."
        story.setMaxWidth(Double.MAX_VALUE);
        story.setManaged(false);
        attempts.setId("details-attempts");
        attempts.setPrefHeight(110);
        // Never squeezed to a bare scroll bar in a low window: the events list gives way first.
        attempts.setMinHeight(72);
        events.setId("details-events");
        events.setMinHeight(48);
        VBox.setVgrow(events, Priority.ALWAYS);
        getChildren().addAll(title, story, error, new Label("Attempts"), attempts, new Label("Events"), events);
        show(InvocationDetails.NONE);
    }

    public void show(InvocationDetails details) {
        title.setText(details.title());
        error.setText(details.error());
        error.setManaged(!details.error().isEmpty());
        attempts.getItems().setAll(details.attempts());
        events.getItems().setAll(details.events());
    }

    /// The selected invocation's story in plain sentences (empty: none).
    public void showStory(String text) {
        story.setText(text);
        story.setManaged(!text.isEmpty());
        story.setVisible(!text.isEmpty());
    }

    public String storyText() {
        return story.getText();
    }

    public String titleText() {
        return title.getText();
    }
}
