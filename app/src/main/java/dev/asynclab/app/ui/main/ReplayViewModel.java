package dev.asynclab.app.ui.main;

import dev.asynclab.app.store.EventStore;
import dev.asynclab.lab.audit.AuditHeader;
import dev.asynclab.lab.audit.AuditLog;
import dev.asynclab.lab.audit.AuditLogException;
import dev.asynclab.lab.audit.AuditLogReader;
import dev.asynclab.lab.audit.AuditVerifier;
import dev.asynclab.lab.audit.VerificationReport;
import dev.asynclab.engine.event.Event;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/// Replay of an audit log: its header and verification result, play at any speed (in log time per wall time),
/// pause, scrub to any event, step one event forward or back. The events shown are always the log's first
/// `position` events, so the timeline and charts are those of the run at that moment.
///
/// ```java
/// replay.open(Path.of("audit.jsonl"));   // reads and verifies off the FX thread, then shows it all
/// replay.seek(0); replay.play();         // from the start, at `speed`
/// ```
public final class ReplayViewModel {

    private final MainViewModel main;
    private List<Event> events = List.of();
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active");
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing");
    private final IntegerProperty position = new SimpleIntegerProperty(this, "position");
    private final IntegerProperty length = new SimpleIntegerProperty(this, "length");
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 1.0);
    private final StringProperty header = new SimpleStringProperty(this, "header", "");
    private final StringProperty verification = new SimpleStringProperty(this, "verification", "");
    private long playhead;
    private long lastFrame = -1;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            advance(now);
        }
    };

    ReplayViewModel(MainViewModel main) {
        this.main = main;
    }

    /// Reads and verifies the log on a background thread, then shows all of it.
    public void open(Path file) {
        close();
        main.showingWelcomeProperty().set(false);
        main.titleProperty().set(file.getFileName().toString());
        main.errorProperty().set("");
        main.summaryProperty().set("");
        header.set("reading " + file.getFileName() + " …");
        Thread.ofVirtual().name("audit-read").start(() -> {
            try {
                AuditLog log = AuditLogReader.read(file);
                VerificationReport report = AuditVerifier.verify(file);
                Platform.runLater(() -> show(log, report));
            } catch (AuditLogException e) {
                Platform.runLater(() -> {
                    header.set("");
                    main.errorProperty().set(e.getMessage());
                });
            }
        });
    }

    private void show(AuditLog log, VerificationReport report) {
        events = log.events();
        AuditHeader h = log.header();
        header.set(String.format(Locale.ROOT, "%s · run %s · %s clock · seed %d · started %s · engine %s%s",
                h.scenario(), h.runId(), h.clock(), h.seed(), h.start(), h.engineVersion(),
                h.label() == null ? "" : " · " + h.label()));
        String truncated = log.truncation().map(t -> " · " + t.describe()).orElse("");
        verification.set((report.ok() ? "chain verified: " + report.events() + " events" : report.summary())
                + truncated);
        length.set(events.size());
        position.set(0);
        main.replaceStore(new EventStore());
        active.set(true);
        seek(events.size());
    }

    /// Shows the first `k` events.
    public void seek(int k) {
        int target = Math.max(0, Math.min(events.size(), k));
        int now = position.get();
        if (target < now) {
            EventStore rebuilt = new EventStore();
            rebuilt.appendAll(events.subList(0, target));
            main.replaceStore(rebuilt);
        } else if (target > now) {
            main.append(events.subList(now, target));
        }
        position.set(target);
        playhead = target == 0 ? 0 : events.get(target - 1).t();
    }

    public void step(int delta) {
        pause();
        seek(position.get() + delta);
    }

    public void play() {
        if (events.isEmpty()) {
            return;
        }
        if (position.get() >= events.size()) {
            seek(0);
        }
        lastFrame = -1;
        playing.set(true);
        timer.start();
    }

    public void pause() {
        timer.stop();
        playing.set(false);
    }

    public void close() {
        pause();
        active.set(false);
        events = List.of();
        length.set(0);
        position.set(0);
    }

    private void advance(long now) {
        if (lastFrame >= 0) {
            playhead += (long) ((now - lastFrame) * speed.get());
        }
        lastFrame = now;
        int k = position.get();
        while (k < events.size() && events.get(k).t() <= playhead) {
            k++;
        }
        if (k > position.get()) {
            seek(k);
            playhead = Math.max(playhead, events.get(k - 1).t());
        }
        if (k >= events.size()) {
            pause();
        }
    }

    public BooleanProperty activeProperty() {
        return active;
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    public IntegerProperty positionProperty() {
        return position;
    }

    public IntegerProperty lengthProperty() {
        return length;
    }

    /// Log time per wall time: 1 is as recorded, 0.1 ten times slower.
    public DoubleProperty speedProperty() {
        return speed;
    }

    public StringProperty headerProperty() {
        return header;
    }

    public StringProperty verificationProperty() {
        return verification;
    }
}
