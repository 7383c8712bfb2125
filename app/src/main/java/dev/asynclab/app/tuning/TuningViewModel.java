package dev.asynclab.app.tuning;

import dev.asynclab.lab.scenario.ClockMode;
import dev.asynclab.lab.scenario.PoolSweep;
import dev.asynclab.lab.scenario.RunOptions;
import dev.asynclab.lab.scenario.Scenario;
import dev.asynclab.lab.scenario.ScenarioScripts;
import dev.asynclab.lab.scenario.SweepTarget;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.IntConsumer;

/// The Tuning view's state and the only part of it that talks to the engine: a scenario, a range of pool sizes
/// and a target; a sweep run off the FX thread with progress and cancel; the chart datasets (latency p50/p95/p99,
/// throughput and utilization against pool size), the smallest size that meets the target, and a sentence on why
/// larger sizes stop helping. Selecting a size raises `onOpenRun` so the main window can open that run.
///
/// ```java
/// var tuning = new TuningViewModel();
/// tuning.load(Path.of("scenarios/14-mmc-queue.yaml"));
/// tuning.toSizeProperty().set(8);
/// tuning.p99BoundProperty().set("250ms");
/// tuning.run().thenAccept(points -> System.out.println(tuning.recommendedSizeProperty().get()));
/// ```
public final class TuningViewModel {

    /// The largest pool size a sweep accepts, as on the command line.
    public static final int MAX_SIZE = 4096;

    private final Executor fxThread;
    private final ReadOnlyObjectWrapper<Scenario> scenario = new ReadOnlyObjectWrapper<>();
    private final IntegerProperty fromSize = new SimpleIntegerProperty(1);
    private final IntegerProperty toSize = new SimpleIntegerProperty(8);
    private final StringProperty p99Bound = new SimpleStringProperty("");
    private final StringProperty throughputBound = new SimpleStringProperty("");
    private final BooleanProperty realClock = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("Open a scenario to sweep.");
    private final ReadOnlyObjectWrapper<Integer> recommendedSize = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SweepTarget> sweptTarget = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Integer> selectedSize = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<IntConsumer> onOpenRun = new SimpleObjectProperty<>(size -> { });
    private final ObservableList<SweepPoint> points = FXCollections.observableArrayList();
    private final ObservableList<SweepPoint> readOnlyPoints = FXCollections.unmodifiableObservableList(points);

    private final XYSeries p50 = new XYSeries("p50", true, false);
    private final XYSeries p95 = new XYSeries("p95", true, false);
    private final XYSeries p99 = new XYSeries("p99", true, false);
    private final XYSeries throughput = new XYSeries("throughput", true, false);
    private final XYSeries utilization = new XYSeries("utilization", true, false);
    private final XYSeriesCollection latencyData = new XYSeriesCollection();
    private final XYSeriesCollection throughputData = new XYSeriesCollection(throughput);
    private final XYSeriesCollection utilizationData = new XYSeriesCollection(utilization);

    private Thread worker;
    private volatile boolean cancelRequested;
    private long sweepId; // results of an older sweep (one replaced by loading a scenario) are dropped
    private SweepTarget target;
    private int sweepFrom;
    private int sweepTo;

    /// A view model that hands results to the JavaFX application thread.
    public TuningViewModel() {
        this(Platform::runLater);
    }

    /// @param fxThread where results are applied (the FX thread; a direct executor in tests without a screen)
    public TuningViewModel(Executor fxThread) {
        this.fxThread = fxThread;
        latencyData.addSeries(p50);
        latencyData.addSeries(p95);
        latencyData.addSeries(p99);
    }

    /// Loads a scenario file; on a problem the message names file, line and column and nothing else changes.
    public boolean load(Path file) {
        return ScenarioFiles.load(file, this::setScenario, message::set);
    }

    public void setScenario(Scenario loaded) {
        cancel();
        sweepId++;
        running.set(false);
        scenario.set(loaded);
        clear();
        message.set("Loaded " + loaded.name() + ". Choose sizes and a target, then Run.");
    }

    /// Starts the sweep off the FX thread. The future completes, after the last chart update, with the points
    /// swept (fewer if cancelled); it fails with the reason when the inputs are wrong or the run fails.
    public CompletableFuture<List<SweepPoint>> run() {
        if (running.get()) {
            return CompletableFuture.failedFuture(new IllegalStateException("a sweep is already running"));
        }
        Scenario current = scenario.get();
        try {
            if (current == null) {
                throw new IllegalArgumentException("open a scenario first");
            }
            int from = fromSize.get();
            int to = toSize.get();
            if (from < 1 || to < from || to > MAX_SIZE) {
                throw new IllegalArgumentException("pool sizes: expected from >= 1, to >= from and to <= " + MAX_SIZE
                        + ", was " + from + ".." + to);
            }
            target = TargetForm.parse(p99Bound.get(), throughputBound.get()).orElse(null);
            sweepFrom = from;
            sweepTo = to;
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return CompletableFuture.failedFuture(e);
        }
        clear();
        sweptTarget.set(target);
        running.set(true);
        message.set("Sweeping pool sizes " + sweepFrom + " to " + sweepTo + "...");
        var done = new CompletableFuture<List<SweepPoint>>();
        long id = ++sweepId;
        cancelRequested = false;
        var batch = new FxBatch<SweepPoint>(fxThread, points -> {
            if (id == sweepId) {
                addPoints(points);
            }
        });
        SweepTarget goal = target;
        RunOptions options = runOptions();
        int from = sweepFrom;
        int to = sweepTo;
        worker = Thread.ofPlatform().daemon(true).name("asynclab-sweep").start(() -> {
            try {
                PoolSweep.run(current, options, from, to, ScenarioScripts.shared(),
                        (size, summary) -> {
                            batch.add(SweepPoint.of(size, summary, goal));
                            if (cancelRequested) {
                                // again, in case a run swallowed the first interrupt: the sweep checks it per size
                                Thread.currentThread().interrupt();
                            }
                        });
                fxThread.execute(() -> finish(id, batch, false, null, done));
            } catch (InterruptedException e) {
                fxThread.execute(() -> finish(id, batch, true, null, done));
            } catch (RuntimeException e) {
                fxThread.execute(() -> finish(id, batch, false, e, done));
            }
        });
        return done;
    }

    /// Stops the sweep after the size being run; the sizes done so far stay.
    public void cancel() {
        Thread w = worker;
        if (w != null && running.get()) {
            cancelRequested = true;
            w.interrupt();
        }
    }

    /// Selects a swept size and asks the main window, through `onOpenRun`, to open its run.
    public void select(int poolSize) {
        if (points.stream().noneMatch(p -> p.poolSize() == poolSize)) {
            return;
        }
        selectedSize.set(poolSize);
        onOpenRun.get().accept(poolSize);
    }

    /// The options that reproduce the sweep's run at `poolSize` (same clock, the scenario's seed).
    public RunOptions optionsFor(int poolSize) {
        return runOptions().withPoolSize(poolSize);
    }

    /// Writes the table as CSV, the columns of `asynclab sweep --out`.
    public void exportCsv(Path file) throws IOException {
        SweepCsv.write(List.copyOf(points), target != null, file);
    }

    private RunOptions runOptions() {
        return RunOptions.DEFAULTS.withClock(realClock.get() ? ClockMode.REAL : ClockMode.SIMULATED);
    }

    private void clear() {
        points.clear();
        for (XYSeries s : List.of(p50, p95, p99, throughput, utilization)) {
            s.clear();
        }
        recommendedSize.set(null);
        selectedSize.set(null);
        explanation.set("");
        progress.set(0);
    }

    private void addPoints(List<SweepPoint> batch) {
        points.addAll(batch);
        double[] xs = batch.stream().mapToDouble(SweepPoint::poolSize).toArray();
        SeriesBatch.append(p50, xs, batch.stream().mapToDouble(SweepPoint::p50Millis).toArray());
        SeriesBatch.append(p95, xs, batch.stream().mapToDouble(SweepPoint::p95Millis).toArray());
        SeriesBatch.append(p99, xs, batch.stream().mapToDouble(SweepPoint::p99Millis).toArray());
        SeriesBatch.append(throughput, xs, batch.stream().mapToDouble(SweepPoint::throughput).toArray());
        SeriesBatch.append(utilization, xs, batch.stream().mapToDouble(p -> p.utilization() * 100).toArray());
        progress.set((double) points.size() / (sweepTo - sweepFrom + 1));
    }

    private void finish(long id, FxBatch<SweepPoint> batch, boolean cancelled, RuntimeException failure,
                        CompletableFuture<List<SweepPoint>> done) {
        if (id != sweepId) {
            done.cancel(false); // another scenario was loaded meanwhile
            return;
        }
        batch.drain();
        running.set(false);
        worker = null;
        List<SweepPoint> swept = List.copyOf(points);
        if (failure != null) {
            message.set("The sweep failed: " + failure.getMessage());
            done.completeExceptionally(failure);
            return;
        }
        // sizes run in ascending order, so the first that meets the target is the smallest even after a cancel
        Optional<SweepPoint> best = swept.stream().filter(SweepPoint::meetsTarget).findFirst();
        recommendedSize.set(best.map(SweepPoint::poolSize).orElse(null));
        boolean cpu = ScenarioTraits.isCpuBound(scenario.get());
        explanation.set(swept.size() < 2 ? "" : SweepExplainer.explain(swept, cpu));
        String head = cancelled ? "Cancelled after " + swept.size() + " sizes. " : "";
        if (target == null) {
            message.set(head + "No target set: every size is shown, none is marked.");
        } else if (best.isPresent()) {
            message.set(head + "Smallest pool size that meets " + target.text() + ": " + best.get().poolSize() + ".");
        } else {
            message.set(head + "No pool size from " + sweepFrom + " to "
                    + (swept.isEmpty() ? sweepFrom : swept.getLast().poolSize()) + " meets " + target.text() + ".");
        }
        done.complete(swept);
    }

    public ReadOnlyObjectProperty<Scenario> scenarioProperty() {
        return scenario.getReadOnlyProperty();
    }

    public IntegerProperty fromSizeProperty() {
        return fromSize;
    }

    public IntegerProperty toSizeProperty() {
        return toSize;
    }

    /// The p99 bound, like "250ms" (blank: none).
    public StringProperty p99BoundProperty() {
        return p99Bound;
    }

    /// The throughput bound, like "100/s" (blank: none).
    public StringProperty throughputBoundProperty() {
        return throughputBound;
    }

    /// Run on the real clock instead of the simulated one.
    public BooleanProperty realClockProperty() {
        return realClock;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /// From 0 to 1.
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /// The smallest size that meets the target (null: none does, or no target).
    public ReadOnlyObjectProperty<Integer> recommendedSizeProperty() {
        return recommendedSize.getReadOnlyProperty();
    }

    /// The target of the sweep shown (null: none), for the charts' bound lines.
    public ReadOnlyObjectProperty<SweepTarget> sweptTargetProperty() {
        return sweptTarget.getReadOnlyProperty();
    }

    /// Why larger sizes stop helping, in one sentence derived from the swept data.
    public ReadOnlyStringProperty explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Integer> selectedSizeProperty() {
        return selectedSize.getReadOnlyProperty();
    }

    /// Called with a pool size when the user selects it; the main window opens that run in the timeline.
    public ObjectProperty<IntConsumer> onOpenRunProperty() {
        return onOpenRun;
    }

    /// The swept sizes, in order (changed on the FX thread only).
    public ObservableList<SweepPoint> points() {
        return readOnlyPoints;
    }

    /// p50, p95 and p99 latency in milliseconds against pool size.
    public XYSeriesCollection latencyData() {
        return latencyData;
    }

    /// Invocations ended per second against pool size.
    public XYSeriesCollection throughputData() {
        return throughputData;
    }

    /// Utilization in percent against pool size.
    public XYSeriesCollection utilizationData() {
        return utilizationData;
    }
}
