package dev.asynclab.app.ui.main;

import dev.asynclab.app.store.EventStore;
import dev.asynclab.app.ui.charts.ChartRefresh;
import dev.asynclab.app.ui.charts.ChartsView;
import dev.asynclab.app.ui.details.DetailsView;
import dev.asynclab.app.ui.details.InvocationDetails;
import dev.asynclab.app.ui.events.EventsTableView;
import dev.asynclab.app.ui.fxml.Fxml;
import dev.asynclab.app.ui.session.Session;
import dev.asynclab.app.ui.theme.Icons;
import dev.asynclab.app.ui.timeline.OutcomePalette;
import dev.asynclab.app.ui.timeline.TimelineView;
import dev.asynclab.app.ui.welcome.ScenarioCatalog;
import dev.asynclab.app.ui.welcome.WelcomeView;
import dev.asynclab.lab.scenario.ClockMode;
import dev.asynclab.lab.scenario.Lint;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.util.converter.LongStringConverter;

import java.util.function.Consumer;

/// The main window (`MainView.fxml`): menus, toolbar, the scenario error, the replay bar, the welcome view or the
/// workspace (timeline, details, charts, events, problems), the status bar. A thin controller: it binds the
/// layout's controls to `MainViewModel` and the current `Session`, and hands user actions on; file dialogs, drag
/// and drop and chart throttling live in their own small classes.
public final class MainView extends BorderPane {

    @FXML
    private MenuBar menus;
    @FXML
    private ToolBar toolbar;
    @FXML
    private Button runButton;
    @FXML
    private Button stopButton;
    @FXML
    private Button tuneButton;
    @FXML
    private ChoiceBox<ClockMode> clockChoice;
    @FXML
    private CheckBox pacedCheck;
    @FXML
    private Spinner<Double> speedSpinner;
    @FXML
    private TextField seedField;
    @FXML
    private Spinner<Integer> poolSpinner;
    @FXML
    private Label errorLabel;
    @FXML
    private ReplayBar replayBar;
    @FXML
    private Node workspace;
    @FXML
    private TimelineView timeline;
    @FXML
    private DetailsView details;
    @FXML
    private TabPane bottomTabs;
    @FXML
    private Tab chartsTab;
    @FXML
    private Tab eventsTab;
    @FXML
    private Tab problemsTab;
    @FXML
    private ChartsView charts;
    @FXML
    private EventsTableView events;
    @FXML
    private ListView<Lint> problems;
    @FXML
    private WelcomeView welcome;
    @FXML
    private StatusBar statusBar;

    private final MainViewModel vm;
    private final Consumer<MainView> onToggleTheme;
    private final TuningWindow tuning;
    private final FileDialogs dialogs;
    private ChartRefresh chartRefresh;
    private final ChangeListener<Number> selectionListener = (o, a, b) -> showSelection(b.intValue());

    public MainView(MainViewModel vm, ScenarioCatalog catalog, Consumer<MainView> onToggleTheme) {
        this.vm = vm;
        this.onToggleTheme = onToggleTheme;
        this.tuning = new TuningWindow(vm);
        this.dialogs = new FileDialogs(this, vm);
        Fxml.load(this);
        welcome.showScenarios(catalog.scenarios());
        welcome.showRecent(vm.recentFiles());
        welcome.setOnOpen(vm::open);
        welcome.openButton().setOnAction(e -> openAsking());
        welcome.followButton().setOnAction(e -> followAsking());
        FileDrop.accept(this, vm::open);
    }

    @FXML
    private void initialize() {
        chartRefresh = new ChartRefresh(charts, chartsTab);
        shortcuts();
        runOptions();
        Icons.colorGraphics(toolbar.getItems());
        runButton.disableProperty().bind(vm.runningProperty().or(vm.runnableProperty().not()));
        stopButton.disableProperty().bind(vm.runningProperty().not());
        tuneButton.disableProperty().bind(vm.scenarioProperty().isNull());
        errorLabel.textProperty().bind(vm.errorProperty());
        errorLabel.visibleProperty().bind(vm.errorProperty().isNotEmpty().and(vm.showingWelcomeProperty().not()));
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        replayBar.bind(vm.replay());
        timeline.playheadTimeProperty().bind(vm.replay().eventTimeProperty());
        statusBar.bind(vm.countsProperty(), vm.summaryProperty());
        workspace.visibleProperty().bind(vm.showingWelcomeProperty().not());
        welcome.visibleProperty().bind(vm.showingWelcomeProperty());
        problems.setPlaceholder(new Label("No problems: the lints show up here when the run or log has ended."));
        problems.setOnMouseClicked(e -> focus(problems.getSelectionModel().getSelectedItem()));
        problems.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                focus(problems.getSelectionModel().getSelectedItem());
            }
        });
        chartsTab.selectedProperty().addListener((o, a, b) -> chartRefresh.now(vm.storeProperty().get()));
        eventsTab.selectedProperty().addListener((o, a, b) -> refreshEvents());
        bindSession(null, vm.session());
        vm.sessionProperty().addListener((o, was, now) -> bindSession(was, now));
        vm.storeProperty().addListener((o, was, now) -> {
            timeline.setStore(now);
            events.setStore(now);
            details.show(InvocationDetails.NONE);
            chartRefresh.now(now);
        });
        vm.storeVersionProperty().addListener((o, a, b) -> {
            timeline.invalidate();
            refreshEvents();
            chartRefresh.live(vm.storeProperty().get());
        });
        vm.runningProperty().addListener((o, a, b) -> chartRefresh.now(vm.storeProperty().get()));
        events.setOnJump(event -> {
            EventStore store = vm.storeProperty().get();
            int slot = store.invocationSlot(store.id(event));
            if (slot >= 0) {
                timeline.reveal(slot);
            }
        });
        charts.setOnBucket(range -> timeline.highlightLatency(range[0], range[1]));
    }

    /// Accelerators and tooltips from the `Shortcut` each menu item and button names in its `userData`.
    private void shortcuts() {
        for (Menu menu : menus.getMenus()) {
            for (MenuItem item : menu.getItems()) {
                if (item.getUserData() instanceof String name) {
                    item.setAccelerator(Shortcut.valueOf(name).combination());
                }
            }
        }
        for (Node n : toolbar.getItems()) {
            if (n instanceof ButtonBase b && b.getUserData() instanceof String name) {
                b.setTooltip(new Tooltip(Shortcut.valueOf(name).tooltip()));
            }
        }
    }

    /// The toolbar's run options, bound both ways to the view model.
    private void runOptions() {
        clockChoice.getItems().setAll(ClockMode.values());
        clockChoice.valueProperty().bindBidirectional(vm.clockProperty());
        clockChoice.setTooltip(new Tooltip(Shortcut.CLOCK.tooltip()));
        pacedCheck.selectedProperty().bindBidirectional(vm.pacedProperty());
        pacedCheck.setTooltip(new Tooltip("On the simulated clock: advance at `speed` times wall time, to watch it"));
        speedSpinner.setValueFactory(new SpinnerValueFactory.DoubleSpinnerValueFactory(0.01, 1000,
                vm.speedProperty().get(), 0.25));
        speedSpinner.getValueFactory().valueProperty().bindBidirectional(vm.speedProperty().asObject());
        speedSpinner.setTooltip(new Tooltip("Speed: simulated seconds per wall second (" + Shortcut.FASTER.display()
                + " / " + Shortcut.SLOWER.display() + ")"));
        TextFormatter<Long> seed = new TextFormatter<>(new LongStringConverter(), vm.seedProperty().get(),
                change -> change.getControlNewText().matches("-?\\d{0,18}") ? change : null);
        seedField.setTextFormatter(seed);
        vm.seedProperty().addListener((o, a, b) -> seed.setValue(b.longValue()));
        seedField.textProperty().addListener((o, a, b) -> {
            if (!b.isBlank() && !b.equals("-")) {
                vm.seedProperty().set(Long.parseLong(b));
            }
        });
        seedField.setTooltip(new Tooltip(Shortcut.SEED.tooltip()));
        poolSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 4096,
                vm.poolSizeProperty().get()));
        poolSpinner.getValueFactory().valueProperty().bindBidirectional(vm.poolSizeProperty().asObject());
        poolSpinner.setTooltip(new Tooltip("Pool size, 0 for the scenario's (" + Shortcut.POOL.display() + ")"));
    }

    /// Points the views that change the session's state (selection, highlight, problems) at the new session.
    private void bindSession(Session was, Session now) {
        if (was != null) {
            timeline.selectedSlotProperty().unbindBidirectional(was.selectedSlotProperty());
            timeline.highlightProperty().unbindBidirectional(was.highlightProperty());
            was.selectedSlotProperty().removeListener(selectionListener);
        }
        timeline.selectedSlotProperty().bindBidirectional(now.selectedSlotProperty());
        timeline.highlightProperty().bindBidirectional(now.highlightProperty());
        now.selectedSlotProperty().addListener(selectionListener);
        problems.setItems(now.lints());
        problemsTab.textProperty().bind(Bindings.size(now.lints()).asString("Problems (%d)"));
        showSelection(now.selectedSlotProperty().get());
    }

    /// A lint's link: selects the first invocation it names, highlights all of them, and brings it into view.
    private void focus(Lint lint) {
        if (lint == null) {
            return;
        }
        int slot = vm.session().focus(lint);
        if (slot >= 0) {
            timeline.reveal(slot);
        }
    }

    private void showSelection(int slot) {
        EventStore store = vm.storeProperty().get();
        details.show(InvocationDetails.of(store, slot));
        events.showInvocation(slot < 0 ? 0 : store.invocations().id(slot));
    }

    /// The events table lays out its rows on every refresh: only while it shows (and once when it is shown).
    private void refreshEvents() {
        if (eventsTab.isSelected()) {
            events.refresh();
        }
    }

    // The actions, handed on.

    @FXML
    void openAsking() {
        dialogs.open();
    }

    @FXML
    void followAsking() {
        dialogs.follow();
    }

    @FXML
    void exportTimelineAsking() {
        dialogs.exportTimeline(timeline);
    }

    @FXML
    void showWelcome() {
        vm.showWelcome();
    }

    @FXML
    void run() {
        vm.run();
    }

    @FXML
    void stop() {
        vm.stop();
    }

    @FXML
    void switchClock() {
        vm.clockProperty().set(vm.clockProperty().get() == ClockMode.REAL ? ClockMode.SIMULATED : ClockMode.REAL);
    }

    @FXML
    void faster() {
        vm.speedProperty().set(Math.min(1000, vm.speedProperty().get() * 2));
    }

    @FXML
    void slower() {
        vm.speedProperty().set(Math.max(0.01, vm.speedProperty().get() / 2));
    }

    @FXML
    void editSeed() {
        seedField.requestFocus();
    }

    @FXML
    void editPool() {
        poolSpinner.requestFocus();
    }

    @FXML
    void tune() {
        tuning.show(getScene().getWindow());
    }

    @FXML
    void fitAll() {
        timeline.fitAll();
    }

    @FXML
    void followLive() {
        timeline.followLive();
    }

    @FXML
    void zoomIn() {
        timeline.zoom(0.5);
    }

    @FXML
    void zoomOut() {
        timeline.zoom(2);
    }

    @FXML
    void toggleTheme() {
        onToggleTheme.accept(this);
    }

    @FXML
    void togglePlay() {
        replayBar.togglePlay();
    }

    @FXML
    void stepBack() {
        vm.replay().step(-1);
    }

    @FXML
    void stepNext() {
        vm.replay().step(1);
    }

    @FXML
    void showShortcuts() {
        ShortcutsDialog.show(getScene().getWindow());
    }

    /// Brings the Events tab to the front (as a click on it does).
    void showEventsTab() {
        bottomTabs.getSelectionModel().select(eventsTab);
    }

    TuningWindow tuningWindow() {
        return tuning;
    }

    /// Applies a theme's palette to the timeline and the charts (the legend follows the CSS by itself).
    public void applyPalette(OutcomePalette palette) {
        timeline.paletteProperty().set(palette);
        charts.applyPalette(palette);
        tuning.applyPalette(palette);
    }

    public TimelineView timeline() {
        return timeline;
    }

    public DetailsView details() {
        return details;
    }

    public EventsTableView events() {
        return events;
    }

    public ChartsView charts() {
        return charts;
    }

    public Label status() {
        return statusBar.countsLabel();
    }

    public WelcomeView welcome() {
        return welcome;
    }

    public ToolBar toolbar() {
        return toolbar;
    }

    /// The outcome colors in use, for tests that check the theme reached the timeline.
    public OutcomePalette palette() {
        return timeline.paletteProperty().get();
    }
}
