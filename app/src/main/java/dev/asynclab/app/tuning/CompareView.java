package dev.asynclab.app.tuning;

import dev.asynclab.app.ui.fxml.Fxml;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

import java.util.List;

/// The Compare tab (`CompareView.fxml`): two sides, each a scenario (with its pool size, seed and clock) or an
/// audit log; their latency CDFs overlaid, and the table of counts and percentiles with differences. A thin
/// controller: binds to `CompareViewModel` and hands clicks on.
///
/// ```java
/// tab.setContent(new CompareView(new CompareViewModel()));
/// ```
public final class CompareView extends BorderPane {

    @FXML
    private Button compareButton;
    @FXML
    private Button cancelButton;
    @FXML
    private Label leftSource;
    @FXML
    private Spinner<Integer> leftPool;
    @FXML
    private TextField leftSeed;
    @FXML
    private CheckBox leftReal;
    @FXML
    private Label rightSource;
    @FXML
    private Spinner<Integer> rightPool;
    @FXML
    private TextField rightSeed;
    @FXML
    private CheckBox rightReal;
    @FXML
    private ChartViewer viewer;
    @FXML
    private VBox side;
    @FXML
    private Label message;
    @FXML
    private TableView<ComparisonRow> table;
    @FXML
    private Label exportStatus;

    private final CompareViewModel model;
    private final JFreeChart cdf;

    public CompareView(CompareViewModel model) {
        this.model = model;
        cdf = ChartFactory.createXYLineChart("Latency distributions (CDF)", "latency (ms)",
                "fraction at or below", model.cdfData());
        Fxml.load(this);
    }

    @FXML
    private void initialize() {
        bindSide(model.left(), leftSource, leftPool, leftSeed, leftReal);
        bindSide(model.right(), rightSource, rightPool, rightSeed, rightReal);
        compareButton.disableProperty().bind(model.runningProperty());
        cancelButton.disableProperty().bind(model.runningProperty().not());
        ViewParts.show(viewer, cdf);
        message.textProperty().bind(model.messageProperty());
        table.setItems(model.rows());
        table.getColumns().setAll(List.of(ViewParts.textColumn("measure", ComparisonRow::measure),
                ViewParts.textColumn("left", ComparisonRow::leftText),
                ViewParts.textColumn("right", ComparisonRow::rightText),
                ViewParts.textColumn("difference", ComparisonRow::differenceText)));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        side.prefWidthProperty().bind(Bindings.max(360, Bindings.min(640, ViewParts.contentWidth(table)
                .add(side.getPadding().getLeft() + side.getPadding().getRight()))));
    }

    /// A side's source in words, and its run settings (which a log has none of).
    private static void bindSide(CompareViewModel.Side side, Label source, Spinner<Integer> pool, TextField seed,
                                 CheckBox real) {
        source.textProperty().bind(Bindings.createStringBinding(() -> side.source().isEmpty() ? "nothing yet"
                : side.source(), side.scenario(), side.log()));
        ViewParts.bindSize(pool, side.poolSize());
        seed.textProperty().bindBidirectional(side.seed());
        real.selectedProperty().bindBidirectional(side.realClock());
        for (var setting : List.of(pool, seed, real)) {
            setting.disableProperty().bind(side.log().isNotNull());
        }
    }

    /// The node to put in a tab (this view).
    public Parent root() {
        return this;
    }

    public JFreeChart chart() {
        return cdf;
    }

    @FXML
    private void compare() {
        model.compare();
    }

    @FXML
    private void cancel() {
        model.cancel();
    }

    @FXML
    private void openBoth() {
        ViewParts.openScenario(getScene().getWindow()).ifPresent(model::load);
    }

    @FXML
    private void openLeft() {
        ViewParts.openScenarioOrLog(getScene().getWindow()).ifPresent(file -> model.load(model.left(), file));
    }

    @FXML
    private void openRight() {
        ViewParts.openScenarioOrLog(getScene().getWindow()).ifPresent(file -> model.load(model.right(), file));
    }

    @FXML
    private void exportChart() {
        ViewParts.exportPng(getScene().getWindow(), cdf, "compare-cdf.png", exportStatus::setText);
    }
}
