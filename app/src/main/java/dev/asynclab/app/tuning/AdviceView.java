package dev.asynclab.app.tuning;

import dev.asynclab.app.ui.fxml.Fxml;
import dev.asynclab.lab.advise.Advice;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.stage.FileChooser;

import java.io.File;
import java.util.Locale;
import java.util.Optional;

/// The Advice tab (`AdviceView.fxml`): an audit log (opened, or dropped as a `.jsonl`), sizes, target and rate
/// scale on top; the predicted p50/p95/p99 per size with the 95 % interval of the next run's p99, throughput and
/// utilisation in the table; the recommendation, whether the machine's cores decide, and what the fit left out
/// below. The same advice as `asynclab advise`. A thin controller: binds to `AdviceViewModel` and hands clicks
/// and drops on.
///
/// ```java
/// tab.setContent(new AdviceView(new AdviceViewModel()));
/// ```
public final class AdviceView extends BorderPane {

    @FXML
    private Label logName;
    @FXML
    private Spinner<Integer> from;
    @FXML
    private Spinner<Integer> to;
    @FXML
    private TextField target;
    @FXML
    private TextField rate;
    @FXML
    private Button advise;
    @FXML
    private TableView<Advice.Size> table;
    @FXML
    private Label message;
    @FXML
    private Label verdict;
    @FXML
    private Label notes;

    private final AdviceViewModel model;

    public AdviceView(AdviceViewModel model) {
        this.model = model;
        Fxml.load(this);
    }

    @FXML
    private void initialize() {
        logName.textProperty().bind(Bindings.createStringBinding(() -> model.logProperty().get() == null ? "no log"
                : model.logProperty().get().getFileName().toString(), model.logProperty()));
        ViewParts.bindSize(from, model.fromSizeProperty());
        ViewParts.bindSize(to, model.toSizeProperty());
        target.textProperty().bindBidirectional(model.targetProperty());
        rate.textProperty().addListener((o, was, now) -> {
            try {
                model.rateScaleProperty().set(Double.parseDouble(now.strip()));
            } catch (NumberFormatException ignored) {
                model.rateScaleProperty().set(Double.NaN); // refused with a message when Advise is pressed
            }
        });
        advise.disableProperty().bind(model.runningProperty().or(model.logProperty().isNull()));
        fillTable();
        message.textProperty().bind(model.messageProperty());
        verdict.textProperty().bind(model.verdictProperty());
        notes.textProperty().bind(model.notesProperty());
    }

    private void fillTable() {
        table.setItems(model.rows());
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getColumns().add(ViewParts.textColumn("pool", r -> Integer.toString(r.pool())));
        table.getColumns().add(ViewParts.textColumn("p50", r -> ms(r.p50Ms())));
        table.getColumns().add(ViewParts.textColumn("p95", r -> ms(r.p95Ms())));
        table.getColumns().add(ViewParts.textColumn("p99", r -> ms(r.p99Ms())));
        table.getColumns().add(ViewParts.textColumn("next run's p99 (95 %)", r -> ms(r.p99LowMs()) + " – "
                + ms(r.p99HighMs())));
        table.getColumns().add(ViewParts.textColumn("throughput", r -> String.format(Locale.ROOT, "%.1f/s",
                r.throughputPerS())));
        table.getColumns().add(ViewParts.textColumn("utilisation", r -> String.format(Locale.ROOT, "%.0f %%",
                r.utilization() * 100)));
        table.getColumns().add(ViewParts.textColumn("", r -> r.pool() == Optional.ofNullable(
                model.recommendedProperty().get()).orElse(-1) ? "recommended" : ""));
        model.recommendedProperty().addListener((o, was, now) -> table.refresh());
    }

    /// The node to put in a tab (this view).
    public Parent root() {
        return this;
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, "%.1f ms", millis);
    }

    @FXML
    private void open() {
        var chooser = new FileChooser();
        chooser.setTitle("Open an audit log");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Audit logs", "*.jsonl"));
        File file = chooser.showOpenDialog(getScene().getWindow());
        Optional.ofNullable(file).map(File::toPath).ifPresent(model::open);
    }

    @FXML
    private void advise() {
        model.advise();
    }

    private static Optional<File> jsonl(DragEvent e) {
        return e.getDragboard().hasFiles() ? e.getDragboard().getFiles().stream()
                .filter(f -> f.getName().endsWith(".jsonl")).findFirst() : Optional.empty();
    }

    @FXML
    private void dragOver(DragEvent e) {
        if (jsonl(e).isPresent()) {
            e.acceptTransferModes(TransferMode.COPY);
            e.consume(); // the log is for advice here, not for the main window's replay
        }
    }

    @FXML
    private void dropped(DragEvent e) {
        Optional<File> file = jsonl(e);
        file.ifPresent(f -> model.open(f.toPath()));
        e.setDropCompleted(file.isPresent());
        e.consume();
    }
}
