package dev.asynclab.app.ui.welcome;

import dev.asynclab.app.ui.theme.Icons;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/// The first view: the built-in scenarios with their descriptions, the recent files, Open and Follow.
public final class WelcomeView extends VBox {

    private final ListView<ScenarioEntry> scenarios = new ListView<>();
    private final ListView<Path> recent = new ListView<>();
    private final Button open = Icons.decorate(new Button("Open…"), Material2AL.FOLDER_OPEN);
    private final Button follow = Icons.decorate(new Button("Follow a log…"), Material2MZ.RSS_FEED);

    private Consumer<Path> onOpen = file -> { };

    /// Empty (FXML makes it so); `setOnOpen` says what opening a scenario or recent file does.
    public WelcomeView() {
        getStyleClass().add("welcome");
        setSpacing(10);
        setPadding(new Insets(16));
        Label title = new Label("Async Lab");
        title.getStyleClass().add("title-2");
        Label intro = new Label("Open a scenario, press Run (F5), and watch the engine work: timeouts, retries, races"
                + " and a saturated pool, drawn as they happen. Drop a .yaml scenario or a .jsonl audit log here.");
        intro.setWrapText(true);
        intro.setMinHeight(USE_PREF_SIZE);
        scenarios.setId("welcome-scenarios");
        scenarios.setCellFactory(list -> new ScenarioCell());
        // One click opens a scenario, as the README promises (the list is a menu of lessons, not a selection).
        scenarios.setOnMouseClicked(e -> {
            if (e.getButton() == javafx.scene.input.MouseButton.PRIMARY
                    && scenarios.getSelectionModel().getSelectedItem() != null) {
                onOpen.accept(scenarios.getSelectionModel().getSelectedItem().file());
            }
        });
        scenarios.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER
                    && scenarios.getSelectionModel().getSelectedItem() != null) {
                onOpen.accept(scenarios.getSelectionModel().getSelectedItem().file());
            }
        });
        recent.setId("welcome-recent");
        recent.setPrefHeight(120);
        recent.setOnMouseClicked(e -> {
            if (e.getButton() == javafx.scene.input.MouseButton.PRIMARY
                    && recent.getSelectionModel().getSelectedItem() != null) {
                onOpen.accept(recent.getSelectionModel().getSelectedItem());
            }
        });
        VBox.setVgrow(scenarios, Priority.ALWAYS);
        getChildren().addAll(title, intro, new HBox(8, open, follow), new Label("Built-in scenarios"), scenarios,
                new Label("Recent files"), recent);
    }

    public void setOnOpen(Consumer<Path> onOpen) {
        this.onOpen = onOpen;
    }

    public void showScenarios(List<ScenarioEntry> entries) {
        scenarios.getItems().setAll(entries);
    }

    /// Shows this list of recent files, and follows it as it changes.
    public void showRecent(javafx.collections.ObservableList<Path> files) {
        recent.setItems(files);
    }

    public Button openButton() {
        return open;
    }

    public Button followButton() {
        return follow;
    }

    public ListView<Path> recentList() {
        return recent;
    }

    public ListView<ScenarioEntry> scenarioList() {
        return scenarios;
    }

    private static final class ScenarioCell extends ListCell<ScenarioEntry> {
        @Override
        protected void updateItem(ScenarioEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            if (empty || entry == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label name = new Label(entry.name() + "  (" + entry.file().getFileName() + ")");
            name.getStyleClass().add("scenario-name");
            Label description = new Label(entry.isBroken() ? entry.problem() : entry.description());
            description.getStyleClass().add(entry.isBroken() ? "scenario-error" : "scenario-description");
            description.setWrapText(true);
            description.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            // Wrapped to the list's width (less its scroll bar), so the whole description shows at any size.
            description.maxWidthProperty().bind(getListView().widthProperty().subtract(40));
            description.prefWidthProperty().bind(description.maxWidthProperty());
            setTooltip(new javafx.scene.control.Tooltip(entry.name() + "\n\n" + (entry.isBroken() ? entry.problem()
                    : entry.description())));
            getTooltip().setWrapText(true);
            getTooltip().setMaxWidth(600);
            setGraphic(new VBox(2, name, description));
            setText(null);
        }
    }
}
