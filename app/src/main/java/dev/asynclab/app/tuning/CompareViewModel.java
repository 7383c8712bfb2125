package dev.asynclab.app.tuning;

import dev.asynclab.lab.audit.AuditLogReader;
import dev.asynclab.lab.metrics.RunMetrics;
import dev.asynclab.lab.metrics.RunSummary;
import dev.asynclab.lab.scenario.ClockMode;
import dev.asynclab.lab.scenario.Scenario;
import dev.asynclab.lab.scenario.ScenarioRun;
import dev.asynclab.lab.scenario.ScenarioRunner;
import dev.asynclab.lab.scenario.ScenarioScripts;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
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

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/// Two runs side by side — any two: the same scenario at two pool sizes, two seeds, the real clock against the
/// simulated one, two different scenarios, or a recorded audit log against a run or another log — their latency
/// distributions overlaid as CDFs, and a table of counts and percentiles with differences. Each side is a
/// scenario (run on the engine with its pool size, seed and clock) or an audit log (read, not run).
///
/// ```java
/// var compare = new CompareViewModel();
/// compare.load(Path.of("scenarios/14-mmc-queue.yaml"));          // both sides
/// compare.load(compare.right(), Path.of("rec/audit.jsonl"));     // the right side: a recorded log
/// compare.compare().thenAccept(rows -> rows.forEach(r -> System.out.println(r.measure() + " " + r.differenceText())));
/// ```
public final class CompareViewModel {

    /// One side: what it shows (a scenario, or a log when `log` is set) and, for a scenario, the run's settings.
    /// The seed is text as typed, checked when the comparison starts.
    public record Side(String title, ObjectProperty<Scenario> scenario, ObjectProperty<Path> log,
                       IntegerProperty poolSize, StringProperty seed, BooleanProperty realClock) {

        Side(String title) {
            this(title, new SimpleObjectProperty<>(), new SimpleObjectProperty<>(), new SimpleIntegerProperty(4),
                    new SimpleStringProperty("0"), new SimpleBooleanProperty(false));
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

        /// True when this side is an audit log (read, not run).
        public boolean isLog() {
            return log.get() != null;
        }

        /// What this side holds, in a few words: "Pool saturation" or "audit.jsonl (recorded)"; "" for nothing.
        public String source() {
            if (isLog()) {
                return log.get().getFileName() + " (recorded)";
            }
            return scenario.get() == null ? "" : scenario.get().name();
        }

        /// Takes `loaded` with its own pool size (or 4) and seed; a log this side held goes.
        void use(Scenario loaded, long seedOffset) {
            log.set(null);
            scenario.set(loaded);
            poolSize.set(loaded.pool().map(p -> p.size()).orElse(4));
            seed.set(Long.toString(loaded.seed() + seedOffset));
            realClock.set(false);
        }
    }

    /// A side made ready to read or run off the FX thread: its label for the table and chart, and how to get its
    /// summary and latencies.
    private record Prepared(String label, Scenario scenario, RunSpec spec, Path log) {
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

    /// Loads a scenario file for both sides; on a problem the message names file, line and column.
    public boolean load(Path file) {
        return ScenarioFiles.load(file, this::setScenario, message::set);
    }

    /// Loads one side: a scenario (`.yaml`; a problem shows in the message, with file, line and column) or an
    /// audit log (`.jsonl`, read when Compare is pressed). The other side keeps what it has.
    public boolean load(Side side, Path file) {
        if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".jsonl")) {
            side.scenario.set(null);
            side.log.set(file);
            loadedOne(side);
            return true;
        }
        return ScenarioFiles.load(file, loaded -> {
            side.use(loaded, 0);
            loadedOne(side);
        }, message::set);
    }

    private void loadedOne(Side side) {
        rows.clear();
        message.set(side.title() + ": " + side.source() + ". Compare when both sides are set.");
    }

    /// Uses `loaded` on both sides, each at its pool size (or 4) and its seed; the right side's seed differs by one.
    public void setScenario(Scenario loaded) {
        scenario.set(loaded);
        left.use(loaded, 0);
        right.use(loaded, 1);
        rows.clear();
        message.set("Loaded " + loaded.name() + ". Set the two runs, then Compare.");
    }

    /// Runs (or reads) both sides one after the other off the FX thread; completes after the table and chart are
    /// updated.
    public CompletableFuture<List<ComparisonRow>> compare() {
        if (running.get()) {
            return CompletableFuture.failedFuture(new IllegalStateException("a comparison is already running"));
        }
        Prepared a;
        Prepared b;
        try {
            a = prepare(left);
            b = prepare(right);
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return CompletableFuture.failedFuture(e);
        }
        running.set(true);
        cancelled = false;
        message.set((a.log() == null ? "Running " : "Reading ") + a.label() + ", then " + b.label() + "...");
        var done = new CompletableFuture<List<ComparisonRow>>();
        Thread.ofPlatform().daemon(true).name("asynclab-compare").start(() -> {
            try {
                var leftLatency = new LatencyDistribution();
                RunSummary leftSummary = summarize(a, leftLatency);
                var rightLatency = new LatencyDistribution();
                RunSummary rightSummary = summarize(b, rightLatency);
                List<ComparisonRow> table = RunComparison.rows(leftSummary, rightSummary);
                XYSeries l = leftLatency.cdf("left: " + a.label());
                XYSeries r = rightLatency.cdf("right: " + b.label());
                fxThread.execute(() -> show(table, l, r, a.label(), b.label(), done));
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

    /// What a side will compare, checked on the FX thread: a log, or a scenario with valid settings.
    private static Prepared prepare(Side side) {
        if (side.isLog()) {
            return new Prepared(side.source(), null, null, side.log().get());
        }
        if (side.scenario().get() == null) {
            throw new IllegalArgumentException(side.title() + ": open a scenario or an audit log first");
        }
        RunSpec spec = side.spec();
        return new Prepared(side.source() + ", " + spec.label(), side.scenario().get(), spec, null);
    }

    private RunSummary summarize(Prepared side, LatencyDistribution latency) throws InterruptedException {
        return side.log() != null ? readLog(side.log(), latency) : runOne(side.scenario(), side.spec(), latency);
    }

    /// A recorded run: the log's events through the same fold a run's go through (`RunMetrics`, the CDF's sink).
    private RunSummary readLog(Path log, LatencyDistribution latency) throws InterruptedException {
        if (cancelled) {
            throw new InterruptedException("cancelled");
        }
        var metrics = new RunMetrics(0);
        try (var reader = AuditLogReader.open(log)) {
            reader.forEach(e -> {
                metrics.onEvent(e);
                latency.onEvent(e);
            });
        }
        return metrics.summary();
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

    private void show(List<ComparisonRow> table, XYSeries l, XYSeries r, String a, String b,
                      CompletableFuture<List<ComparisonRow>> done) {
        rows.setAll(table);
        copy(l, leftCdf);
        copy(r, rightCdf);
        long differing = table.stream().filter(row -> !row.isZero()).count();
        message.set(differing == 0 ? "The two runs (" + a + " and " + b + ") show no difference."
                : differing + " of " + table.size() + " measures differ between " + a + " and " + b + ".");
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

    /// The scenario last given to both sides (each side may since hold another, or a log).
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
