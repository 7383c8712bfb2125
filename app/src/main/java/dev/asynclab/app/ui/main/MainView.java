package dev.asynclab.app.ui.main;

import dev.asynclab.app.store.EventStore;

import dev.asynclab.app.ui.charts.ChartsView;
import dev.asynclab.app.ui.charts.ChartsViewModel;
import dev.asynclab.app.ui.details.DetailsView;
import dev.asynclab.app.ui.details.InvocationDetails;
import dev.asynclab.app.ui.events.EventsTableView;
import dev.asynclab.app.ui.theme.Icons;
import dev.asynclab.app.ui.timeline.OutcomePalette;
import dev.asynclab.app.ui.timeline.TimelineView;
import dev.asynclab.app.ui.welcome.ScenarioCatalog;
import dev.asynclab.app.ui.welcome.WelcomeView;
import dev.asynclab.lab.scenario.ClockMode;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;

/// The main window's content: menus, toolbar, the scenario error, the replay bar, the welcome view or the
/// workspace (timeline, details, charts, events table), and the status bar. A thin view: it binds to
/// `MainViewModel` and hands user actions to it.
public final class MainView extends BorderPane {

    private static final long CHART_REFRESH_NANOS = 500_000_000L;

    private final MainViewModel vm;
    private final WelcomeView welcome;
    private final TimelineView timeline;
    private final DetailsView details = new DetailsView();
    private final EventsTableView events = new EventsTableView();
    private final ChartsView charts = new ChartsView(new ChartsViewModel());
    private final Label status = new Label();
    private final Tab chartsTab = new Tab("Charts");
    private final Tab eventsTab = new Tab("Events");
    private final TextField seed = new TextField();
    private final Spinner<Integer> pool = new Spinner<>(0, 4096, 0);
    private final Spinner<Double> speed = new Spinner<>(0.01, 1000, 1.0, 0.25);
    private final Consumer<MainView> onToggleTheme;
    private final TuningWindow tuning;
    private final TeachingPanels teaching;
    private long chartsRefreshedAt;

    public MainView(MainViewModel vm, ScenarioCatalog catalog, Consumer<MainView> onToggleTheme) {
        this.vm = vm;
        this.onToggleTheme = onToggleTheme;
        this.tuning = new TuningWindow(vm);
        this.teaching = new TeachingPanels(vm);
        teaching.presenter().scaleProperty().addListener((o, a, b) -> setStyle(teaching.presenter().rootStyle()));
        this.welcome = new WelcomeView(vm::open);
        this.timeline = new TimelineView(vm.storeProperty().get());
        timeline.setId("timeline");
        welcome.showScenarios(catalog.scenarios());
        welcome.showRecent(vm.recent().files());
        welcome.openButton().setOnAction(e -> openAsking());
        welcome.followButton().setOnAction(e -> followAsking());

        setTop(new VBox(menus(), toolbar(), errorPane(), replayBar()));
        setCenter(center());
        setBottom(statusBar());
        wire();
        acceptDrops();
    }

    /// Brings the Events tab to the front (as a click on it does).
    void showEventsTab() {
        eventsTab.getTabPane().getSelectionModel().select(eventsTab);
    }

    TuningWindow tuningWindow() {
        return tuning;
    }

    TeachingPanels teaching() {
        return teaching;
    }

    private MenuBar menus() {
        Menu file = new Menu("File", null,
                item("Open…", Shortcut.OPEN, this::openAsking),
                item("Follow a log…", Shortcut.FOLLOW, this::followAsking),
                item("Welcome", Shortcut.WELCOME, vm::showWelcome));
        Menu run = new Menu("Run", null,
                item("Run", Shortcut.RUN, vm::run),
                item("Stop", Shortcut.STOP, vm::stop),
                item("Switch clock", Shortcut.CLOCK, () -> vm.clockProperty().set(
                        vm.clockProperty().get() == ClockMode.REAL ? ClockMode.SIMULATED : ClockMode.REAL)),
                item("Faster", Shortcut.FASTER, () -> speed.getValueFactory().setValue(speed.getValue() * 2)),
                item("Slower", Shortcut.SLOWER, () -> speed.getValueFactory().setValue(speed.getValue() / 2)),
                item("Seed", Shortcut.SEED, seed::requestFocus),
                item("Pool size", Shortcut.POOL, pool::requestFocus),
                item("Tune pool size…", Shortcut.TUNE, () -> tuning.show(getScene().getWindow())),
                item("Guided tour", Shortcut.TOUR, teaching::startTour));
        Menu view = new Menu("View", null,
                item("Fit all", Shortcut.FIT, timeline::fitAll),
                item("Follow live edge", Shortcut.LIVE, timeline::followLive),
                item("Zoom in", Shortcut.ZOOM_IN, () -> timeline.zoom(0.5)),
                item("Zoom out", Shortcut.ZOOM_OUT, () -> timeline.zoom(2)),
                item("Light / dark theme", Shortcut.THEME, () -> onToggleTheme.accept(this)),
                item("Larger text (presenter)", Shortcut.PRESENT_LARGER, teaching.presenter()::larger),
                item("Smaller text (presenter)", Shortcut.PRESENT_SMALLER, teaching.presenter()::smaller),
                item("Normal text size", Shortcut.PRESENT_RESET, teaching.presenter()::reset));
        Menu replay = new Menu("Replay", null,
                item("Play / pause", Shortcut.PLAY, this::togglePlay),
                item("Previous event", Shortcut.STEP_BACK, () -> vm.replay().step(-1)),
                item("Next event", Shortcut.STEP_NEXT, () -> vm.replay().step(1)));
        Menu help = new Menu("Help", null, item("Shortcuts", Shortcut.HELP, this::showShortcuts));
        return new MenuBar(file, run, view, replay, help);
    }

    private static MenuItem item(String text, Shortcut shortcut, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setAccelerator(shortcut.combination());
        item.setOnAction(e -> action.run());
        return item;
    }

    private ToolBar toolbar() {
        Button run = button("Run", "run-button", Material2MZ.PLAY_ARROW, Shortcut.RUN, vm::run);
        run.disableProperty().bind(vm.runningProperty().or(vm.scenarioProperty().isNull()));
        Button stop = button("Stop", "stop-button", Material2MZ.STOP, Shortcut.STOP, vm::stop);
        stop.disableProperty().bind(vm.runningProperty().not());
        ChoiceBox<ClockMode> clock = new ChoiceBox<>();
        clock.getItems().addAll(ClockMode.values());
        clock.valueProperty().bindBidirectional(vm.clockProperty());
        clock.setTooltip(new Tooltip("Clock (" + Shortcut.CLOCK.display() + ")"));
        CheckBox paced = new CheckBox("paced");
        paced.selectedProperty().bindBidirectional(vm.pacedProperty());
        paced.setTooltip(new Tooltip("On the simulated clock: advance at `speed` times wall time, to watch it"));
        speed.setEditable(true);
        speed.setPrefWidth(90);
        speed.getValueFactory().valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.speedProperty().set(b);
            }
        });
        vm.speedProperty().addListener((o, a, b) -> speed.getValueFactory().setValue(b.doubleValue()));
        speed.setTooltip(new Tooltip("Speed: simulated seconds per wall second (" + Shortcut.FASTER.display() + " / "
                + Shortcut.SLOWER.display() + ")"));
        seed.setId("seed-field");
        seed.setPrefColumnCount(6);
        seed.setText(Long.toString(vm.seedProperty().get()));
        vm.seedProperty().addListener((o, a, b) -> seed.setText(Long.toString(b.longValue())));
        seed.textProperty().addListener((o, a, b) -> {
            try {
                vm.seedProperty().set(Long.parseLong(b.trim()));
            } catch (NumberFormatException e) {
                seed.setStyle("-fx-border-color: -color-danger-emphasis;");
                return;
            }
            seed.setStyle("");
        });
        seed.setTooltip(new Tooltip("Seed (" + Shortcut.SEED.display() + ")"));
        pool.setEditable(true);
        pool.setPrefWidth(80);
        pool.getValueFactory().setValue(vm.poolSizeProperty().get());
        pool.getValueFactory().valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.poolSizeProperty().set(b);
            }
        });
        vm.poolSizeProperty().addListener((o, a, b) -> pool.getValueFactory().setValue(b.intValue()));
        pool.setTooltip(new Tooltip("Pool size, 0 for the scenario's (" + Shortcut.POOL.display() + ")"));
        Button fit = button("Fit", "fit-button", Material2MZ.ZOOM_OUT_MAP, Shortcut.FIT, timeline::fitAll);
        Button live = button("Live", "live-button", Material2MZ.SKIP_NEXT, Shortcut.LIVE, timeline::followLive);
        Button theme = button("Theme", "theme-button", Material2AL.BRIGHTNESS_4, Shortcut.THEME,
                () -> onToggleTheme.accept(this));
        Button tune = button("Tune…", "tune-button", Material2MZ.TUNE, Shortcut.TUNE, () -> tuning.show(getScene().getWindow()));
        tune.disableProperty().bind(vm.scenarioProperty().isNull());
        Button tour = button("Tour", "tour-button", Material2MZ.SCHOOL, Shortcut.TOUR, teaching::startTour);
        tour.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() ->
                vm.scenarioProperty().get() == null || vm.scenarioProperty().get().tour().isEmpty()
                        || vm.runningProperty().get(), vm.scenarioProperty(), vm.runningProperty()));
        return new ToolBar(button("Open", "open-button", Material2AL.FOLDER_OPEN, Shortcut.OPEN,
                this::openAsking), run, stop,
                new Separator(), new Label("clock"), clock, paced, new Label("speed"), speed, new Label("seed"), seed,
                new Label("pool"), pool, tune, tour, new Separator(), fit, live, theme);
    }

    private static Button button(String text, String id, Ikon icon, Shortcut shortcut, Runnable action) {
        Button b = Icons.decorate(new Button(text), icon);
        b.setId(id);
        b.setOnAction(e -> action.run());
        b.setTooltip(new Tooltip(shortcut.action() + " (" + shortcut.display() + ")"));
        return b;
    }

    private Label errorPane() {
        Label error = new Label();
        error.setId("scenario-error");
        error.getStyleClass().add("scenario-error");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        return error;
    }

    private HBox replayBar() {
        ReplayViewModel replay = vm.replay();
        Button play = new Button();
        play.setId("replay-play");
        play.textProperty().bind(javafx.beans.binding.Bindings.when(replay.playingProperty()).then("Pause")
                .otherwise("Play"));
        play.setOnAction(e -> togglePlay());
        play.graphicProperty().bind(javafx.beans.binding.Bindings.when(replay.playingProperty())
                .<javafx.scene.Node>then(Icons.icon(Material2MZ.PAUSE, play))
                .otherwise(Icons.icon(Material2MZ.PLAY_ARROW, play)));
        Button back = Icons.decorate(new Button("event"), Material2MZ.SKIP_PREVIOUS);
        back.setOnAction(e -> replay.step(-1));
        Button next = Icons.decorate(new Button("event"), Material2MZ.SKIP_NEXT);
        next.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        next.setOnAction(e -> replay.step(1));
        Slider scrub = new Slider(0, 1, 0);
        scrub.setId("replay-slider");
        scrub.maxProperty().bind(replay.lengthProperty());
        HBox.setHgrow(scrub, Priority.ALWAYS);
        replay.positionProperty().addListener((o, a, b) -> {
            if (!scrub.isValueChanging()) {
                scrub.setValue(b.intValue());
            }
        });
        scrub.valueProperty().addListener((o, a, b) -> {
            if (Math.round(b.doubleValue()) != replay.positionProperty().get()) {
                replay.pause();
                replay.seek((int) Math.round(b.doubleValue()));
            }
        });
        ChoiceBox<Double> rate = new ChoiceBox<>();
        rate.getItems().addAll(0.01, 0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 100.0);
        rate.setValue(1.0);
        rate.valueProperty().addListener((o, a, b) -> replay.speedProperty().set(b));
        Label position = new Label();
        position.textProperty().bind(replay.positionProperty().asString("%,d / ")
                .concat(replay.lengthProperty().asString("%,d")));
        Label header = new Label();
        header.setId("replay-header");
        header.textProperty().bind(replay.headerProperty());
        Label verified = new Label();
        verified.setId("replay-verification");
        verified.textProperty().bind(replay.verificationProperty());
        HBox bar = new HBox(8, play, back, next, scrub, position, new Label("speed"), rate);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(2, new HBox(12, header, verified), bar, teaching.replayCaption());
        box.setStyle("-fx-padding: 4 8 4 8;");
        HBox wrapper = new HBox(box);
        HBox.setHgrow(box, Priority.ALWAYS);
        wrapper.visibleProperty().bind(replay.activeProperty());
        wrapper.managedProperty().bind(wrapper.visibleProperty());
        return wrapper;
    }

    private void togglePlay() {
        if (vm.replay().playingProperty().get()) {
            vm.replay().pause();
        } else {
            vm.replay().play();
        }
    }

    private StackPane center() {
        VBox timelineBox = new VBox(teaching.captionPanel(), legend(), timeline);
        VBox.setVgrow(timeline, Priority.ALWAYS);
        javafx.scene.Node side = teaching.side(details);
        SplitPane top = new SplitPane(timelineBox, side);
        top.setDividerPositions(0.75);
        SplitPane.setResizableWithParent(side, false);
        chartsTab.setContent(charts);
        chartsTab.selectedProperty().addListener((o, a, b) -> refreshCharts(true));
        eventsTab.setContent(events);
        eventsTab.selectedProperty().addListener((o, a, b) -> refreshEvents());
        TabPane bottom = new TabPane(chartsTab, eventsTab, problemsTab());
        bottom.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane workspace = new SplitPane(top, bottom);
        workspace.setOrientation(Orientation.VERTICAL);
        workspace.setDividerPositions(0.6);
        workspace.visibleProperty().bind(vm.showingWelcomeProperty().not());
        welcome.visibleProperty().bind(vm.showingWelcomeProperty());
        return new StackPane(workspace, welcome);
    }

    private Tab problemsTab() {
        javafx.scene.control.ListView<dev.asynclab.lab.scenario.Lint> list =
                new javafx.scene.control.ListView<>(vm.problems());
        list.setId("problems");
        list.setPlaceholder(new Label("No problems: the run's lints show up here when it ends."));
        list.setOnMouseClicked(e -> {
            var lint = list.getSelectionModel().getSelectedItem();
            int slot = lint == null ? -1 : vm.firstSlotOf(lint);
            if (slot >= 0) {
                timeline.reveal(slot);
            }
        });
        Tab tab = new Tab("Problems", list);
        tab.textProperty().bind(javafx.beans.binding.Bindings.size(vm.problems()).asString("Problems (%d)"));
        return tab;
    }

    private HBox legend() {
        HBox legend = new HBox(12);
        legend.setId("legend");
        legend.setAlignment(Pos.CENTER_LEFT);
        legend.setStyle("-fx-padding: 2 8 2 8;");
        legend.getChildren().addAll(swatch("swatch-succeeded", "succeeded"), swatch("swatch-failed", "failed ▨"),
                swatch("swatch-timeout", "timed out ▼"), swatch("swatch-cancelled", "cancelled ✕"),
                swatch("swatch-rejected", "rejected ◆"), swatch("swatch-late", "late finish ┅"),
                swatch("swatch-running", "running / queue"), new Label("○ retry scheduled"));
        return legend;
    }

    private static HBox swatch(String styleClass, String text) {
        Region color = new Region();
        color.getStyleClass().addAll("legend-swatch", styleClass);
        HBox item = new HBox(4, color, new Label(text));
        item.setAlignment(Pos.CENTER_LEFT);
        return item;
    }

    private HBox statusBar() {
        status.setId("status-counts");
        status.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.countsProperty().get().describe(), vm.countsProperty()));
        Label summary = new Label();
        summary.setId("run-summary");
        summary.textProperty().bind(vm.summaryProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, status, spacer, summary);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private void wire() {
        vm.storeProperty().addListener((o, was, now) -> {
            timeline.setStore(now);
            events.setStore(now);
            details.show(InvocationDetails.NONE);
            refreshCharts(true);
        });
        vm.storeVersionProperty().addListener((o, a, b) -> {
            timeline.invalidate();
            refreshEvents();
            refreshCharts(false);
        });
        vm.runningProperty().addListener((o, a, b) -> refreshCharts(true));
        timeline.selectedSlotProperty().bindBidirectional(vm.selectedSlotProperty());
        vm.selectedSlotProperty().addListener((o, a, b) -> showSelection(b.intValue()));
        events.setOnJump(event -> {
            EventStore store = vm.storeProperty().get();
            int slot = store.invocationSlot(store.id(event));
            if (slot >= 0) {
                timeline.reveal(slot);
            }
        });
        charts.setOnBucket(range -> timeline.highlightLatency(range[0], range[1]));
    }

    private void showSelection(int slot) {
        EventStore store = vm.storeProperty().get();
        details.show(InvocationDetails.of(store, slot));
        details.showStory(teaching.storyOf(slot));
        events.showInvocation(slot < 0 ? 0 : store.invocations().id(slot));
    }

    /// The events table lays out its rows on every refresh: only while it shows (and once when it is shown).
    private void refreshEvents() {
        if (eventsTab.isSelected()) {
            events.refresh();
        }
    }

    /// JFreeChart redraws a whole chart per change, so during a live run one chart redraws at a time, each
    /// twice a second, and none while their tab is hidden; at the end of a run (`now`) all of them.
    private void refreshCharts(boolean now) {
        long t = System.nanoTime();
        if (!chartsTab.isSelected()) {
            return;
        }
        if (now) {
            chartsRefreshedAt = t;
            charts.refresh(vm.storeProperty().get());
        } else if (t - chartsRefreshedAt >= CHART_REFRESH_NANOS / 4) {
            chartsRefreshedAt = t;
            charts.refreshOneInTurn(vm.storeProperty().get());
        }
    }

    private void acceptDrops() {
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && e.getDragboard().getFiles().stream().anyMatch(MainView::openable)) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            var file = e.getDragboard().getFiles().stream().filter(MainView::openable).findFirst();
            file.ifPresent(f -> vm.open(f.toPath()));
            e.setDropCompleted(file.isPresent());
            e.consume();
        });
    }

    private static boolean openable(File f) {
        String name = f.getName().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".jsonl");
    }

    private void openAsking() {
        FileChooser chooser = chooser("Open a scenario or an audit log");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Scenarios and audit logs", "*.yaml", "*.yml", "*.jsonl"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File file = chooser.showOpenDialog(getScene().getWindow());
        if (file != null) {
            vm.open(file.toPath());
        }
    }

    private void followAsking() {
        FileChooser chooser = chooser("Follow an audit log as it grows");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Audit logs", "*.jsonl"));
        File file = chooser.showOpenDialog(getScene().getWindow());
        if (file != null) {
            vm.follow(file.toPath());
        }
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        vm.lastDirectory().map(Path::toFile).filter(File::isDirectory).ifPresent(chooser::setInitialDirectory);
        return chooser;
    }

    private void showShortcuts() {
        StringBuilder text = new StringBuilder();
        for (Shortcut s : Shortcut.ALL) {
            text.append(String.format("%-18s %s%n", s.display(), s.action()));
        }
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.setTitle("Shortcuts");
        alert.setHeaderText("Keyboard shortcuts");
        Label body = new Label(text.toString());
        body.setStyle("-fx-font-family: monospace;");
        alert.getDialogPane().setContent(body);
        alert.show();
    }

    /// Applies a theme's palette to the timeline and the charts (the legend follows the CSS by itself).
    public void applyPalette(OutcomePalette palette) {
        timeline.paletteProperty().set(palette);
        charts.applyPalette(palette);
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
        return status;
    }

    public WelcomeView welcome() {
        return welcome;
    }

    /// The outcome colors in use, for tests that check the theme reached the timeline.
    public OutcomePalette palette() {
        return timeline.paletteProperty().get();
    }
}
