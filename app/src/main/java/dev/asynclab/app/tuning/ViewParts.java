package dev.asynclab.app.tuning;

import dev.asynclab.app.ui.charts.ChartScale;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.Spinner;
import dev.asynclab.app.ui.format.SpinnerText;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/// Small pieces the tuning views share: PNG export of a chart, file choosers, pool size spinners, text columns
/// that widen to their content.
final class ViewParts {

    private ViewParts() {
    }

    /// An unsortable table column showing `text` of each row, as wide as its widest cell and its header (never
    /// cut to "584…"): the table should use `UNCONSTRAINED_RESIZE_POLICY`.
    static <R> TableColumn<R, String> textColumn(String title, Function<R, String> text) {
        TableColumn<R, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new SimpleStringProperty(text.apply(cell.getValue())));
        column.setCellFactory(c -> new FittingCell<>());
        column.setSortable(false);
        column.setPrefWidth(FittingCell.headerWidth(title)); // the cells widen it further once there are rows
        return column;
    }

    /// The sum of `table`'s column widths plus room for its borders and scroll bar: the width at which nothing
    /// in it is cut.
    static DoubleBinding contentWidth(TableView<?> table) {
        return Bindings.createDoubleBinding(() -> table.getColumns().stream().mapToDouble(TableColumn::getWidth)
                .sum() + 24, table.getColumns().stream().map(TableColumn::widthProperty).toArray(Observable[]::new));
    }

    /// Shows `chart` in `viewer` (declared in FXML), its text sized to the viewer as it resizes.
    static void show(ChartViewer viewer, JFreeChart chart) {
        viewer.setChart(chart);
        viewer.widthProperty().addListener((o, a, b) -> ChartScale.fit(chart, b.doubleValue(), viewer.getHeight()));
        viewer.heightProperty().addListener((o, a, b) -> ChartScale.fit(chart, viewer.getWidth(), b.doubleValue()));
    }

    /// Asks where to save `chart` as a PNG (`fileName` proposed) and writes it; says what happened to `report`.
    static void exportPng(Window owner, JFreeChart chart, String fileName, Consumer<String> report) {
        saveFile(owner, "Export chart as PNG", fileName, "*.png").ifPresent(file -> {
            try {
                ChartPng.write(chart, file, 1200, 700);
                report.accept("Wrote " + file);
            } catch (IOException ex) {
                report.accept("Cannot write " + file + ": " + ex.getMessage());
            }
        });
    }

    static Optional<Path> saveFile(Window owner, String title, String name, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(pattern, pattern));
        File file = chooser.showSaveDialog(owner);
        return Optional.ofNullable(file).map(File::toPath);
    }

    static Optional<Path> openScenario(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a scenario");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scenarios (*.yaml, *.yml)", "*.yaml",
                "*.yml"));
        File file = chooser.showOpenDialog(owner);
        return Optional.ofNullable(file).map(File::toPath);
    }

    /// Makes `spinner` (declared in FXML, editable) a pool size spinner kept in step with `size`; text that is
    /// not a whole number leaves the value as it was (the spinner's own converter would throw on the FX thread).
    static void bindSize(Spinner<Integer> spinner, IntegerProperty size) {
        spinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, TuningViewModel.MAX_SIZE,
                size.get()));
        spinner.getValueFactory().setConverter(SpinnerText.keepingValueOnBadText(spinner, Integer::valueOf));
        spinner.valueProperty().addListener((o, was, now) -> {
            if (now != null) {
                size.set(now);
            }
        });
        size.addListener((o, was, now) -> spinner.getValueFactory().setValue(now.intValue()));
    }

    /// Opens a scenario (`.yaml`) or an audit log (`.jsonl`).
    static Optional<Path> openScenarioOrLog(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a scenario or an audit log");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scenarios and audit logs", "*.yaml",
                "*.yml", "*.jsonl"));
        File file = chooser.showOpenDialog(owner);
        return Optional.ofNullable(file).map(File::toPath);
    }
}
