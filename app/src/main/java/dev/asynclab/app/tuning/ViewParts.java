package dev.asynclab.app.tuning;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/// Small pieces the three tuning views share: a chart cell with a PNG button, file choosers, wrapped labels,
/// text columns.
final class ViewParts {

    private ViewParts() {
    }

    /// An unsortable table column showing `text` of each row.
    static <R> TableColumn<R, String> textColumn(String title, Function<R, String> text) {
        TableColumn<R, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new SimpleStringProperty(text.apply(cell.getValue())));
        column.setSortable(false);
        return column;
    }

    /// A chart viewer with a "PNG" button in its corner that saves the chart where the user says.
    static StackPane chartCell(ChartViewer viewer, JFreeChart chart, String fileName, Consumer<String> report) {
        Button png = new Button("PNG");
        png.getStyleClass().add("small");
        png.setOnAction(e -> saveFile(png.getScene().getWindow(), "Export chart as PNG", fileName, "*.png")
                .ifPresent(file -> {
                    try {
                        ChartPng.write(chart, file, 1200, 700);
                        report.accept("Wrote " + file);
                    } catch (IOException ex) {
                        report.accept("Cannot write " + file + ": " + ex.getMessage());
                    }
                }));
        StackPane cell = new StackPane(viewer, png);
        StackPane.setAlignment(png, javafx.geometry.Pos.TOP_RIGHT);
        viewer.setMinSize(200, 150);
        return cell;
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

    /// An editable pool size spinner kept in step with `size`; text that is not a whole number leaves the value
    /// as it was (the spinner's own converter would throw on the FX thread).
    static Spinner<Integer> sizeSpinner(String id, IntegerProperty size) {
        Spinner<Integer> spinner = new Spinner<>(1, TuningViewModel.MAX_SIZE, size.get());
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.setPrefWidth(80);
        spinner.getValueFactory().setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer value) {
                return value == null ? "" : value.toString();
            }

            @Override
            public Integer fromString(String text) {
                try {
                    return Integer.valueOf(text.trim());
                } catch (NumberFormatException e) {
                    return spinner.getValue();
                }
            }
        });
        spinner.valueProperty().addListener((o, was, now) -> {
            if (now != null) {
                size.set(now);
            }
        });
        size.addListener((o, was, now) -> spinner.getValueFactory().setValue(now.intValue()));
        return spinner;
    }

    static Label wrapped(String id) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }
}
