package dev.asynclab.app.tuning;

import dev.asynclab.lab.metrics.RunSummary;
import dev.asynclab.lab.scenario.ClockMode;
import dev.asynclab.lab.scenario.Scenario;
import dev.asynclab.lab.scenario.ScenarioRun;
import dev.asynclab.lab.scenario.ScenarioRunner;
import dev.asynclab.lab.scenario.ScenarioScripts;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/// Two runs of one scenario side by side (two pool sizes, two seeds, or the real clock against the simulated
/// one): their latency distributions overlaid as CDFs, and a table of counts and percentiles with differences.
///
/// ```java
/// var compare = new CompareViewModel();
/// compare.load(Path.of("scenarios/14-mmc-queue.yaml"));
/// compare.left().poolSize().set(4);
/// compare.right().poolSize().set(6);
/// compare.compare().thenAccept(rows -> rows.forEach(r -> System.out.println(r.measure() + " " + r.differenceText())));
/// ```
public final class CompareViewModel {

    /// The editable settings of one side.
    /// The seed is text as typed, checked when the comparison starts.
    public record Side(String title, IntegerProperty poolSize, StringProperty seed, BooleanProperty realClock) {

        Side(String title) {
            this(title, new SimpleIntegerProperty(4), new SimpleStringProperty("0"), new SimpleBooleanProperty(false));
        }

        /// Throws `IllegalArgumentException` saying which field is wrong and what it expects.
        public RunSpec spec() {
            long parsed;
            try {
                parsed = Long.parseLong(seed.get().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(title + " seed: expected a whole number, was '" + seed.get() + "'");
            }
            return new RunSpec(poolSize.get(), parsed, realClock.get() ? ClockMode.REAL : ClockMode.SIMULATED);
        }
    }

    private final Executor fxThread;
    private final ReadOnlyObjectWrapper<Scenario> scenario = new ReadOnlyObjectWrapper<>();
    private final Side left = new Side("left");
    private final Side right = new Side("right");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("Open a scenario to compare two runs.");
    private final ObservableList<ComparisonRow> rows = FXCollections.observableArrayList();
    private final XYSeries leftCdf = new XYSeries("left", true, true);
    private final XYSeries rightCdf = new XYSeries("right", true, true);
    private final XYSeriesCollection cdfData = new XYSeriesCollection();
    private volatile ScenarioRun current;
    private volatile boolean cancelled;

    public CompareViewModel() {
        this(Platform::runLater);
    }

    /// @param fxThread where results are applied (the FX thread; a direct executor in tests without a screen)
    public CompareViewModel(Executor fxThread) {
        this.fxThread = fxThread;
        cdfData.addSeries(leftCdf);
        cdfData.addSeries(rightCdf);
    }

    /// Loads a scenario file; on a problem the message names file, line and column.
    public boolean load(Path file) {
        return ScenarioFiles.load(file, this::setScenario, message::set);
    }

    /// Uses `loaded`, with both sides set to its pool size (or 4) and its seed; the right side's seed differs by one.
    public void setScenario(Scenario loaded) {
        scenario.set(loaded);
        int size = loaded.pool().map(p -> p.size()).orElse(4);
        left.poolSize.set(size);
        right.poolSize.set(size);
        left.seed.set(Long.toString(loaded.seed()));
        right.seed.set(Long.toString(loaded.seed() + 1));
        left.realClock.set(false);
        right.realClock.set(false);
        rows.clear();
        message.set("Loaded " + loaded.name() + ". Set the two runs, then Compare.");
    }

    /// Runs both sides one after the other off the FX thread; completes after the table and chart are updated.
    public CompletableFuture<List<ComparisonRow>> compare() {
        if (running.get()) {
            return CompletableFuture.failedFuture(new IllegalStateException("a comparison is already running"));
        }
        Scenario s = scenario.get();
        if (s == null) {
            message.set("open a scenario first");
            return CompletableFuture.failedFuture(new IllegalArgumentException("open a scenario first"));
        }
        RunSpec a;
        RunSpec b;
        try {
            a = left.spec();
            b = right.spec();
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return CompletableFuture.failedFuture(e);
        }
        running.set(true);
        cancelled = false;
        message.set("Running " + a.label() + ", then " + b.label() + "...");
        var done = new CompletableFuture<List<ComparisonRow>>();
        Thread.ofPlatform().daemon(true).name("asynclab-compare").start(() -> {
            try {
                var leftLatency = new LatencyDistribution();
                RunSummary leftSummary = runOne(s, a, leftLatency);
                var rightLatency = new LatencyDistribution();
                RunSummary rightSummary = runOne(s, b, rightLatency);
                List<ComparisonRow> table = RunComparison.rows(leftSummary, rightSummary);
                XYSeries l = leftLatency.cdf("left: " + a.label());
                XYSeries r = rightLatency.cdf("right: " + b.label());
                fxThread.execute(() -> show(table, l, r, a, b, done));
            } catch (InterruptedException | RuntimeException e) {
                fxThread.execute(() -> {
                    running.set(false);
                    message.set(e instanceof InterruptedException ? "Cancelled." : "The run failed: " + e.getMessage());
                    done.completeExceptionally(e);
                });
            }
        });
        return done;
    }

    /// Stops the comparison's current run.
    public void cancel() {
        cancelled = true;
        ScenarioRun run = current;
        if (run != null) {
            run.stop();
        }
    }

    private RunSummary runOne(Scenario s, RunSpec spec, LatencyDistribution latency) throws InterruptedException {
        if (cancelled) {
            throw new InterruptedException("cancelled");
        }
        ScenarioRun run = ScenarioRunner.start(s, spec.options(), List.of(latency), ScenarioScripts.shared());
        current = run;
        RunSummary summary = run.await();
        if (run.wasStopped()) {
            throw new InterruptedException("cancelled");
        }
        return summary;
    }

    private void show(List<ComparisonRow> table, XYSeries l, XYSeries r, RunSpec a, RunSpec b,
                      CompletableFuture<List<ComparisonRow>> done) {
        rows.setAll(table);
        copy(l, leftCdf);
        copy(r, rightCdf);
        long differing = table.stream().filter(row -> !row.isZero()).count();
        message.set(differing == 0 ? "The two runs (" + a.label() + " and " + b.label() + ") show no difference."
                : differing + " of " + table.size() + " measures differ between " + a.label() + " and "
                + b.label() + ".");
        running.set(false);
        done.complete(table);
    }

    private static void copy(XYSeries from, XYSeries to) {
        double[] xs = new double[from.getItemCount()];
        double[] ys = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = from.getX(i).doubleValue();
            ys[i] = from.getY(i).doubleValue();
        }
        to.setKey(from.getKey());
        SeriesBatch.replace(to, xs, ys);
    }

    public ReadOnlyObjectProperty<Scenario> scenarioProperty() {
        return scenario.getReadOnlyProperty();
    }

    public Side left() {
        return left;
    }

    public Side right() {
        return right;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /// The table: counts, latency percentiles, throughput and utilization of both runs and their differences.
    public ObservableList<ComparisonRow> rows() {
        return rows;
    }

    /// Both runs' latency CDFs: latency in milliseconds against the fraction of invocations at or below it.
    public XYSeriesCollection cdfData() {
        return cdfData;
    }
}
