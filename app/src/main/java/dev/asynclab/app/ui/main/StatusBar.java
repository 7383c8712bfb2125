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
        counts.setMinWidth(USE_PREF_SIZE); // never cut: it is abbreviated instead
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

    /// Before laying out, picks the words or the abbreviation by the room the counts have.
    @Override
    protected void layoutChildren() {
        String full = shown.describe();
        // The counts come first: the summary gets at most a third of a narrow bar (cut with "…", whole on hover).
        double room = getWidth() - snappedLeftInset() - snappedRightInset() - 2 * getSpacing()
                - spacer.minWidth(-1) - Math.min(summary.prefWidth(-1), getWidth() / 3);
        double need = textWidth(full) + counts.snappedLeftInset() + counts.snappedRightInset() + 2;
        String text = getWidth() <= 0 || need <= room ? full : shown.abbreviated();
        if (!text.equals(counts.getText())) {
            counts.setText(text);
        }
        super.layoutChildren();
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
