package dev.asynclab.app.tuning;

import dev.asynclab.lab.advise.Advice;
import dev.asynclab.lab.advise.Advisor;
import dev.asynclab.lab.advise.CpuVerdict;
import dev.asynclab.lab.advise.LogReading;
import dev.asynclab.lab.advise.Recorded;
import dev.asynclab.lab.advise.WorkloadFit;
import dev.asynclab.lab.audit.AuditLogException;
import dev.asynclab.lab.scenario.SweepTarget;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/// The Advice tab's state: an audit log, the sizes, target and rate to ask about, and the advice `asynclab
/// advise` gives — per size the predicted percentiles with the p99's interval, the recommendation, whether the
/// work is CPU-bound, and what the fit could not carry over. The fit and the replays run on a worker thread;
/// each finished size reaches the table through one batch per FX pulse.
///
/// ```java
/// var model = new AdviceViewModel();
/// model.logProperty().set(Path.of("rec/audit.jsonl"));
/// model.targetProperty().set("p99<50ms");
/// model.advise().thenAccept(advice -> System.out.println(advice.recommended()));
/// ```
public final class AdviceViewModel {

    private final Executor fxThread;
    private final ObjectProperty<Path> log = new SimpleObjectProperty<>();
    private final IntegerProperty fromSize = new SimpleIntegerProperty(1);
    private final IntegerProperty toSize = new SimpleIntegerProperty(16);
    private final StringProperty target = new SimpleStringProperty("");
    private final DoubleProperty rateScale = new SimpleDoubleProperty(1.0);
    private final IntegerProperty replicates = new SimpleIntegerProperty(30);
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("Open or drop an audit log (.jsonl).");
    private final StringProperty verdict = new SimpleStringProperty("");
    private final StringProperty notes = new SimpleStringProperty("");
    private final ObjectProperty<Integer> recommended = new SimpleObjectProperty<>();
    private final ObservableList<Advice.Size> rows = FXCollections.observableArrayList();
    private long adviceId; // rows of an advice replaced by a newer one are dropped

    public AdviceViewModel() {
        this(Platform::runLater);
    }

    /// @param fxThread where results are applied (the FX thread; a direct executor in tests without a screen)
    public AdviceViewModel(Executor fxThread) {
        this.fxThread = fxThread;
    }

    /// Takes a dropped or opened log; nothing is read until `advise`.
    public void open(Path file) {
        log.set(file);
        rows.clear();
        recommended.set(null);
        verdict.set("");
        notes.set("");
        message.set("Log " + file.getFileName() + ": choose sizes, a target and a rate, then Advise.");
    }

    /// Fits the log and replays it off the FX thread. The future completes, after the last row is shown, with
    /// the advice; it fails with the reason (one line: file, line, what) when the inputs or the log are wrong.
    public CompletableFuture<Advice> advise() {
        if (running.get()) {
            return CompletableFuture.failedFuture(new IllegalStateException("advice is already being worked out"));
        }
        Path file = log.get();
        SweepTarget goal;
        Advisor.Settings settings;
        try {
            if (file == null) {
                throw new IllegalArgumentException("open or drop an audit log first");
            }
            goal = target.get() == null || target.get().isBlank() ? null : SweepTarget.parse(target.get());
            if (goal != null) {
                Advisor.checkTarget(goal);
            }
            settings = new Advisor.Settings(fromSize.get(), toSize.get(), rateScale.get(), replicates.get(), 1);
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return CompletableFuture.failedFuture(e);
        }
        long id = ++adviceId;
        rows.clear();
        recommended.set(null);
        running.set(true);
        message.set("Fitting " + file.getFileName() + " and replaying it at sizes " + settings.from() + " to "
                + settings.to() + "...");
        var done = new CompletableFuture<Advice>();
        var batch = new FxBatch<Advice.Size>(fxThread, sizes -> {
            if (id == adviceId) {
                rows.addAll(sizes);
            }
        });
        int cores = Runtime.getRuntime().availableProcessors();
        Thread.ofPlatform().daemon(true).name("asynclab-advise").start(() -> {
            try {
                Recorded recorded = LogReading.read(file, cores);
                WorkloadFit fit = WorkloadFit.of(recorded, CpuVerdict.of(recorded, cores));
                fxThread.execute(() -> {
                    verdict.set(fit.cpu().reason());
                    notes.set(String.join("\n", fit.notes()));
                });
                Advice advice = Advisor.advise(fit, settings, goal, batch::add);
                fxThread.execute(() -> {
                    batch.drain();
                    finish(id, advice, goal, null, done);
                });
            } catch (InterruptedException e) {
                fxThread.execute(() -> finish(id, null, goal, e, done));
            } catch (RuntimeException e) {
                fxThread.execute(() -> finish(id, null, goal, e, done));
            }
        });
        return done;
    }

    private void finish(long id, Advice advice, SweepTarget goal, Exception error, CompletableFuture<Advice> done) {
        if (id != adviceId) {
            return;
        }
        running.set(false);
        if (error != null) {
            message.set(error instanceof AuditLogException a ? a.getMessage() : "could not advise: "
                    + error.getMessage());
            done.completeExceptionally(error);
            return;
        }
        advice.recommended().ifPresent(recommended::set);
        message.set(goal == null ? "Predictions for " + advice.sizes().size() + " sizes (no target: nothing to "
                + "recommend)." : advice.recommended().isPresent()
                ? "Smallest pool size that meets " + goal.text() + ": " + advice.recommended().getAsInt() + "."
                : "No size from " + advice.sizes().getFirst().pool() + " to " + advice.sizes().getLast().pool()
                + " meets " + goal.text() + ".");
        done.complete(advice);
    }

    public ObjectProperty<Path> logProperty() {
        return log;
    }

    public IntegerProperty fromSizeProperty() {
        return fromSize;
    }

    public IntegerProperty toSizeProperty() {
        return toSize;
    }

    public StringProperty targetProperty() {
        return target;
    }

    public DoubleProperty rateScaleProperty() {
        return rateScale;
    }

    public IntegerProperty replicatesProperty() {
        return replicates;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /// Whether the work is CPU-bound, in a sentence.
    public StringProperty verdictProperty() {
        return verdict;
    }

    /// What the fit could not carry over, a line each.
    public StringProperty notesProperty() {
        return notes;
    }

    public ObjectProperty<Integer> recommendedProperty() {
        return recommended;
    }

    /// The predictions, a row per pool size.
    public ObservableList<Advice.Size> rows() {
        return rows;
    }
}
