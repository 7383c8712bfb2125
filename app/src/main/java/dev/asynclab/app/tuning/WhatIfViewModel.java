package dev.asynclab.app.tuning;

import dev.asynclab.app.ui.format.Durations;
import dev.asynclab.lab.metrics.RunSummary;
import dev.asynclab.lab.scenario.CallbackSpec;
import dev.asynclab.lab.scenario.ClockMode;
import dev.asynclab.lab.scenario.RunOptions;
import dev.asynclab.lab.scenario.Scenario;
import dev.asynclab.lab.scenario.ScenarioRun;
import dev.asynclab.lab.scenario.ScenarioRunner;
import dev.asynclab.lab.scenario.ScenarioScripts;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.value.ChangeListener;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/// What-if on a loaded scenario: sliders for the arrival rate (a factor), pool size, timeout and retry attempts;
/// each change reruns a modified copy on the simulated clock, debounced (100 ms), stopping a rerun that a newer
/// change made stale, and updates the charts when the newest rerun ends. Nothing here blocks the FX thread: the
/// debounce and the run happen on their own threads and the result comes back in one hop.
///
/// The what-if can also be opened in the main window (`openRun`): it hands the changed scenario to `onOpenRun`,
/// and the main window runs it as a session of its own, on its timeline.
///
/// ```java
/// var whatIf = new WhatIfViewModel();
/// whatIf.load(Path.of("scenarios/14-mmc-queue.yaml"));
/// whatIf.poolSizeProperty().set(6);     // a rerun follows ~100 ms after the last change
/// whatIf.onOpenRunProperty().set((changed, changes) -> mainWindow.runWhatIf(changed, changes));
/// whatIf.openRun();
/// ```
public final class WhatIfViewModel implements AutoCloseable {

    /// The wait after the last slider change before a rerun starts.
    public static final Duration DEBOUNCE = Duration.ofMillis(100);

    private static final List<String[]> OUTCOMES = List.of(new String[]{"SUCCEEDED", "succeeded"},
            new String[]{"FAILED", "failed"}, new String[]{"TIMED_OUT", "timed out"},
            new String[]{"CANCELLED", "cancelled"}, new String[]{"REJECTED", "rejected"},
            new String[]{"RETRY_SCHEDULED", "retries"}, new String[]{"LATE_FINISH", "late finish"});

    private final Executor fxThread;
    private final Duration debounce;
    private final ScheduledExecutorService rerunner = Executors.newSingleThreadScheduledExecutor(r ->
            Thread.ofPlatform().daemon(true).name("asynclab-whatif").unstarted(r));
    private final ReadOnlyObjectWrapper<Scenario> scenario = new ReadOnlyObjectWrapper<>();
    private final DoubleProperty arrivalScale = new SimpleDoubleProperty(1.0);
    private final IntegerProperty poolSize = new SimpleIntegerProperty(4);
    private final DoubleProperty timeoutMillis = new SimpleDoubleProperty(0);
    private final IntegerProperty retryAttempts = new SimpleIntegerProperty(1);
    private final ReadOnlyIntegerWrapper maxPoolSize = new ReadOnlyIntegerWrapper(16);
    private final ReadOnlyIntegerWrapper maxTimeoutMillis = new ReadOnlyIntegerWrapper(1000);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("Open a scenario to try what-ifs.");
    private final ReadOnlyStringWrapper summaryText = new ReadOnlyStringWrapper("");
    private final ReadOnlyLongWrapper appliedGeneration = new ReadOnlyLongWrapper(0);
    private final ReadOnlyLongWrapper staleStopped = new ReadOnlyLongWrapper(0);
    private final XYSeries baselineCdf = new XYSeries("as declared", true, true);
    private final XYSeries whatIfCdf = new XYSeries("what-if", true, true);
    private final XYSeriesCollection cdfData = new XYSeriesCollection();
    private final DefaultCategoryDataset outcomeData = new DefaultCategoryDataset();
    private final ObjectProperty<BiConsumer<Scenario, String>> onOpenRun = new SimpleObjectProperty<>(
            (changed, changes) -> { });
    private final AtomicLong generation = new AtomicLong();
    private ScheduledFuture<?> pending;
    private ScenarioRun current; // touched only on the rerunner thread
    private boolean loading;

    public WhatIfViewModel() {
        this(Platform::runLater, DEBOUNCE);
    }

    /// @param fxThread where results are applied (the FX thread; a direct executor in tests without a screen)
    /// @param debounce the quiet time after a change before rerunning
    public WhatIfViewModel(Executor fxThread, Duration debounce) {
        this.fxThread = fxThread;
        this.debounce = debounce;
        cdfData.addSeries(baselineCdf);
        cdfData.addSeries(whatIfCdf);
        ChangeListener<Number> rerun = (obs, was, now) -> changed();
        arrivalScale.addListener(rerun);
        poolSize.addListener(rerun);
        timeoutMillis.addListener(rerun);
        retryAttempts.addListener(rerun);
    }

    /// Loads a scenario file; on a problem the message names file, line and column.
    public boolean load(Path file) {
        return ScenarioFiles.load(file, this::setScenario, message::set);
    }

    /// Uses `loaded`: the sliders start at its declared values and a baseline run and a what-if run follow.
    public void setScenario(Scenario loaded) {
        loading = true;
        try {
            scenario.set(loaded);
            int size = loaded.pool().map(p -> p.size()).orElse(4);
            var first = ScenarioTraits.callbacks(loaded).findFirst();
            long timeout = first.map(CallbackSpec::timeout).orElse(Duration.ZERO).toMillis();
            maxPoolSize.set(Math.max(16, size * 4));
            maxTimeoutMillis.set((int) Math.max(1000, timeout * 4));
            arrivalScale.set(1.0);
            poolSize.set(size);
            timeoutMillis.set(timeout);
            retryAttempts.set(first.map(cb -> cb.retry().maxAttempts()).orElse(1));
        } finally {
            loading = false;
        }
        message.set("Loaded " + loaded.name() + ". Move a slider to rerun it on the simulated clock.");
        if (rerunner.isShutdown()) {
            return;
        }
        rerunner.execute(() -> baseline(loaded));
        changed();
    }

    /// The settings the sliders show now.
    public WhatIfSettings settings() {
        Duration timeout = Duration.ofMillis(Math.round(timeoutMillis.get()));
        return new WhatIfSettings(arrivalScale.get(), poolSize.get(), timeout,
                retryAttempts.get());
    }

    /// Hands the what-if as the sliders set it — the changed scenario and the changes in words — to `onOpenRun`;
    /// false (with a message) when there is no scenario or the settings are not valid.
    public boolean openRun() {
        Scenario s = scenario.get();
        if (s == null) {
            message.set("Open a scenario first.");
            return false;
        }
        try {
            WhatIfSettings settings = settings();
            onOpenRun.get().accept(ScenarioVariant.apply(s, settings), describe(settings));
            return true;
        } catch (IllegalArgumentException e) {
            message.set("Cannot run this what-if: " + e.getMessage());
            return false;
        }
    }

    /// The settings in words: "1.50x arrivals · pool 6 · timeout 200 ms · 3 attempts".
    static String describe(WhatIfSettings settings) {
        return String.format(Locale.ROOT, "%.2fx arrivals · pool %d · timeout %s · %d attempts",
                settings.arrivalScale(), settings.poolSize(),
                settings.timeout().isZero() ? "none" : Durations.format(settings.timeout().toNanos()),
                settings.retryAttempts());
    }

    private void changed() {
        Scenario s = scenario.get();
        if (loading || s == null || rerunner.isShutdown()) {
            return;
        }
        WhatIfSettings settings;
        try {
            settings = settings();
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return;
        }
        long gen = generation.incrementAndGet();
        synchronized (this) {
            if (pending != null) {
                pending.cancel(false);
            }
            pending = rerunner.schedule(() -> rerun(s, settings, gen), debounce.toNanos(), TimeUnit.NANOSECONDS);
        }
        running.set(true);
    }

    /// On the rerunner thread: the declared scenario once, for reference.
    private void baseline(Scenario s) {
        try {
            var latency = new LatencyDistribution();
            RunSummary summary = ScenarioRunner.start(s, simulated(), List.of(latency), ScenarioScripts.shared())
                    .await();
            XYSeries cdf = latency.cdf("as declared");
            fxThread.execute(() -> {
                if (scenario.get() == s) {
                    copy(cdf, baselineCdf);
                    putOutcomes("as declared", summary);
                }
            });
        } catch (InterruptedException | RuntimeException e) {
            fxThread.execute(() -> message.set("The declared run failed: " + e.getMessage()));
        }
    }

    /// On the rerunner thread: stops a stale rerun, starts this one, and hands its result to the FX thread if no
    /// newer change came meanwhile.
    private void rerun(Scenario s, WhatIfSettings settings, long gen) {
        if (gen != generation.get()) {
            return;
        }
        if (current != null && !current.isDone()) {
            current.stop();
            fxThread.execute(() -> staleStopped.set(staleStopped.get() + 1));
        }
        var latency = new LatencyDistribution();
        ScenarioRun run;
        try {
            Scenario variant = ScenarioVariant.apply(s, settings);
            run = ScenarioRunner.start(variant, simulated().withPoolSize(settings.poolSize()), List.of(latency),
                    ScenarioScripts.shared());
        } catch (RuntimeException e) {
            fxThread.execute(() -> {
                running.set(false);
                message.set("Cannot run this what-if: " + e.getMessage());
            });
            return;
        }
        current = run;
        run.completion().whenComplete((summary, failure) -> {
            if (gen != generation.get() || run.wasStopped()) {
                return; // a newer change owns the charts
            }
            if (failure != null) {
                fxThread.execute(() -> {
                    running.set(false);
                    message.set("The what-if run failed: " + failure.getMessage());
                });
                return;
            }
            XYSeries cdf = latency.cdf("what-if");
            fxThread.execute(() -> show(gen, settings, summary, cdf));
        });
    }

    private void show(long gen, WhatIfSettings settings, RunSummary summary, XYSeries cdf) {
        if (gen != generation.get()) {
            return;
        }
        copy(cdf, whatIfCdf);
        putOutcomes("what-if", summary);
        var l = summary.overall().latency();
        summaryText.set(String.format(Locale.ROOT, "%.2fx arrivals, pool %d, timeout %s, %d attempts: p50 %s, "
                        + "p99 %s, %.1f/s, utilization %.0f%%, %d timed out, %d rejected",
                settings.arrivalScale(), settings.poolSize(),
                settings.timeout().isZero() ? "none" : Durations.format(settings.timeout().toNanos()),
                settings.retryAttempts(), Durations.format(l.p50()), Durations.format(l.p99()), summary.throughput(),
                summary.utilization() * 100, summary.overall().count("TIMED_OUT"),
                summary.overall().count("REJECTED")));
        running.set(false);
        appliedGeneration.set(gen);
    }

    private void putOutcomes(String row, RunSummary summary) {
        outcomeData.setNotify(false);
        for (String[] o : OUTCOMES) {
            outcomeData.setValue(summary.overall().count(o[0]), row, o[1]);
        }
        outcomeData.setNotify(true);
    }

    private static void copy(XYSeries from, XYSeries to) {
        to.setNotify(false);
        to.clear();
        for (int i = 0; i < from.getItemCount(); i++) {
            to.add(from.getX(i), from.getY(i));
        }
        to.setNotify(true);
    }

    private static RunOptions simulated() {
        return RunOptions.DEFAULTS.withClock(ClockMode.SIMULATED);
    }

    /// Stops the rerun thread and any run in flight.
    @Override
    public void close() {
        if (rerunner.isShutdown()) {
            return; // closed already: closing is idempotent
        }
        generation.incrementAndGet();
        rerunner.execute(() -> {
            if (current != null) {
                current.stop();
            }
        });
        rerunner.shutdown();
    }

    public ReadOnlyObjectProperty<Scenario> scenarioProperty() {
        return scenario.getReadOnlyProperty();
    }

    /// Called by `openRun` with the changed scenario and the changes in words.
    public ObjectProperty<BiConsumer<Scenario, String>> onOpenRunProperty() {
        return onOpenRun;
    }

    /// Arrivals this many times as fast as declared (0.25 to 4 on the slider).
    public DoubleProperty arrivalScaleProperty() {
        return arrivalScale;
    }

    public IntegerProperty poolSizeProperty() {
        return poolSize;
    }

    /// Every callback's timeout in milliseconds; 0 means none.
    public DoubleProperty timeoutMillisProperty() {
        return timeoutMillis;
    }

    /// Tries in all, the first included.
    public IntegerProperty retryAttemptsProperty() {
        return retryAttempts;
    }

    public ReadOnlyIntegerProperty maxPoolSizeProperty() {
        return maxPoolSize.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty maxTimeoutMillisProperty() {
        return maxTimeoutMillis.getReadOnlyProperty();
    }

    /// True from a change until its rerun is on the charts.
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /// The newest rerun's figures in one line.
    public ReadOnlyStringProperty summaryTextProperty() {
        return summaryText.getReadOnlyProperty();
    }

    /// Increases each time a rerun's result reaches the charts.
    public ReadOnlyLongProperty appliedGenerationProperty() {
        return appliedGeneration.getReadOnlyProperty();
    }

    /// Reruns stopped because a newer change made them stale.
    public ReadOnlyLongProperty staleStoppedProperty() {
        return staleStopped.getReadOnlyProperty();
    }

    /// Latency CDFs of the declared scenario and of the what-if.
    public XYSeriesCollection cdfData() {
        return cdfData;
    }

    /// Outcome counts (succeeded, failed, timed out, ...) of the declared scenario and of the what-if.
    public DefaultCategoryDataset outcomeData() {
        return outcomeData;
    }
}
