package dev.asynclab.app.ui.main;

import dev.asynclab.app.feed.FeedListener;
import dev.asynclab.app.feed.FxEventFeed;
import dev.asynclab.app.store.EventStore;
import dev.asynclab.app.ui.run.AuditTailSource;
import dev.asynclab.app.ui.run.RunSource;
import dev.asynclab.app.ui.run.ScenarioRunSource;
import dev.asynclab.app.ui.welcome.RecentFiles;
import dev.asynclab.engine.event.Event;
import dev.asynclab.lab.metrics.RunSummary;
import dev.asynclab.lab.scenario.ClockMode;
import dev.asynclab.lab.scenario.Lint;
import dev.asynclab.lab.scenario.Linter;
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
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/// The main window's state and the only place that talks to the engine: the open scenario, the toolbar's run
/// options, the run's store and live counts, the selected invocation. No `Node`s: tested without a screen.
///
/// ```java
/// MainViewModel vm = new MainViewModel(new RecentFiles(prefs));
/// vm.open(Path.of("scenarios/10-pool-saturation.yaml"));
/// vm.clockProperty().set(ClockMode.SIMULATED);
/// vm.run();
/// ```
public final class MainViewModel {

    private final RecentFiles recent;
    private final ReplayViewModel replay = new ReplayViewModel(this);
    private final ObjectProperty<EventStore> store = new SimpleObjectProperty<>(this, "store", new EventStore());
    private final LongProperty storeVersion = new SimpleLongProperty(this, "storeVersion");
    private final ObjectProperty<StatusCounts> counts = new SimpleObjectProperty<>(this, "counts", StatusCounts.ZERO);
    private final BooleanProperty running = new SimpleBooleanProperty(this, "running");
    private final BooleanProperty showingWelcome = new SimpleBooleanProperty(this, "showingWelcome", true);
    private final ObjectProperty<Path> scenarioFile = new SimpleObjectProperty<>(this, "scenarioFile");
    private final ObjectProperty<Scenario> scenario = new SimpleObjectProperty<>(this, "scenario");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final StringProperty title = new SimpleStringProperty(this, "title", "Async Lab");
    private final StringProperty summary = new SimpleStringProperty(this, "summary", "");
    private final ObjectProperty<RunSummary> lastSummary = new SimpleObjectProperty<>(this, "lastSummary");
    private final javafx.collections.ObservableList<Lint> problems = javafx.collections.FXCollections
            .observableArrayList();
    private final ObjectProperty<ClockMode> clock = new SimpleObjectProperty<>(this, "clock", ClockMode.SIMULATED);
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 1.0);
    private final BooleanProperty paced = new SimpleBooleanProperty(this, "paced", true);
    private final LongProperty seed = new SimpleLongProperty(this, "seed", 42);
    private final IntegerProperty poolSize = new SimpleIntegerProperty(this, "poolSize", 0);
    private final IntegerProperty selectedSlot = new SimpleIntegerProperty(this, "selectedSlot", -1);
    private final EventRate rate = new EventRate();
    private RunSource source;
    private FxEventFeed feed;

    public MainViewModel(RecentFiles recent) {
        this.recent = recent;
    }

    /// Opens a scenario (`.yaml`) or an audit log (`.jsonl`): a scenario is loaded and checked, a log replayed.
    public void open(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".jsonl")) {
            stop();
            recent.add(file);
            replay.open(file);
            return;
        }
        loadScenario(file);
    }

    /// Loads a scenario; a broken one shows its problems (file:line:column: message) and cannot run.
    public boolean loadScenario(Path file) {
        stop();
        replay.close();
        scenarioFile.set(file);
        recent.add(file);
        showingWelcome.set(false);
        try {
            Scenario s = ScenarioLoader.load(file);
            scenario.set(s);
            error.set("");
            title.set(s.name());
            seed.set(s.seed());
            clock.set(s.clock());
            speed.set(s.speed());
            poolSize.set(s.pool().map(p -> p.size()).orElse(0));
            return true;
        } catch (ScenarioException e) {
            scenario.set(null);
            error.set(e.getMessage());
            title.set(file.getFileName().toString());
            return false;
        }
    }

    /// Runs the loaded scenario with the toolbar's options; nothing when there is none or it has errors.
    public void run() {
        Scenario s = scenario.get();
        if (s == null || running.get()) {
            return;
        }
        RunOptions options = RunOptions.DEFAULTS.withClock(clock.get()).withSeed(seed.get())
                .withSpeed(speed.get()).withPaced(paced.get());
        if (poolSize.get() > 0) {
            options = options.withPoolSize(poolSize.get());
        }
        ScenarioRunSource run = new ScenarioRunSource(s, options);
        run.summary().whenComplete((result, failure) -> Platform.runLater(() -> finished(result, failure)));
        start(run);
    }

    /// Follows an audit log another program is still writing.
    public void follow(Path file) {
        stop();
        replay.close();
        showingWelcome.set(false);
        title.set(file.getFileName().toString());
        error.set("");
        start(new AuditTailSource(file));
    }

    /// Starts any source into a fresh store (the tests' synthetic source comes in here too).
    public void start(RunSource next) {
        stop();
        source = next;
        EventStore fresh = new EventStore();
        store.set(fresh);
        selectedSlot.set(-1);
        summary.set("");
        lastSummary.set(null);
        problems.clear();
        rate.reset();
        counts.set(StatusCounts.ZERO);
        showingWelcome.set(false);
        running.set(true);
        title.set(next.title());
        feed = new FxEventFeed(new FeedListener() {
            @Override
            public void onFrame(List<Event> batch) {
                if (store.get() == fresh) {
                    append(batch);
                }
            }

            @Override
            public void onClosed() {
                if (source == next) {
                    running.set(false);
                }
            }
        });
        next.start(feed);
    }

    /// Stops the running source, if any; the events so far stay.
    public void stop() {
        if (source != null) {
            source.stop();
        }
        running.set(false);
    }

    /// Appends a batch on the FX thread and refreshes the counts (the feed and the replay call this).
    void append(List<Event> batch) {
        EventStore s = store.get();
        s.appendAll(batch);
        counts.set(StatusCounts.of(s, rate.add(System.nanoTime(), batch.size()), feed == null ? 0 : feed.backlog()));
        storeVersion.set(storeVersion.get() + 1);
    }

    /// Replaces the store (a replay seeking backwards rebuilds it).
    void replaceStore(EventStore next) {
        store.set(next);
        selectedSlot.set(-1);
        counts.set(StatusCounts.of(next, 0, 0));
        storeVersion.set(storeVersion.get() + 1);
    }

    private void finished(RunSummary result, Throwable failure) {
        if (failure != null) {
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            error.set("The run stopped: " + cause.getMessage());
            return;
        }
        lastSummary.set(result);
        problems.setAll(Linter.check(scenario.get(), result));
        summary.set(String.format(java.util.Locale.ROOT, "%,d events · p50 %s · p99 %s · %.1f/s · peak queue %d",
                result.eventCount(), dev.asynclab.app.ui.timeline.TimeAxis.duration(result.overall().latency().p50()),
                dev.asynclab.app.ui.timeline.TimeAxis.duration(result.overall().latency().p99()), result.throughput(),
                result.peakQueued()));
    }

    public void showWelcome() {
        showingWelcome.set(true);
    }

    public Optional<Path> lastDirectory() {
        return recent.files().stream().map(Path::getParent).filter(p -> p != null).findFirst();
    }

    public RecentFiles recent() {
        return recent;
    }

    public ReplayViewModel replay() {
        return replay;
    }

    public ObjectProperty<EventStore> storeProperty() {
        return store;
    }

    public LongProperty storeVersionProperty() {
        return storeVersion;
    }

    public ObjectProperty<StatusCounts> countsProperty() {
        return counts;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public BooleanProperty showingWelcomeProperty() {
        return showingWelcome;
    }

    public ObjectProperty<Path> scenarioFileProperty() {
        return scenarioFile;
    }

    public ObjectProperty<Scenario> scenarioProperty() {
        return scenario;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    /// The engine's figures of the last scenario run, once it has ended.
    public ObjectProperty<RunSummary> lastSummaryProperty() {
        return lastSummary;
    }

    /// The lints of the last scenario run (what it shows that is probably a mistake), once it has ended.
    public javafx.collections.ObservableList<Lint> problems() {
        return problems;
    }

    /// The slot of the first invocation a lint names (for a group lint, the group's first member), -1 if none.
    public int firstSlotOf(Lint lint) {
        EventStore s = store.get();
        for (long id : lint.ids()) {
            if (!lint.groupIds()) {
                int slot = s.invocationSlot(id);
                if (slot >= 0) {
                    return slot;
                }
                continue;
            }
            for (int slot = 0; slot < s.invocations().size(); slot++) {
                if (s.invocations().group(slot) == id) {
                    return slot;
                }
            }
        }
        return -1;
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

    public IntegerProperty selectedSlotProperty() {
        return selectedSlot;
    }

    /// The feed of the current run, for tests that count its hops; empty before the first run.
    public Optional<FxEventFeed> feed() {
        return Optional.ofNullable(feed);
    }
}
