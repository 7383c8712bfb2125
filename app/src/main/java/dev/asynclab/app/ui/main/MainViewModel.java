package dev.asynclab.app.ui.main;

import dev.asynclab.app.feed.FxEventFeed;
import dev.asynclab.app.store.EventStore;
import dev.asynclab.app.ui.run.AuditTailSource;
import dev.asynclab.app.ui.run.RunSource;
import dev.asynclab.app.ui.run.ScenarioRunSource;
import dev.asynclab.app.ui.session.Session;
import dev.asynclab.app.ui.session.SessionSource;
import dev.asynclab.app.ui.session.StatusCounts;
import dev.asynclab.app.ui.teach.CaptionPanelViewModel;
import dev.asynclab.app.ui.teach.PresenterScale;
import dev.asynclab.app.ui.teach.TourPlayerViewModel;
import dev.asynclab.app.ui.welcome.RecentFiles;
import dev.asynclab.lab.metrics.RunSummary;
import dev.asynclab.lab.scenario.ClockMode;
import dev.asynclab.lab.scenario.RunOptions;
import dev.asynclab.lab.scenario.Scenario;
import dev.asynclab.lab.scenario.ScenarioException;
import dev.asynclab.lab.scenario.ScenarioLoader;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/// The main window's state and the only place that talks to the engine: the current [Session] (what is shown,
/// for one source), the toolbar's run options, the welcome view, the recent files, and the teaching parts: the
/// scenario's caption, the tour being played, the presenter's text scale. No `Node`s: tested without a screen.
///
/// Opening anything — a scenario, a log, a followed log, a broken file, a new run — makes a new session and closes
/// the old one whole. The read-only properties here (`store`, `running`, `counts`, ...) follow the current
/// session, for views that show whatever is current; what a view can change (selection, highlight) it changes
/// on the session itself.
///
/// ```java
/// MainViewModel vm = new MainViewModel(new RecentFiles(prefs));
/// vm.open(Path.of("scenarios/10-pool-saturation.yaml"));
/// vm.clockProperty().set(ClockMode.SIMULATED);
/// vm.run();
/// ```
public final class MainViewModel {

    private final RecentFiles recent;
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();
    private final ReplayViewModel replay;
    private final CaptionPanelViewModel caption = new CaptionPanelViewModel();
    private final PresenterScale presenter;
    private final ReadOnlyObjectWrapper<TourPlayerViewModel> tour = new ReadOnlyObjectWrapper<>(this, "tour");
    private final ReadOnlyObjectWrapper<Session> session = new ReadOnlyObjectWrapper<>(this, "session",
            new Session(new SessionSource.Nothing()));
    private final BooleanProperty showingWelcome = new SimpleBooleanProperty(this, "showingWelcome", true);
    private final ObjectProperty<ClockMode> clock = new SimpleObjectProperty<>(this, "clock", ClockMode.SIMULATED);
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 1.0);
    private final BooleanProperty paced = new SimpleBooleanProperty(this, "paced", true);
    private final LongProperty seed = new SimpleLongProperty(this, "seed", 42);
    private final IntegerProperty poolSize = new SimpleIntegerProperty(this, "poolSize", 0);
    // Mirrors of the current session's properties, rebound when the session changes.
    private final ReadOnlyObjectWrapper<EventStore> store = new ReadOnlyObjectWrapper<>(this, "store");
    private final ReadOnlyLongWrapper storeVersion = new ReadOnlyLongWrapper(this, "storeVersion");
    private final ReadOnlyObjectWrapper<StatusCounts> counts = new ReadOnlyObjectWrapper<>(this, "counts");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary");
    private final ReadOnlyStringWrapper shortSummary = new ReadOnlyStringWrapper(this, "shortSummary");
    private final ReadOnlyObjectWrapper<RunSummary> lastSummary = new ReadOnlyObjectWrapper<>(this, "lastSummary");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final ReadOnlyObjectWrapper<Scenario> scenario = new ReadOnlyObjectWrapper<>(this, "scenario");
    private final ReadOnlyObjectWrapper<Path> scenarioFile = new ReadOnlyObjectWrapper<>(this, "scenarioFile");
    private final ReadOnlyBooleanWrapper runnable = new ReadOnlyBooleanWrapper(this, "runnable");
    private final ScenarioFileWatch watch = new ScenarioFileWatch();

    public MainViewModel(RecentFiles recent) {
        this(recent, new PresenterScale());
    }

    /// With the presenter's text scale as the user left it (`PresenterScale.remembered`).
    public MainViewModel(RecentFiles recent, PresenterScale presenter) {
        this(recent, presenter, new ReplayViewModel());
    }

    /// With the replay given: a test's, with room for a few events, so a small log opens as a large one would.
    MainViewModel(RecentFiles recent, PresenterScale presenter, ReplayViewModel replay) {
        this.recent = recent;
        this.presenter = presenter;
        this.replay = replay;
        refreshRecent();
        mirror(session.get());
    }

    /// Opens a scenario (`.yaml`) or an audit log (`.jsonl`): a scenario is loaded and checked, a log replayed.
    public void open(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl")) {
            replay(file);
            return;
        }
        loadScenario(file);
    }

    /// Replays an audit log in a new session.
    public void replay(Path log) {
        remember(log);
        Session next = replace(new Session(new SessionSource.ReplayedLog(log)));
        replay.open(next, log);
    }

    /// Loads a scenario in a new session; a broken one shows its problems (file:line:column: message) and
    /// nothing else, and cannot run.
    public boolean loadScenario(Path file) {
        remember(file);
        try {
            show(file, ScenarioLoader.load(file));
            watch.watch(file);
            return true;
        } catch (ScenarioException e) {
            replace(Session.broken(file, e.getMessage()));
            watch.watch(file);
            return false;
        }
    }

    /// Shows `s` (of `file`, null for one made in memory) loaded, with its own seed, clock, speed and pool size in
    /// the toolbar, in a new session.
    private void show(Path file, Scenario s) {
        seed.set(s.seed());
        clock.set(s.clock());
        speed.set(s.speed());
        // An adaptive limit sizes its pool itself: 0 ("as in the scenario") lets it, a size would fix it.
        poolSize.set(s.pool().filter(p -> p.limit().isEmpty()).map(p -> p.size()).orElse(0));
        replace(new Session(new SessionSource.LoadedScenario(file, s)));
    }

    /// Runs the current session's scenario with the toolbar's options, in a new session; a what-if session runs
    /// its what-if again. If the scenario's file changed on disk since it was loaded, the new version is loaded
    /// first (and, if it is now broken, shown instead).
    public void run() {
        if (running.get()) {
            return;
        }
        if (session.get().source() instanceof SessionSource.WhatIfRun whatIf) {
            runWhatIf(whatIf.path(), whatIf.changed(), whatIf.changes());
            return;
        }
        runScenario(false);
    }

    /// Runs the current session's scenario at pool size `size` (the Tuning window's sweep picks one), in a new
    /// session; what a what-if session shows is run as a scenario, not as the what-if again. A run still going is
    /// replaced, as opening a file replaces it: the click asks for this run (it used to set the pool size and
    /// nothing else while the window was running).
    public void runAtPoolSize(int size) {
        poolSize.set(size);
        runScenario(true);
    }

    /// Runs `swept` — the scenario a Tuning window's sweep was made for — at pool size `size`, in a new session.
    /// When the current session shows that scenario's file, this is [#runAtPoolSize(int)]. Otherwise (a log was
    /// replayed meanwhile, or the sweep opened a scenario of its own) the scenario is opened first, from its file
    /// as F5 would read it (a file now broken shows its problems and does not run), then run at that size: the
    /// click used to do nothing, there being no scenario in the main window to run.
    public void runAtPoolSize(Scenario swept, int size) {
        Optional<Path> file = swept.source();
        boolean shown = file.isPresent() ? sameFile(file.get(), scenarioFile.get()) : swept == scenario.get();
        if (!shown) {
            if (file.isPresent()) {
                if (!loadScenario(file.get())) {
                    return;
                }
            } else {
                show(null, swept);
            }
        }
        runAtPoolSize(size);
    }

    private static boolean sameFile(Path a, Path b) {
        return b != null && a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    /// @param replacingARun run even while the current session runs (it is replaced); otherwise do nothing then
    private void runScenario(boolean replacingARun) {
        Optional<Path> file = session.get().source().file().filter(MainViewModel::isScenarioFile);
        boolean broken = session.get().source() instanceof SessionSource.BrokenFile;
        if (file.isPresent() && (broken || watch.changedSinceWatched(file.get()))) {
            if (!reloadKeepingOptions(file.get())) {
                return;
            }
        }
        Scenario s = scenario.get();
        if (s == null || running.get() && !replacingARun) {
            return;
        }
        RunOptions options = RunOptions.DEFAULTS.withClock(clock.get()).withSeed(seed.get())
                .withSpeed(speed.get()).withPaced(paced.get());
        if (poolSize.get() > 0) {
            options = options.withPoolSize(poolSize.get());
        }
        String describe = String.format(Locale.ROOT, "%s clock · seed %d · pool %s", clock.get(), seed.get(),
                poolSize.get() > 0 ? Integer.toString(poolSize.get()) : "as in the scenario");
        runIn(new SessionSource.ScenarioRun(scenarioFile.get(), s, describe), new ScenarioRunSource(s, options));
    }

    /// Runs a what-if — `changed`, the scenario of `file` as the what-if sliders changed it (`changes`, in words)
    /// — in a new session of its own kind, through the same feed as any run: on the simulated clock, with the
    /// toolbar's seed, pace and speed, and the pool the what-if chose.
    public void runWhatIf(Path file, Scenario changed, String changes) {
        RunOptions options = RunOptions.DEFAULTS.withClock(ClockMode.SIMULATED).withSeed(seed.get())
                .withSpeed(speed.get()).withPaced(paced.get());
        runIn(new SessionSource.WhatIfRun(file, changed, changes), new ScenarioRunSource(changed, options));
    }

    /// Makes a session for `source` and starts `run` in it; a run that fails says so in its session.
    private void runIn(SessionSource source, ScenarioRunSource run) {
        Session next = replace(new Session(source));
        run.summary().whenComplete((result, failure) -> {
            if (failure != null) {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                Platform.runLater(() -> next.fail("The run stopped: " + cause.getMessage()));
            }
        });
        next.start(run);
    }

    private static boolean isScenarioFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /// The file was edited on disk: load it again, but keep the run options the user has set.
    private boolean reloadKeepingOptions(Path file) {
        long keptSeed = seed.get();
        ClockMode keptClock = clock.get();
        double keptSpeed = speed.get();
        int keptPool = poolSize.get();
        boolean loaded = loadScenario(file);
        seed.set(keptSeed);
        clock.set(keptClock);
        speed.set(keptSpeed);
        poolSize.set(keptPool);
        return loaded;
    }

    /// Plays the current scenario's tour in a new session: the scenario runs on the simulated clock (with its own
    /// seed and pool, the run its tour was written for), then [#tourProperty()] holds the player, at its first
    /// step. Nothing happens without a scenario that has a tour, or while a run is going.
    public void tour() {
        Scenario s = scenario.get();
        if (s == null || s.tour().isEmpty() || running.get()) {
            return;
        }
        Session next = replace(new Session(new SessionSource.Tour(scenarioFile.get(), s)));
        TourLauncher.launch(next, s, replay, player -> {
            tour.set(player);
            player.restart();
        });
    }

    /// Follows an audit log another program is still writing, in a new session.
    public void follow(Path file) {
        remember(file);
        replace(new Session(new SessionSource.FollowedLog(file))).start(new AuditTailSource(file));
    }

    /// Starts any source in a new session (the tests' synthetic sources come in here).
    public void start(RunSource next) {
        replace(new Session(new SessionSource.Other(next.title()))).start(next);
    }

    /// Stops the current session's producer, if any; the events so far stay.
    public void stop() {
        session.get().stop();
        replay.pause();
    }

    /// Closes the current session and makes `next` current: nothing of the old one stays.
    private Session replace(Session next) {
        Session old = session.get();
        replay.close();
        old.close();
        tour.set(null);
        if (!(next.source() instanceof SessionSource.LoadedScenario)
                && !(next.source() instanceof SessionSource.ScenarioRun)
                && !(next.source() instanceof SessionSource.Tour)
                && !(next.source() instanceof SessionSource.BrokenFile)) {
            watch.clear();
        }
        mirror(next);
        session.set(next);
        showingWelcome.set(next.source() instanceof SessionSource.Nothing);
        return next;
    }

    private void mirror(Session s) {
        store.bind(s.storeProperty());
        storeVersion.bind(s.versionProperty());
        counts.bind(s.countsProperty());
        running.bind(s.runningProperty());
        error.bind(s.errorProperty());
        summary.bind(s.summaryProperty());
        shortSummary.bind(s.shortSummaryProperty());
        lastSummary.bind(s.resultProperty());
        title.set(s.title());
        scenario.set(s.scenario().orElse(null));
        caption.show(scenario.get());
        scenarioFile.set(s.source().file().orElse(null));
        runnable.set(s.scenario().isPresent() || s.source() instanceof SessionSource.BrokenFile broken
                && isScenarioFile(broken.broken()));
    }

    private void remember(Path file) {
        recent.add(file);
        refreshRecent();
    }

    /// Reads the recent files again, leaving out those that no longer exist.
    public void refreshRecent() {
        recentFiles.setAll(recent.files().stream().filter(Files::exists).toList());
    }

    public void showWelcome() {
        refreshRecent();
        showingWelcome.set(true);
    }

    public Optional<Path> lastDirectory() {
        return recentFiles.stream().map(Path::getParent).filter(p -> p != null).findFirst();
    }

    /// The recent files that still exist, most recent first; updated as soon as a file is opened.
    public ObservableList<Path> recentFiles() {
        return recentFiles;
    }

    public ReplayViewModel replay() {
        return replay;
    }

    /// The scenario's title and description, kept on screen while it is loaded, run or toured.
    public CaptionPanelViewModel caption() {
        return caption;
    }

    /// The whole window's text scale (presenter mode).
    public PresenterScale presenter() {
        return presenter;
    }

    /// The tour being played in the current session; null when none (the session is not a tour, or its run is
    /// still being made).
    public ReadOnlyObjectProperty<TourPlayerViewModel> tourProperty() {
        return tour.getReadOnlyProperty();
    }

    /// What is shown now; replaced whole by anything opened.
    public ReadOnlyObjectProperty<Session> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public Session session() {
        return session.get();
    }

    public ReadOnlyObjectProperty<EventStore> storeProperty() {
        return store.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty storeVersionProperty() {
        return storeVersion.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<StatusCounts> countsProperty() {
        return counts.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public BooleanProperty showingWelcomeProperty() {
        return showingWelcome;
    }

    /// The file of the current session (a scenario, a log), null for none.
    public ReadOnlyObjectProperty<Path> scenarioFileProperty() {
        return scenarioFile.getReadOnlyProperty();
    }

    /// The scenario Run runs: the current session's, null when it has none (a log, a broken file).
    public ReadOnlyObjectProperty<Scenario> scenarioProperty() {
        return scenario.getReadOnlyProperty();
    }

    /// True when Run has something to run: a scenario, or a scenario file whose mistakes may have been fixed on
    /// disk since (Run loads it again).
    public ReadOnlyBooleanProperty runnableProperty() {
        return runnable.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /// The current session's summary abbreviated, for a narrow window.
    public ReadOnlyStringProperty shortSummaryProperty() {
        return shortSummary.getReadOnlyProperty();
    }

    /// The engine's figures of the current session's events, once its source has ended.
    public ReadOnlyObjectProperty<RunSummary> lastSummaryProperty() {
        return lastSummary.getReadOnlyProperty();
    }

    public ObjectProperty<ClockMode> clockProperty() {
        return clock;
    }

    public DoubleProperty speedProperty() {
        return speed;
    }

    public BooleanProperty pacedProperty() {
        return paced;
    }

    public LongProperty seedProperty() {
        return seed;
    }

    public IntegerProperty poolSizeProperty() {
        return poolSize;
    }

    /// The feed of the current session, for tests that count its hops.
    public Optional<FxEventFeed> feed() {
        return Optional.of(session.get().feed());
    }
}
