package dev.asynclab.app.ui.main;

import dev.asynclab.app.ui.session.RunFold;
import dev.asynclab.app.ui.session.Session;
import dev.asynclab.engine.event.Event;
import dev.asynclab.lab.audit.AuditHeader;
import dev.asynclab.lab.audit.AuditLogException;
import dev.asynclab.lab.audit.AuditVerifier;
import dev.asynclab.lab.audit.VerificationReport;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/// Replay of an audit log into its session: the log's header and verification result, play at any speed (in log
/// time per wall time), pause, scrub to any event, step one event forward or back. The session shows the log's
/// first `position` events, so the timeline and charts are those of the run at that moment; its summary and
/// lints are those of the whole log (what `asynclab summarize` prints).
///
/// The log is read once, verified in the same pass, on a virtual thread; every event then enters the session
/// through its feed, as a live run's do (a seek hands the feed what the view lacks; a backward seek rewinds the
/// session's store first).
///
/// ```java
/// replay.open(session, Path.of("audit.jsonl"));   // reads, verifies and folds off the FX thread
/// replay.seek(0); replay.play();                  // from the start, at `speed`
/// ```
public final class ReplayViewModel {

    private Session session;
    private List<Event> events = List.of();
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active");
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing");
    private final IntegerProperty position = new SimpleIntegerProperty(this, "position");
    private final IntegerProperty length = new SimpleIntegerProperty(this, "length");
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 1.0);
    private final StringProperty header = new SimpleStringProperty(this, "header", "");
    private final StringProperty verification = new SimpleStringProperty(this, "verification", "");
    private final ReadOnlyDoubleWrapper eventTime = new ReadOnlyDoubleWrapper(this, "eventTime", Double.NaN);
    private long playhead;
    private long lastFrame = -1;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            advance(now);
        }
    };

    /// Reads, verifies and folds the log on a background thread, then hands all of it to `into`'s feed.
    public void open(Session into, Path file) {
        close();
        session = into;
        into.foldElsewhere();
        header.set("reading " + file.getFileName() + " …");
        verification.set("");
        Thread.ofVirtual().name("audit-read").start(() -> {
            List<Event> read = new ArrayList<>();
            AuditHeader[] head = new AuditHeader[1];
            RunFold fold = new RunFold(null);
            try {
                VerificationReport report = AuditVerifier.read(file, h -> head[0] = h, e -> {
                    read.add(e);
                    fold.take(e);
                });
                RunFold.Result result = read.isEmpty() ? null : fold.result();
                Platform.runLater(() -> show(into, head[0], read, report, result));
            } catch (AuditLogException e) {
                Platform.runLater(() -> {
                    if (session == into) {
                        header.set("");
                        into.fail(e.getMessage());
                    }
                });
            }
        });
    }

    private void show(Session into, AuditHeader h, List<Event> read, VerificationReport report,
                      RunFold.Result result) {
        if (session != into || into.isClosed()) {
            return; // another session replaced this one while the log was read
        }
        events = read;
        header.set(String.format(Locale.ROOT, "%s · run %s · %s clock · seed %d · started %s · engine %s%s",
                h.scenario(), h.runId(), h.clock(), h.seed(), h.start(), h.engineVersion(),
                h.label() == null ? "" : " · " + h.label()));
        String truncated = report.truncation().map(t -> " · " + t.describe()).orElse("");
        verification.set((report.ok() ? "chain verified: " + report.events() + " events" : report.summary())
                + truncated);
        if (result != null) {
            into.showResult(result);
        }
        length.set(events.size());
        position.set(0);
        active.set(true);
        seek(events.size());
    }

    /// Shows the first `k` events.
    public void seek(int k) {
        if (session == null) {
            return; // no log open (the scrubber snapping back as a replay closes)
        }
        int target = Math.max(0, Math.min(events.size(), k));
        int now = position.get();
        if (target < now) {
            session.rewind();
            session.offer(events.subList(0, target));
        } else if (target > now) {
            session.offer(events.subList(now, target));
        }
        position.set(target);
        playhead = target == 0 ? 0 : events.get(target - 1).t();
        eventTime.set(active.get() ? playhead : Double.NaN);
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

    /// Ends the replay (its session is being replaced).
    public void close() {
        pause();
        session = null;
        active.set(false);
        header.set("");
        verification.set("");
        events = List.of();
        length.set(0);
        position.set(0);
        eventTime.set(Double.NaN);
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

    /// The time of the last event shown (0 before the first), on the log's clock in nanoseconds; NaN when no log
    /// is replayed. The timeline's playhead follows it.
    public ReadOnlyDoubleProperty eventTimeProperty() {
        return eventTime.getReadOnlyProperty();
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
