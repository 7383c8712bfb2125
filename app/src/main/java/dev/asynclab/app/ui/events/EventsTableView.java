package dev.asynclab.app.ui.events;

import dev.asynclab.app.store.EventStore;
import dev.asynclab.app.store.Outcome;
import dev.asynclab.app.ui.timeline.TimeAxis;
import dev.asynclab.engine.event.EventType;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.function.IntConsumer;
import java.util.function.IntFunction;

/// Every event of the run in a virtualized table over the store, filtered by name, type and outcome, and to
/// one invocation when the timeline selects it. Double-click (or Enter) on a row shows it in the timeline.
public final class EventsTableView extends VBox {

    private final TableView<Integer> table = new TableView<>();
    private final TextField name = new TextField();
    private final ComboBox<EventType> type = new ComboBox<>();
    private final ComboBox<Outcome> outcome = new ComboBox<>();
    private final Button allInvocations = new Button("All invocations");
    private EventStore store = new EventStore();
    private EventRows rows = new EventRows(store, EventFilter.ALL);
    private long invocation;
    private IntConsumer onJump = e -> { };

    public EventsTableView() {
        setSpacing(4);
        table.setId("events-table");
        table.setPlaceholder(new javafx.scene.control.Label(
                "No events to show: run a scenario (F5) or open an audit log, or loosen the filters above."));
        name.setPromptText("name contains");
        type.setPromptText("any type");
        type.getItems().add(null);
        type.getItems().addAll(EventType.values());
        outcome.setPromptText("any outcome");
        outcome.getItems().add(null);
        outcome.getItems().addAll(Outcome.SUCCEEDED, Outcome.FAILED, Outcome.TIMED_OUT, Outcome.CANCELLED,
                Outcome.REJECTED);
        name.textProperty().addListener((o, a, b) -> refilter());
        type.valueProperty().addListener((o, a, b) -> refilter());
        outcome.valueProperty().addListener((o, a, b) -> refilter());
        allInvocations.setOnAction(e -> showInvocation(0));
        allInvocations.setDisable(true);
        HBox filters = new HBox(6, new Label("Filter"), name, type, outcome, allInvocations);
        filters.setStyle("-fx-padding: 4; -fx-alignment: center-left;");
        table.getColumns().add(column("seq", 60, e -> store.seq(e)));
        table.getColumns().add(column("t", 90, e -> dev.asynclab.app.ui.format.Durations.format(store.time(e))));
        table.getColumns().add(column("type", 110, e -> store.type(e)));
        table.getColumns().add(column("id", 60, e -> store.id(e)));
        table.getColumns().add(column("attempt", 84, e -> store.attempt(e)));
        table.getColumns().add(column("group", 72, e -> store.group(e)));
        table.getColumns().add(column("name", 120, e -> store.name(e)));
        table.getColumns().add(column("worker", 80, e -> store.worker(e)));
        table.getColumns().add(column("duration", 90, e -> store.duration(e) < 0 ? ""
                : dev.asynclab.app.ui.format.Durations.format(store.duration(e))));
        table.getColumns().add(column("error", 200, e -> store.errorType(e) == null ? ""
                : store.errorType(e) + ": " + store.errorMessage(e)));
        table.getColumns().add(column("value", 120, e -> store.value(e)));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setRowFactory(t -> {
            var row = new javafx.scene.control.TableRow<Integer>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    onJump.accept(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            Integer selected = table.getSelectionModel().getSelectedItem();
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && selected != null) {
                onJump.accept(selected);
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(filters, table);
    }

    private TableColumn<Integer, Object> column(String title, double width, IntFunction<Object> value) {
        TableColumn<Integer, Object> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return c;
    }

    /// Shows another store from scratch.
    public void setStore(EventStore next) {
        store = next;
        invocation = 0;
        refilter();
    }

    /// Once per frame: takes in appended events.
    public void refresh() {
        rows.refresh();
    }

    /// Shows only the events of one invocation (0: all).
    public void showInvocation(long id) {
        invocation = id;
        allInvocations.setDisable(id == 0);
        refilter();
    }

    /// Selects and scrolls to the row of store event `event`, if the filter shows it.
    public void reveal(int event) {
        int row = rows.rowOf(event);
        if (row >= 0) {
            table.getSelectionModel().clearAndSelect(row);
            table.scrollTo(row);
        }
    }

    /// Called with a store event index when the user asks to see a row in the timeline.
    public void setOnJump(IntConsumer onJump) {
        this.onJump = onJump;
    }

    private void refilter() {
        rows = new EventRows(store, new EventFilter(name.getText() == null ? "" : name.getText().trim(),
                type.getValue(), outcome.getValue(), invocation));
        table.setItems(rows);
        // Rows are event indexes, equal from one store to the next, so cells would keep their old text.
        table.refresh();
    }

    public int rowCount() {
        return rows.size();
    }
}
