package dev.asynclab.app.ui.main;

import dev.asynclab.app.ui.fxml.Fxml;
import dev.asynclab.app.ui.session.StatusCounts;
import javafx.animation.AnimationTimer;
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
/// p50 …") — rather than cutting them; each whole line is on hover. While a run is live the counts are re-shown
/// at most ten times a second (`ReadingPace`), the latest always; when it ends, its final counts at once.
public final class StatusBar extends HBox {

    /// Ten times a second: as often as changing figures can be read.
    private static final long READING_INTERVAL_NANOS = 100_000_000;

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
    private ObservableValue<Boolean> live;
    private final Text probe = new Text();
    private final ReadingPace pace = new ReadingPace(READING_INTERVAL_NANOS);
    private StatusCounts held = StatusCounts.ZERO;
    /// Shows held counts once they are due; runs only while some are held.
    private final AnimationTimer showWhenDue = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (pace.due(System.nanoTime())) {
                stop();
                show(held);
            }
        }
    };

    public StatusBar() {
        Fxml.load(this);
        HBox.setHgrow(spacer, Priority.ALWAYS);
        counts.setMinWidth(USE_PREF_SIZE); // never cut: it is abbreviated instead
        counts.setTooltip(whole);
        summary.setTooltip(new Tooltip());
    }

    /// Shows `source`'s counts and the summary line, in words or (`abbreviated`) short; while `running` is true,
    /// the counts at a reading pace.
    public void bind(ObservableValue<StatusCounts> source, ObservableValue<String> summaryLine,
                     ObservableValue<String> abbreviated, ObservableValue<Boolean> running) {
        fullSummary = summaryLine;
        shortSummary = abbreviated;
        live = running;
        summary.getTooltip().textProperty().bind(summaryLine);
        summaryLine.addListener((o, a, b) -> pick());
        abbreviated.addListener((o, a, b) -> pick());
        source.addListener((o, a, b) -> offer(b));
        running.addListener((o, was, now) -> {
            if (!Boolean.TRUE.equals(now)) {
                showNow(source.getValue()); // the run's final counts, not a frame later
            }
        });
        showNow(source.getValue());
    }

    private void offer(StatusCounts c) {
        if (!Boolean.TRUE.equals(live.getValue())) {
            showNow(c);
            return;
        }
        held = c;
        if (pace.changed(System.nanoTime())) {
            show(c);
        } else {
            showWhenDue.start();
        }
    }

    private void showNow(StatusCounts c) {
        showWhenDue.stop();
        pace.shown(System.nanoTime());
        show(c);
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
        probe.setText(text);
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
