package dev.asynclab.app.ui.teach;

import dev.asynclab.lab.scenario.Scenario;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/// What the workspace's caption panel says: the open scenario's title and description, kept on screen while it
/// runs; folded or not, as the learner left it.
///
/// ```java
/// caption.show(scenario);     // title "A timeout", description "Twenty calls to a slow service ..."
/// caption.foldedProperty().set(true);
/// ```
public final class CaptionPanelViewModel {

    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final StringProperty description = new SimpleStringProperty(this, "description", "");
    private final BooleanProperty folded = new SimpleBooleanProperty(this, "folded");
    private final BooleanProperty present = new SimpleBooleanProperty(this, "present");

    /// Shows `scenario` (null: nothing, the panel hides).
    public void show(Scenario scenario) {
        title.set(scenario == null ? "" : scenario.name());
        description.set(scenario == null ? "" : oneParagraph(scenario.description()));
        present.set(scenario != null);
    }

    /// A folded YAML block keeps its line breaks only where the author left a blank line.
    static String oneParagraph(String text) {
        return text.strip().replaceAll("(?<!\n)\n(?!\n)", " ").replaceAll(" {2,}", " ");
    }

    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    public ReadOnlyStringProperty descriptionProperty() {
        return description;
    }

    public BooleanProperty foldedProperty() {
        return folded;
    }

    /// True while a scenario is shown.
    public BooleanProperty presentProperty() {
        return present;
    }
}
