package dev.asynclab.app.ui.main;

import dev.asynclab.app.store.EventStore;
import dev.asynclab.app.ui.charts.ChartRefresh;
import dev.asynclab.app.ui.charts.ChartsView;
import dev.asynclab.app.ui.details.DetailsView;
import dev.asynclab.app.ui.events.EventsTableView;
import dev.asynclab.app.ui.fxml.Fxml;
import dev.asynclab.app.ui.session.Session;
import dev.asynclab.app.ui.teach.CaptionPanelView;
import dev.asynclab.app.ui.teach.PresenterScale;
import dev.asynclab.app.ui.teach.RedFlagCell;
import dev.asynclab.app.ui.teach.TourPlayerView;
import dev.asynclab.app.ui.teach.TourPlayerViewModel;
import dev.asynclab.app.ui.theme.Icons;
import dev.asynclab.app.ui.timeline.OutcomePalette;
import dev.asynclab.app.ui.timeline.TimelineView;
import dev.asynclab.app.ui.welcome.ScenarioCatalog;
import dev.asynclab.app.ui.welcome.WelcomeView;
import dev.asynclab.lab.scenario.ClockMode;
import dev.asynclab.lab.story.RedFlag;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.converter.LongStringConverter;

import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/// The main window (`MainView.fxml`): menus, toolbar, the scenario error, the replay bar, the welcome view or the
/// workspace (the scenario's caption, timeline, the tour player and details, charts, events, red flags), the status
/// bar. A thin controller: it binds the layout's controls to `MainViewModel` and the current `Session`, and hands
/// user actions on; file dialogs, drag and drop, plain keys and chart throttling live in their own small classes,
/// the teaching views in `ui.teach`.
///
/// Presenter mode scales the whole window through its root font size: everything sized by CSS follows.
public final class MainView extends BorderPane {

    // The bars' controls, filled when MainBars.fxml is loaded (see bars()).
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
    private Button tourButton;
    @FXML
    private MenuItem tourItem;
    @FXML
    private Menu textSizeMenu;
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
    /// The spinners' view of the model's speed and pool size. Held here because a bidirectional binding holds both
    /// its ends weakly: bound to a bare `asObject()`, a spinner stopped following the model (and the model the
    /// spinner) at the first garbage collection — the pool spinner went on showing the last scenario's size.
    private javafx.beans.property.ObjectProperty<Double> speedAsObject;
    private javafx.beans.property.ObjectProperty<Integer> poolSizeAsObject;
    @FXML
    private Label errorLabel;
    @FXML
    private ReplayBar replayBar;
    @FXML
    private StackPane center;
    // The workspace's controls, filled when MainWorkspace.fxml is loaded (see workspace()).
    @FXML
    private SplitPane workspaceSplit;
    @FXML
    private SplitPane topSplit;
    @FXML
    private SplitPane side;
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
    private Tab redFlagsTab;
    @FXML
    private ChartsView charts;
    @FXML
    private EventsTableView events;
    @FXML
    private ListView<RedFlag> redFlags;
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
    /// The side while a tour plays: the tour player over the details, scrolling together.
    private final VBox tourColumn = new VBox();
    private final ScrollPane tourPane = new ScrollPane(tourColumn);
    /// Where the workspace divides while a tour plays: the timeline and the tour get most of the height (the
    /// charts less), and the tour more than a third of the width, room for its question and choices in a low window.
    private static final double TOUR_HEIGHT = 0.75;
    private static final double TOUR_WIDTH = 0.62;
    private final double[] dividersBeforeTour = {0.6, 0.74};
    /// The bars (menus, toolbar, the scenario's error, the replay bar), null until they are built (`bars()`).
    private VBox bars;
    /// The workspace, null until it is built (`workspace()`).
    private VBox workspace;
    /// The store of the session the window started with (nothing open): the workspace shows a store only once
    /// another one comes.
    private final EventStore firstStore;
    /// The theme's colours, kept for the workspace when it is built after the theme was applied.
    private OutcomePalette palette;

    public MainView(MainViewModel vm, ScenarioCatalog catalog, Consumer<MainView> onToggleTheme) {
        this.vm = vm;
        this.onToggleTheme = onToggleTheme;
        this.tuning = new TuningWindow(vm);
        this.dialogs = new FileDialogs(this, vm);
        this.firstStore = vm.storeProperty().get();
        Fxml.load(this);
        wireFrame();
        welcome.showScenarios(catalog.scenarios());
        welcome.showRecent(vm.recentFiles());
        welcome.setOnOpen(vm::open);
        welcome.openButton().setOnAction(e -> openAsking());
        welcome.followButton().setOnAction(e -> followAsking());
        FileDrop.accept(this, vm::open);
        buildRestAfterFirstLayout();
        // Whatever shows a session needs the workspace (and the bars): built at once if it is not yet (the
        // listeners it adds then take over).
        vm.sessionProperty().addListener((o, a, b) -> workspace());
        vm.tourProperty().addListener((o, a, b) -> workspace());
        vm.showingWelcomeProperty().addListener((o, a, b) -> workspace());
    }

    /// Binds what the first frame shows (the welcome page, the status bar) to the view model; not called
    /// `initialize`, which the later FXML loads (the bars', the workspace's) would call again.
    private void wireFrame() {
        PlainKeys.install(this, Map.of(Shortcut.ZOOM_IN, this::zoomIn, Shortcut.ZOOM_OUT, this::zoomOut,
                Shortcut.FIT, this::fitAll, Shortcut.TEXT_LARGER, this::textLarger,
                Shortcut.TEXT_SMALLER, this::textSmaller));
        largeLogKeys();
        welcomeKey();
        presenter();
        statusBar.bind(vm.countsProperty(), vm.summaryProperty(), vm.shortSummaryProperty(), vm.runningProperty());
        welcome.visibleProperty().bind(vm.showingWelcomeProperty());
    }

    /// The bars above the welcome page and the workspace (menus, toolbar, the scenario's error, the replay bar),
    /// built on first need: loads `MainBars.fxml` into this controller's fields and binds it to the view model.
    /// On the FX thread.
    private VBox bars() {
        if (bars != null) {
            return bars;
        }
        bars = new VBox();
        Fxml.load(bars, this, "MainBars.fxml");
        wireBars();
        setTop(bars);
        return bars;
    }

    private void wireBars() {
        shortcuts();
        runOptions();
        textSizeMenu();
        Icons.colorGraphics(toolbar.getItems());
        runButton.disableProperty().bind(vm.runningProperty().or(vm.runnableProperty().not()));
        stopButton.disableProperty().bind(vm.runningProperty().not());
        tuneButton.disableProperty().bind(vm.scenarioProperty().isNull());
        BooleanBinding noTour = Bindings.createBooleanBinding(() -> vm.scenarioProperty().get() == null
                || vm.scenarioProperty().get().tour().isEmpty(), vm.scenarioProperty()).or(vm.runningProperty());
        tourButton.disableProperty().bind(noTour);
        tourItem.disableProperty().bind(noTour);
        errorLabel.textProperty().bind(vm.errorProperty());
        errorLabel.visibleProperty().bind(vm.errorProperty().isNotEmpty().and(vm.showingWelcomeProperty().not()));
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        replayBar.bind(vm.replay());
    }

    /// The workspace (caption, timeline, details, charts, events, red flags), built on first need: loads
    /// `MainWorkspace.fxml` into this controller's fields, binds it to the view model and the current session, and
    /// puts it under the welcome page. On the FX thread.
    private VBox workspace() {
        if (workspace != null) {
            return workspace;
        }
        bars();
        workspace = new VBox();
        Fxml.load(workspace, this, "MainWorkspace.fxml");
        wireWorkspace();
        center.getChildren().addFirst(workspace);
        return workspace;
    }

    private void wireWorkspace() {
        chartRefresh = new ChartRefresh(charts, chartsTab);
        teaching();
        timeline.playheadTimeProperty().bind(vm.replay().eventTimeProperty());
        workspace.visibleProperty().bind(vm.showingWelcomeProperty().not());
        redFlags.setPlaceholder(new Label("No red flags: what the run or log shows that is probably a mistake "
                + "shows up here, most serious first, when it has ended."));
        redFlags.setCellFactory(list -> new RedFlagCell(list, this::focus));
        redFlags.setOnMouseClicked(e -> focus(redFlags.getSelectionModel().getSelectedItem()));
        redFlags.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                focus(redFlags.getSelectionModel().getSelectedItem());
            }
        });
        chartsTab.selectedProperty().addListener((o, a, b) -> chartRefresh.now(vm.storeProperty().get()));
        eventsTab.selectedProperty().addListener((o, a, b) -> refreshEvents());
        bindSession(null, vm.session());
        vm.sessionProperty().addListener((o, was, now) -> bindSession(was, now));
        vm.storeProperty().addListener((o, was, now) -> {
            timeline.setStore(now);
            events.setStore(now);
            details.clear();
            chartRefresh.now(now);
        });
        vm.storeVersionProperty().addListener((o, a, b) -> {
            timeline.appended();
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
        charts.setOnBucket(timeline.highlightProperty()::set);
        if (palette != null) {
            applyPalette(palette);
        }
        EventStore store = vm.storeProperty().get();
        if (store != firstStore) {
            // a session opened before the workspace was built: show it as the store listener would have
            timeline.setStore(store);
            events.setStore(store);
            chartRefresh.now(store);
        }
    }

    /// Builds the bars and the workspace once the window's first layout pulse has passed, unless something needed
    /// them sooner: the first frame shows the welcome page, its scenarios listed, without waiting for the menus and
    /// toolbar (a dozen controls whose skins the first CSS pass would make) or the workspace (caption, timeline,
    /// details, charts, events, and the JFreeChart and Java2D classes behind the charts) to be loaded, styled and
    /// laid out. They are built on the FX thread's next turn, together (the window's second frame shows both; a
    /// test that waits for the FX events after the window is shown finds both), and laid out at the window's size
    /// (the tour's layout in a window made smaller later depends on that history: `TeachingTest`).
    private void buildRestAfterFirstLayout() {
        sceneProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Scene> o, Scene was, Scene scene) {
                if (scene == null) {
                    return;
                }
                sceneProperty().removeListener(this);
                StartShortcuts.install(scene, () -> {
                    bars();
                    return menus.getMenus();
                });
                // A second call finds the workspace built (as does a session opened meanwhile).
                AfterFirstLayout.run(scene, MainView.this::workspace);
            }
        });
    }

    /// Accelerators and tooltips from the `Shortcut` each menu item and button names in its `userData`; a plain
    /// key is no accelerator (it would fire in text fields too), so its item says it and `PlainKeys` handles it.
    private void shortcuts() {
        for (Menu menu : menus.getMenus()) {
            for (MenuItem item : menu.getItems()) {
                if (item.getUserData() instanceof String name) {
                    Shortcut s = Shortcut.valueOf(name);
                    if (s.typed()) {
                        item.setText(item.getText() + "  (" + s.display() + ")");
                    } else {
                        item.setAccelerator(s.combination());
                    }
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
        speedAsObject = vm.speedProperty().asObject();
        poolSizeAsObject = vm.poolSizeProperty().asObject();
        clockChoice.getItems().setAll(ClockMode.values());
        clockChoice.valueProperty().bindBidirectional(vm.clockProperty());
        clockChoice.setTooltip(new Tooltip(Shortcut.CLOCK.tooltip()));
        pacedCheck.selectedProperty().bindBidirectional(vm.pacedProperty());
        pacedCheck.setTooltip(new Tooltip("On the simulated clock: advance at `speed` times wall time, to watch it"));
        speedSpinner.setValueFactory(new SpinnerValueFactory.DoubleSpinnerValueFactory(0.01, 1000,
                vm.speedProperty().get(), 0.25));
        speedSpinner.getValueFactory().setConverter(
                dev.asynclab.app.ui.format.SpinnerText.keepingValueOnBadText(speedSpinner, Double::valueOf));
        speedSpinner.getValueFactory().valueProperty().bindBidirectional(speedAsObject);
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
        poolSpinner.getValueFactory().setConverter(
                dev.asynclab.app.ui.format.SpinnerText.keepingValueOnBadText(poolSpinner, Integer::valueOf));
        poolSpinner.getValueFactory().valueProperty().bindBidirectional(poolSizeAsObject);
        poolSpinner.setTooltip(new Tooltip("Pool size, 0 for the scenario's (" + Shortcut.POOL.display() + ")"));
    }

    /// The scenario's caption panel at the top of the workspace, and, while a tour plays, the tour player on the
    /// side with the details under it (the story of the step's call), scrolling together in a low window.
    private void teaching() {
        workspace.getChildren().addFirst(CaptionPanelView.load(vm.caption()).root());
        tourPane.setId("tour-pane");
        tourPane.setFitToWidth(true);
        tourPane.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        showTour(vm.tourProperty().get());
        vm.tourProperty().addListener((o, was, now) -> showTour(now));
    }

    private void showTour(TourPlayerViewModel player) {
        details.compactProperty().set(player != null);
        if (player == null) {
            if (side.getItems().contains(tourPane)) {
                tourColumn.getChildren().clear();
                side.getItems().setAll(details);
                // The charts and the timeline gave the tour room; they get it back.
                workspaceSplit.setDividerPositions(dividersBeforeTour[0]);
                topSplit.setDividerPositions(dividersBeforeTour[1]);
            }
            return;
        }
        if (!side.getItems().contains(tourPane)) {
            dividersBeforeTour[0] = workspaceSplit.getDividerPositions()[0];
            dividersBeforeTour[1] = topSplit.getDividerPositions()[0];
            workspaceSplit.setDividerPositions(Math.max(dividersBeforeTour[0], TOUR_HEIGHT));
            topSplit.setDividerPositions(Math.min(dividersBeforeTour[1], TOUR_WIDTH));
            side.getItems().setAll(tourPane);
        }
        tourColumn.getChildren().setAll(TourPlayerView.load(player).root(), details);
        tourPane.setVvalue(0);
    }

    /// Ctrl+Page Up / Down are also the bottom tab pane's keys (the tab before / after), and it takes them from
    /// the table or list focused in it before the Replay menu's accelerator sees them: while a large log's window
    /// shows, they move the window wherever the focus is (Ctrl+Tab still changes the tab); otherwise the tabs keep
    /// them.
    private void largeLogKeys() {
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (!vm.replay().windows().shownProperty().get()) {
                return;
            }
            if (Shortcut.NEXT_WINDOW.combination().match(e)) {
                nextWindow();
                e.consume();
            } else if (Shortcut.PREVIOUS_WINDOW.combination().match(e)) {
                previousWindow();
                e.consume();
            }
        });
    }

    /// Ctrl+H is also a text field's own key on Linux (delete the character before the caret, as Backspace does),
    /// and a field with the focus — the seed or pool field, the events filter, a spinner's editor — took it before
    /// the menu's accelerator saw it: the key deleted a character instead of going back to the welcome view. Taken
    /// here, before any field, so it does what the menu says wherever the focus is, as the other shortcuts do.
    private void welcomeKey() {
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (Shortcut.WELCOME.combination().match(e)) {
                showWelcome();
                e.consume();
            }
        });
    }

    /// Presenter mode: the scale as the root's font size (here, in the tuning window and the dialogs).
    private void presenter() {
        PresenterScale presenter = vm.presenter();
        Runnable apply = () -> {
            setStyle(presenter.rootStyle());
            if (tuning.stage() != null) {
                tuning.stage().getScene().getRoot().setStyle(presenter.rootStyle());
            }
        };
        presenter.scaleProperty().addListener((o, was, now) -> apply.run());
        apply.run();
    }

    /// The View ▸ Text size setting: one item per step of the presenter's scale, the current one selected.
    private void textSizeMenu() {
        PresenterScale presenter = vm.presenter();
        ToggleGroup sizes = new ToggleGroup();
        for (double step : PresenterScale.steps()) {
            RadioMenuItem item = new RadioMenuItem(String.format(Locale.ROOT, "%.0f %%", step * 100));
            item.setToggleGroup(sizes);
            item.setUserData(step);
            item.setOnAction(e -> presenter.scaleProperty().set(step));
            textSizeMenu.getItems().add(item);
        }
        Runnable select = () -> sizes.getToggles().forEach(t -> t.setSelected(
                Math.abs((double) t.getUserData() - presenter.scaleProperty().get()) < 1e-9));
        presenter.scaleProperty().addListener((o, was, now) -> select.run());
        select.run();
    }

    /// Points the views that change the session's state (selection, highlight, red flags) at the new session.
    private void bindSession(Session was, Session now) {
        if (was != null) {
            timeline.selectedSlotProperty().unbindBidirectional(was.selectedSlotProperty());
            timeline.highlightProperty().unbindBidirectional(was.highlightProperty());
            was.selectedSlotProperty().removeListener(selectionListener);
        }
        timeline.selectedSlotProperty().bindBidirectional(now.selectedSlotProperty());
        timeline.highlightProperty().bindBidirectional(now.highlightProperty());
        now.selectedSlotProperty().addListener(selectionListener);
        redFlags.setItems(now.redFlags());
        redFlagsTab.textProperty().bind(Bindings.size(now.redFlags()).asString("Red flags (%d)"));
        showSelection(now.selectedSlotProperty().get());
    }

    /// A red flag's link: selects the first invocation it names (the details tell its story), highlights all of
    /// them, and brings it into view.
    private void focus(RedFlag flag) {
        workspace();
        if (flag == null) {
            return;
        }
        int slot = vm.session().focus(flag);
        if (slot >= 0) {
            timeline.reveal(slot);
        }
    }

    private void showSelection(int slot) {
        EventStore store = vm.storeProperty().get();
        details.show(store, slot);
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
        workspace();
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
        bars();
        if (!focusIfShown(seedField)) {
            ValuePrompt.ask(getScene().getWindow(), "Seed", "Seed for every random draw:", vm.seedProperty().get(),
                    Long.MIN_VALUE, Long.MAX_VALUE, vm.seedProperty()::set);
        }
    }

    @FXML
    void editPool() {
        bars();
        if (!focusIfShown(poolSpinner)) {
            ValuePrompt.ask(getScene().getWindow(), "Pool size", "Pool size (0 for the scenario's):",
                    vm.poolSizeProperty().get(), 0, 4096, size -> vm.poolSizeProperty().set((int) size));
        }
    }

    /// Gives `field` the focus, true when it took it: a toolbar field in the toolbar's overflow (a narrow window)
    /// is in no scene that shows, and cannot.
    private boolean focusIfShown(Node field) {
        field.requestFocus();
        return getScene() != null && getScene().getFocusOwner() == field;
    }

    @FXML
    void tune() {
        tuning.show(getScene().getWindow());
        tuning.stage().getScene().getRoot().setStyle(vm.presenter().rootStyle());
    }

    @FXML
    void tour() {
        vm.tour();
    }

    @FXML
    void fitAll() {
        workspace();
        timeline.fitAll();
    }

    @FXML
    void followLive() {
        workspace();
        timeline.followLive();
    }

    @FXML
    void zoomIn() {
        workspace();
        timeline.zoom(0.5);
    }

    @FXML
    void zoomOut() {
        workspace();
        timeline.zoom(2);
    }

    @FXML
    void textLarger() {
        vm.presenter().larger();
    }

    @FXML
    void textSmaller() {
        vm.presenter().smaller();
    }

    @FXML
    void textNormal() {
        vm.presenter().reset();
    }

    @FXML
    void toggleTheme() {
        onToggleTheme.accept(this);
    }

    @FXML
    void togglePlay() {
        bars();
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
    void previousWindow() {
        vm.replay().previousWindow();
    }

    @FXML
    void nextWindow() {
        vm.replay().nextWindow();
    }

    @FXML
    void showShortcuts() {
        ShortcutsDialog.show(getScene().getWindow());
    }

    /// Brings the Events tab to the front (as a click on it does).
    void showEventsTab() {
        workspace();
        bottomTabs.getSelectionModel().select(eventsTab);
    }

    TuningWindow tuningWindow() {
        return tuning;
    }

    /// Applies a theme's palette to the timeline and the charts (the legend follows the CSS by itself).
    public void applyPalette(OutcomePalette palette) {
        this.palette = palette;
        tuning.applyPalette(palette);
        if (workspace != null) {
            timeline.paletteProperty().set(palette);
            charts.applyPalette(palette);
        }
    }

    public TimelineView timeline() {
        workspace();
        return timeline;
    }

    public DetailsView details() {
        workspace();
        return details;
    }

    public EventsTableView events() {
        workspace();
        return events;
    }

    public ChartsView charts() {
        workspace();
        return charts;
    }

    public Label status() {
        return statusBar.countsLabel();
    }

    public WelcomeView welcome() {
        return welcome;
    }

    public ToolBar toolbar() {
        bars();
        return toolbar;
    }

    /// The outcome colors in use, for tests that check the theme reached the timeline.
    public OutcomePalette palette() {
        workspace();
        return timeline.paletteProperty().get();
    }
}
