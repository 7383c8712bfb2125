package dev.asynclab.app.ui.main;

import dev.asynclab.app.ui.session.RunFold;
import dev.asynclab.app.ui.session.Session;
import dev.asynclab.engine.event.Event;
import dev.asynclab.lab.audit.AuditHeader;
import dev.asynclab.lab.audit.AuditLogException;
import dev.asynclab.lab.audit.AuditVerifier;
import dev.asynclab.lab.audit.VerificationReport;
import dev.asynclab.lab.story.RedFlag;
import dev.asynclab.lab.story.RedFlags;
import dev.asynclab.lab.story.RunHistory;
import dev.asynclab.lab.story.StepCaption;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
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
/// first `position` events, so the timeline and charts are those of the run at that moment; its summary, lints and
/// red flags are those of the whole log (what `asynclab summarize` prints). Each step has a caption in plain words
/// (`StepCaption`): what the last event shown did, told with what the whole log knows of it (a timeout's late
/// finish, say).
///
/// The log is read once, verified and indexed in the same pass, on a virtual thread; every event then enters the
/// session through its feed, as a live run's do (a seek hands the feed what the view lacks; a backward seek rewinds
/// the session's store first). A tour replays a run made in memory the same way ([#openRun]).
///
/// ```java
/// replay.open(session, Path.of("audit.jsonl"));   // reads, verifies and folds off the FX thread
/// replay.seek(0); replay.play();                  // from the start, at `speed`
/// ```
public final class ReplayViewModel {

    private Session session;
    private List<Event> events = List.of();
    private RunHistory history;
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active");
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing");
    private final IntegerProperty position = new SimpleIntegerProperty(this, "position");
    private final IntegerProperty length = new SimpleIntegerProperty(this, "length");
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 1.0);
    private final StringProperty header = new SimpleStringProperty(this, "header", "");
    private final StringProperty verification = new SimpleStringProperty(this, "verification", "");
    private final StringProperty caption = new SimpleStringProperty(this, "caption", "");
    private final ReadOnlyDoubleWrapper eventTime = new ReadOnlyDoubleWrapper(this, "eventTime", Double.NaN);
    private long playhead;
    private long lastFrame = -1;
    /// Where a `playTo` pauses (the whole log for a plain play), and the speed it plays there at.
    private int stopAt = Integer.MAX_VALUE;
    private double stopSpeed;
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
                RunHistory indexed = RunHistory.of(read);
                List<RedFlag> flags = result == null ? List.of() : RedFlags.rank(result.lints(), indexed);
                Platform.runLater(() -> show(into, head[0], read, report, result, indexed, flags));
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
                      RunFold.Result result, RunHistory indexed, List<RedFlag> flags) {
        if (session != into || into.isClosed()) {
            return; // another session replaced this one while the log was read
        }
        String truncated = report.truncation().map(t -> " · " + t.describe()).orElse("");
        show(read, indexed, result, flags, String.format(Locale.ROOT,
                "%s · run %s · %s clock · seed %d · started %s · engine %s%s", h.scenario(), h.runId(), h.clock(),
                h.seed(), h.start(), h.engineVersion(), h.label() == null ? "" : " · " + h.label()),
                (report.ok() ? "chain verified: " + report.events() + " events" : report.summary()) + truncated);
        seek(events.size());
    }

    /// Replays a run made in memory (a tour's) into `into`, from its start: `events` in order, `indexed` their
    /// history, `result` their fold and `flags` its lints ranked. No log, so no header.
    public void openRun(Session into, List<Event> run, RunHistory indexed, RunFold.Result result,
                        List<RedFlag> flags) {
        close();
        session = into;
        into.foldElsewhere();
        show(run, indexed, result, flags, "", "");
    }

    private void show(List<Event> run, RunHistory indexed, RunFold.Result result, List<RedFlag> flags,
                      String headerText, String verificationText) {
        events = run;
        history = indexed;
        header.set(headerText);
        verification.set(verificationText);
        if (result != null) {
            session.showResult(result);
            session.showRedFlags(flags);
        }
        length.set(events.size());
        position.set(0);
        caption.set("");
        active.set(true);
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
        caption.set(target == 0 || history == null ? "" : StepCaption.of(history, events.get(target - 1)));
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
        stopAt = Integer.MAX_VALUE;
        lastFrame = -1;
        playing.set(true);
        timer.start();
    }

    /// Plays on from here and pauses once `k` events are shown (a tour going on to its next step), at `speed` or
    /// faster, so that it takes no more than `longest` of wall time; a `k` behind the position is a plain seek.
    public void playTo(int k, java.time.Duration longest) {
        int target = Math.max(0, Math.min(events.size(), k));
        if (session == null || target <= position.get()) {
            pause();
            seek(target);
            return;
        }
        long gap = events.get(target - 1).t() - playhead;
        stopAt = target;
        stopSpeed = Math.max(speed.get(), gap / (double) Math.max(1, longest.toNanos()));
        lastFrame = -1;
        playing.set(true);
        timer.start();
    }

    public void pause() {
        timer.stop();
        playing.set(false);
        stopAt = Integer.MAX_VALUE;
    }

    /// Ends the replay (its session is being replaced).
    public void close() {
        pause();
        session = null;
        active.set(false);
        header.set("");
        verification.set("");
        events = List.of();
        history = null;
        length.set(0);
        position.set(0);
        caption.set("");
        eventTime.set(Double.NaN);
    }

    private void advance(long now) {
        boolean bounded = stopAt < Integer.MAX_VALUE;
        if (lastFrame >= 0) {
            playhead += (long) ((now - lastFrame) * (bounded ? stopSpeed : speed.get()));
        }
        lastFrame = now;
        int end = Math.min(events.size(), stopAt);
        int k = position.get();
        while (k < end && events.get(k).t() <= playhead) {
            k++;
        }
        if (k > position.get()) {
            seek(k);
            playhead = Math.max(playhead, events.get(k - 1).t());
        }
        if (k >= end) {
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

    /// The last event shown, in plain words: "12.0 ms — fetch-user #7 timed out after its 100 ms limit; ..."
    /// ("" before the first).
    public ReadOnlyStringProperty captionProperty() {
        return caption;
    }
}
