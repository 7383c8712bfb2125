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

/// The status bar (`StatusBar.fxml`): the live counts and the summary line. When the window is too narrow for
/// them in words it abbreviates them — the counts first ("200 sub · 180 ok · …"), then the summary ("2,108 ev ·
/// p50 …") — rather than cutting them; each whole line is on hover.
public final class StatusBar extends HBox {

    @FXML
    private Label counts;
    @FXML
    private Region spacer;
    @FXML
    private Label summary;
    private final Tooltip whole = new Tooltip();
    private StatusCounts shown = StatusCounts.ZERO;
    private ObservableValue<String> fullSummary;
    private ObservableValue<String> shortSummary;

    public StatusBar() {
        Fxml.load(this);
        HBox.setHgrow(spacer, Priority.ALWAYS);
        counts.setMinWidth(USE_PREF_SIZE); // never cut: it is abbreviated instead
        counts.setTooltip(whole);
        summary.setTooltip(new Tooltip());
    }

    /// Shows `source`'s counts and the summary line, in words or (`abbreviated`) short.
    public void bind(ObservableValue<StatusCounts> source, ObservableValue<String> summaryLine,
                     ObservableValue<String> abbreviated) {
        fullSummary = summaryLine;
        shortSummary = abbreviated;
        summary.getTooltip().textProperty().bind(summaryLine);
        summaryLine.addListener((o, a, b) -> pick());
        abbreviated.addListener((o, a, b) -> pick());
        source.addListener((o, a, b) -> show(b));
        show(source.getValue());
    }

    private void show(StatusCounts c) {
        shown = c == null ? StatusCounts.ZERO : c;
        whole.setText(shown.describe());
        pick();
    }

    /// Before laying out, picks words or abbreviations by the room there is: both in words if they fit, else the
    /// counts abbreviated, else the summary too. Only a bar too narrow for both abbreviations cuts the summary
    /// (with "…"; whole on hover).
    @Override
    protected void layoutChildren() {
        pick();
        super.layoutChildren();
    }

    /// Sets both labels' text for the bar's width now (at once when a text changes, again at each layout).
    private void pick() {
        String countsFull = shown.describe();
        String countsShort = shown.abbreviated();
        String summaryFull = fullSummary == null ? "" : fullSummary.getValue();
        String summaryShort = shortSummary == null ? "" : shortSummary.getValue();
        double room = getWidth() - snappedLeftInset() - snappedRightInset() - 2 * getSpacing() - spacer.minWidth(-1);
        String countsText = countsFull;
        String summaryText = summaryFull;
        if (getWidth() > 0 && width(counts, countsFull) + width(summary, summaryFull) > room) {
            countsText = countsShort;
            if (width(counts, countsShort) + width(summary, summaryFull) > room) {
                summaryText = summaryShort;
            }
        }
        if (!countsText.equals(counts.getText())) {
            counts.setText(countsText);
        }
        if (!summaryText.equals(summary.getText())) {
            summary.setText(summaryText);
        }
    }

    /// The width `label` needs to show `text` whole.
    private double width(Label label, String text) {
        return text.isEmpty() ? 0 : textWidth(text) + label.snappedLeftInset() + label.snappedRightInset() + 2;
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
