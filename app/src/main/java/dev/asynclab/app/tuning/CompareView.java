package dev.asynclab.app.tuning;

import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

import java.util.List;

/// Two runs side by side: the settings of each on top, their latency CDFs overlaid, and the table of counts and
/// percentiles with differences. Only binds to `CompareViewModel`.
///
/// ```java
/// tab.setContent(new CompareView(new CompareViewModel()).root());
/// ```
public final class CompareView {

    private final CompareViewModel model;
    private final BorderPane root = new BorderPane();
    private final JFreeChart cdf;
    private final Label exportStatus = ViewParts.wrapped("compare-export-status");

    public CompareView(CompareViewModel model) {
        this.model = model;
        root.setId("compare-view");
        cdf = ChartFactory.createXYLineChart("Latency distributions (CDF)", "latency (ms)",
                "fraction of invocations at or below", model.cdfData());
        ChartViewer viewer = new ChartViewer(cdf);
        viewer.setId("compare-chart");
        root.setTop(new ToolBar(side("Left", "compare-left", model.left()), new Separator(),
                side("Right", "compare-right", model.right()), new Separator(), buttons()));
        root.setCenter(ViewParts.chartCell(viewer, cdf, "compare-cdf.png", exportStatus::setText));
        root.setRight(table());
    }

    /// The node to put in a tab.
    public Parent root() {
        return root;
    }

    public JFreeChart chart() {
        return cdf;
    }

    private HBox side(String title, String id, CompareViewModel.Side side) {
        Spinner<Integer> pool = ViewParts.sizeSpinner(id + "-pool", side.poolSize());
        TextField seed = new TextField();
        seed.setId(id + "-seed");
        seed.setPrefColumnCount(6);
        seed.textProperty().bindBidirectional(side.seed());
        CheckBox real = new CheckBox("real clock");
        real.setId(id + "-real");
        real.selectedProperty().bindBidirectional(side.realClock());
        HBox box = new HBox(6, new Label(title + ": pool"), pool, new Label("seed"), seed, real);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return box;
    }

    private HBox buttons() {
        Button compare = new Button("Compare");
        compare.setId("compare-run");
        compare.disableProperty().bind(model.runningProperty().or(model.scenarioProperty().isNull()));
        compare.setOnAction(e -> model.compare());
        Button cancel = new Button("Cancel");
        cancel.setId("compare-cancel");
        cancel.disableProperty().bind(model.runningProperty().not());
        cancel.setOnAction(e -> model.cancel());
        Button open = new Button("Open…");
        open.setOnAction(e -> ViewParts.openScenario(root.getScene().getWindow()).ifPresent(model::load));
        return new HBox(6, open, compare, cancel);
    }

    private VBox table() {
        TableView<ComparisonRow> table = new TableView<>(model.rows());
        table.setId("compare-table");
        table.getColumns().setAll(List.of(ViewParts.textColumn("measure", ComparisonRow::measure),
                ViewParts.textColumn("left", ComparisonRow::leftText),
                ViewParts.textColumn("right", ComparisonRow::rightText),
                ViewParts.textColumn("difference", ComparisonRow::differenceText)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(table, Priority.ALWAYS);
        Label message = ViewParts.wrapped("compare-message");
        message.textProperty().bind(model.messageProperty());
        VBox box = new VBox(8, message, table, exportStatus);
        box.setPadding(new Insets(8));
        box.setPrefWidth(540);
        return box;
    }
}
