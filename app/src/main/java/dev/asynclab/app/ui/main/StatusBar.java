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
import javafx.scene.text.Text;

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
        summary.textProperty().addListener((o, a, b) -> requestLayout());
    }

    public void bind(ObservableValue<StatusCounts> source, ObservableValue<String> summaryLine) {
        summary.textProperty().bind(summaryLine);
        source.addListener((o, a, b) -> show(b));
        show(source.getValue());
    }

    private void show(StatusCounts c) {
        shown = c == null ? StatusCounts.ZERO : c;
        whole.setText(shown.describe());
        requestLayout();
    }

    /// After laying out, picks the words or the abbreviation by the room the counts really have (their label plus
    /// the spacer's slack), and lays out again if that changed the text.
    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        String full = shown.describe();
        double room = counts.getWidth() + spacer.getWidth() - spacer.minWidth(-1);
        double need = textWidth(full) + counts.snappedLeftInset() + counts.snappedRightInset() + 2;
        String text = getWidth() <= 0 || need <= room ? full : shown.abbreviated();
        if (!text.equals(counts.getText())) {
            counts.setText(text);
        }
    }

    private double textWidth(String text) {
        Text probe = new Text(text);
        probe.setFont(counts.getFont());
        return probe.getLayoutBounds().getWidth();
    }

    public Label countsLabel() {
        return counts;
    }

    public Label summaryLabel() {
        return summary;
    }
}
