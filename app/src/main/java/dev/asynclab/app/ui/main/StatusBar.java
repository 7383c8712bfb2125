package dev.asynclab.app.ui.main;

import dev.asynclab.app.ui.fxml.Fxml;
import dev.asynclab.app.ui.session.StatusCounts;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/// The status bar (`StatusBar.fxml`): the live counts and the summary line. When the window is too narrow for the
/// counts in words it shows them abbreviated ("200 sub · 180 ok · …") rather than cutting them; the whole line
/// is on hover.
public final class StatusBar extends HBox {

    @FXML
    private Label counts;
    @FXML
    private Region spacer;
    @FXML
    private Label summary;
    private final Tooltip whole = new Tooltip();
    private StatusCounts shown = StatusCounts.ZERO;

    public StatusBar() {
        Fxml.load(this);
        HBox.setHgrow(spacer, Priority.ALWAYS);
        counts.setTooltip(whole);
        summary.setTooltip(new Tooltip());
        summary.getTooltip().textProperty().bind(summary.textProperty());
        widthProperty().addListener((o, a, b) -> show(shown));
        summary.textProperty().addListener((o, a, b) -> show(shown));
    }

    public void bind(ObservableValue<StatusCounts> source, ObservableValue<String> summaryLine) {
        summary.textProperty().bind(summaryLine);
        source.addListener((o, a, b) -> show(b));
        show(source.getValue());
    }

    private void show(StatusCounts c) {
        shown = c == null ? StatusCounts.ZERO : c;
        String full = shown.describe();
        whole.setText(full);
        counts.setText(full);
        double room = getWidth() - snappedLeftInset() - snappedRightInset() - summary.prefWidth(-1)
                - 2 * getSpacing() - 8;
        if (getWidth() > 0 && counts.prefWidth(-1) > room) {
            counts.setText(shown.abbreviated());
        }
    }

    public Label countsLabel() {
        return counts;
    }

    public Label summaryLabel() {
        return summary;
    }
}
