package dev.asynclab.app.tuning;

import dev.asynclab.lab.advise.Advice;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/// The Advice tab: an audit log (opened, or dropped as a `.jsonl`), sizes, target and rate scale on top; the
/// predicted p50/p95/p99 per size with the p99's 95 % interval, throughput and utilisation in the table; the
/// recommendation, whether the machine's cores decide, and what the fit left out below. The same advice as
/// `asynclab advise`. Binds to `AdviceViewModel` and hands clicks and drops on.
///
/// ```java
/// tab.setContent(new AdviceView(new AdviceViewModel()).root());
/// ```
public final class AdviceView {

    private final AdviceViewModel model;
    private final BorderPane root = new BorderPane();
    private final TableView<Advice.Size> table = new TableView<>();

    public AdviceView(AdviceViewModel model) {
        this.model = model;
        root.setId("advice-view");
        root.setTop(toolbar());
        root.setCenter(table());
        root.setBottom(status());
        root.setOnDragOver(this::dragOver);
        root.setOnDragDropped(this::dropped);
    }

    /// The node to put in a tab.
    public Parent root() {
        return root;
    }

    private ToolBar toolbar() {
        Button open = new Button("Open log…");
        open.setId("advice-open");
        open.setOnAction(e -> chooseLog().ifPresent(model::open));
        Label name = new Label();
        name.setId("advice-log");
        name.textProperty().bind(Bindings.createStringBinding(() -> model.logProperty().get() == null ? "no log"
                : model.logProperty().get().getFileName().toString(), model.logProperty()));
        TextField target = new TextField();
        target.setId("advice-target");
        target.setPromptText("p99<50ms and throughput>180/s");
        target.textProperty().bindBidirectional(model.targetProperty());
        TextField rate = new TextField("1.0");
        rate.setId("advice-rate");
        rate.setPrefColumnCount(4);
        rate.textProperty().addListener((o, was, now) -> {
            try {
                model.rateScaleProperty().set(Double.parseDouble(now.strip()));
            } catch (NumberFormatException ignored) {
                model.rateScaleProperty().set(Double.NaN); // refused with a message when Advise is pressed
            }
        });
        Button advise = new Button("Advise");
        advise.setId("advice-run");
        advise.disableProperty().bind(model.runningProperty().or(model.logProperty().isNull()));
        advise.setOnAction(e -> model.advise());
        return new ToolBar(open, name, new Label("pool"),
                ViewParts.sizeSpinner("advice-from", model.fromSizeProperty()), new Label("to"),
                ViewParts.sizeSpinner("advice-to", model.toSizeProperty()), new Label("target"), target,
                new Label("rate ×"), rate, advise);
    }

    private TableView<Advice.Size> table() {
        table.setId("advice-table");
        table.setItems(model.rows());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(ViewParts.textColumn("pool", r -> Integer.toString(r.pool())));
        table.getColumns().add(ViewParts.textColumn("p50", r -> ms(r.p50Ms())));
        table.getColumns().add(ViewParts.textColumn("p95", r -> ms(r.p95Ms())));
        table.getColumns().add(ViewParts.textColumn("p99", r -> ms(r.p99Ms())));
        table.getColumns().add(ViewParts.textColumn("p99 95 % interval", r -> ms(r.p99LowMs()) + " – "
                + ms(r.p99HighMs())));
        table.getColumns().add(ViewParts.textColumn("throughput", r -> String.format(Locale.ROOT, "%.1f/s",
                r.throughputPerS())));
        table.getColumns().add(ViewParts.textColumn("utilisation", r -> String.format(Locale.ROOT, "%.0f %%",
                r.utilization() * 100)));
        table.getColumns().add(ViewParts.textColumn("", r -> r.pool() == Optional.ofNullable(
                model.recommendedProperty().get()).orElse(-1) ? "recommended" : ""));
        model.recommendedProperty().addListener((o, was, now) -> table.refresh());
        return table;
    }

    private VBox status() {
        Label message = ViewParts.wrapped("advice-message");
        message.textProperty().bind(model.messageProperty());
        Label verdict = ViewParts.wrapped("advice-verdict");
        verdict.textProperty().bind(model.verdictProperty());
        Label notes = ViewParts.wrapped("advice-notes");
        notes.textProperty().bind(model.notesProperty());
        var box = new VBox(4, message, verdict, notes);
        box.setPadding(new Insets(6));
        return box;
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, "%.1f ms", millis);
    }

    private Optional<Path> chooseLog() {
        var chooser = new FileChooser();
        chooser.setTitle("Open an audit log");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Audit logs", "*.jsonl"));
        File file = chooser.showOpenDialog(root.getScene().getWindow());
        return Optional.ofNullable(file).map(File::toPath);
    }

    private static Optional<File> jsonl(DragEvent e) {
        return e.getDragboard().hasFiles() ? e.getDragboard().getFiles().stream()
                .filter(f -> f.getName().endsWith(".jsonl")).findFirst() : Optional.empty();
    }

    private void dragOver(DragEvent e) {
        if (jsonl(e).isPresent()) {
            e.acceptTransferModes(TransferMode.COPY);
            e.consume(); // the log is for advice here, not for the main window's replay
        }
    }

    private void dropped(DragEvent e) {
        Optional<File> file = jsonl(e);
        file.ifPresent(f -> model.open(f.toPath()));
        e.setDropCompleted(file.isPresent());
        e.consume();
    }
}
