package dev.asynclab.app.ui.main;

import dev.asynclab.app.store.EventStore;
import dev.asynclab.app.ui.session.HeapRoom;
import dev.asynclab.app.ui.session.LogLoader;
import dev.asynclab.app.ui.session.LogWindow;
import dev.asynclab.app.ui.session.RunFold;
import dev.asynclab.app.ui.session.Session;
import dev.asynclab.app.ui.session.StoreHistory;
import dev.asynclab.engine.event.Event;
import dev.asynclab.lab.audit.AuditHeader;
import dev.asynclab.lab.audit.AuditLogException;
import dev.asynclab.lab.audit.LogIndex;
import dev.asynclab.lab.audit.LogIndexCache;
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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/// Replay of an audit log into its session: the log's header and verification result, play at any speed (in log
/// time per wall time), pause, scrub to any event, step one event forward or back. The session shows the log's
/// first `position` events, so the timeline and charts are those of the run at that moment; its summary, lints and
/// red flags are those of the whole log (what `asynclab summarize` prints). Each step has a caption in plain words
/// (`StepCaption`): what the last event shown did, told with what the whole log knows of it (a timeout's late
/// finish, say).
///
/// The log is read once, verified, folded and indexed into a store in the same pass, off the FX thread
/// ([LogLoader]), and that store is what the session shows of the whole log; no list of its events is ever held.
/// Fewer events enter the session through its feed, as a live run's do (a backward seek rewinds the session's
/// store first, and forward ones hand the feed what it lacks), read back from the store. A log too large for the
/// lab's story index ([StoreHistory]) is captioned from the events near each step. A tour replays a run made in
/// memory the same way ([#openRun]).
///
/// ```java
/// replay.open(session, Path.of("audit.jsonl"));   // reads, verifies and folds off the FX thread
/// replay.seek(0); replay.play();                  // from the start, at `speed`
/// ```
public final class ReplayViewModel {

    /// The most events handed to the session's feed at once (per frame).
    static final int CHUNK = 100_000;

    /// The most events of a window told whole, and so the most its red flags' examples are drawn from: a
    /// `RunHistory` keeps every event it indexes as an object, several times a store's bytes per event, and a
    /// window already fills most of the heap (a million-event one built after the window's store ran `-Xmx512m`
    /// out of memory).
    static final int WINDOW_WHOLE_EVENTS = 100_000;

    /// How far a log's estimated events (from the length of its first lines) may pass the heap's limit and still be
    /// read whole: the read stops at the limit if the log really holds more, and then opens it through its index.
    /// Without it a 10,000,002-event log went through its index with `-Xmx2g` (one window of all of it, after an
    /// index pass): its estimate, 11,180,955, passed the limit the heap free gave, 10,413,562 (and the 10,737,418
    /// that 70 % of the maximum heap gave before), while the whole log fitted under both.
    static final double ESTIMATE_SLACK = 1.1;

    private final StoreHistory stories;
    /// The same limits for a window of a log larger than the heap, its whole history capped.
    private final StoreHistory windowStories;
    /// Which of the two tells the events shown.
    private StoreHistory told;
    /// How many events a store may hold here ([LogLoader#fittingEvents] of the heap free, or a test's few); asked
    /// off the FX thread, just before a log or a window is read, once what was shown before has been let go.
    private final LongSupplier fitting;
    private final LogIndexCache indexes;
    private final LogWindowViewModel windows = new LogWindowViewModel();
    /// Set to stop the indexing pass under way (Cancel, or another file opened). Each open has its own flag, so
    /// a cancel can never reach a later pass; the pass's thread reads it between blocks.
    private AtomicBoolean cancelIndexing = new AtomicBoolean();
    private Session session;
    private ReplayEvents events = ReplayEvents.NONE;
    /// The whole run's history; null for a log too large to index whole ([StoreHistory]).
    private RunHistory history;
    /// How many events have been handed to the session since its store was last rewound, and how many it should
    /// have: a long seek hands them over a chunk per frame.
    private int offered;
    private int wanted;
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
    private final AnimationTimer catchUp = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (session == null) {
                stop();
            } else if (session.feed().backlog() < CHUNK) {
                feed();
            }
        }
    };

    public ReplayViewModel() {
        this(StoreHistory.APP);
    }

    /// A replay whose logs are told with `stories`'s limits (a test's tiny ones).
    public ReplayViewModel(StoreHistory stories) {
        this(stories, () -> LogLoader.fittingEvents(HeapRoom.free()), LogIndexCache.user());
    }

    /// A replay whose stores hold at most `fitting` events: a log with more opens through its index, kept in
    /// `indexes`, a window of `fitting` events (whole blocks) at a time. `fitting` is asked again before each
    /// window is read, on a background thread, after the window shown before has been let go.
    public ReplayViewModel(StoreHistory stories, LongSupplier fitting, LogIndexCache indexes) {
        this.stories = stories;
        this.windowStories = new StoreHistory(Math.min(stories.wholeLimit(), WINDOW_WHOLE_EVENTS), stories.margin());
        this.told = stories;
        this.fitting = fitting;
        this.indexes = indexes;
    }

    /// Reads, verifies, folds and indexes the log on background threads ([LogLoader]), then shows the whole
    /// store in `into` in one step. While it reads, the header says how far it is. A log larger than the heap
    /// holds (by its size, or found so while reading it) opens through an on-disk index instead, a window at a
    /// time ([#moveWindowTo]).
    public void open(Session into, Path file) {
        close();
        session = into;
        into.foldElsewhere();
        String name = file.getFileName().toString();
        header.set("reading " + name + " …");
        verification.set("");
        Thread.ofVirtual().name("audit-read").start(() -> {
            try {
                long expected = LogLoader.estimateEvents(file);
                long limit = fitting.getAsLong(); // here, not on the FX thread: measuring the heap free collects
                if (expected > limit * ESTIMATE_SLACK) {
                    Platform.runLater(() -> {
                        if (session == into) {
                            openWindowed(into, file, name, expected);
                        }
                    });
                    return;
                }
                LogLoader.Loaded loaded = LogLoader.load(file, LogLoader.PROGRESS_EVERY, limit,
                        n -> Platform.runLater(() -> {
                            if (session == into && !active.get()) {
                                header.set(reading(name, n, expected, limit));
                            }
                        }));
                if (loaded.cut()) {
                    // Its first lines made it look smaller than it is: index it and show it a window at a time.
                    Platform.runLater(() -> {
                        if (session == into) {
                            openWindowed(into, file, name, Math.max(expected, limit + 1));
                        }
                    });
                    return;
                }
                EventStore store = loaded.store();
                RunHistory whole = stories.covers(store) ? stories.whole(store) : null;
                List<RedFlag> flags = loaded.result() == null ? List.of()
                        : RedFlags.rank(loaded.result().lints(), whole != null ? whole : stories.head(store));
                Platform.runLater(() -> show(into, loaded, whole, flags));
            } catch (AuditLogException e) {
                failed(into, e);
            }
        });
    }

    /// A log larger than the heap holds: indexed first (or its kept index reused), then its first window read
    /// through the index, both off the FX thread; the window bar says how far indexing is and can cancel it.
    private void openWindowed(Session into, Path file, String name, long expected) {
        AtomicBoolean cancelled = new AtomicBoolean();
        cancelIndexing = cancelled;
        header.set("indexing " + name + " …");
        windows.indexing(name, 0, expected);
        Thread.ofVirtual().name("audit-index").start(() -> {
            try {
                long[] next = {LogLoader.PROGRESS_EVERY};
                LogIndex index = indexes.open(file, n -> {
                    if (n >= next[0]) {
                        next[0] = n + LogLoader.PROGRESS_EVERY;
                        Platform.runLater(() -> {
                            if (session == into && windows.indexingProperty().get()) {
                                windows.indexing(name, n, expected);
                            }
                        });
                    }
                }, cancelled::get);
                LogWindow first = LogWindow.first(index, 1); // sized when it is read
                Platform.runLater(() -> {
                    if (session == into) {
                        windows.indexed();
                        windows.loading(first);
                    }
                });
                readWindow(into, first);
            } catch (CancellationException e) {
                Platform.runLater(() -> {
                    if (session == into) {
                        header.set("");
                        windows.clear();
                        into.fail("indexing " + name + " was cancelled; open it again to index it");
                    }
                });
            } catch (AuditLogException e) {
                failed(into, e);
            }
        });
    }

    /// Reads the window from `target`'s first block into a new store on this (background) thread, as many whole
    /// blocks as the heap free now holds, then shows it in `into` on the FX thread. The window shown before must
    /// have been let go already: the heap free is measured with it gone.
    private void readWindow(Session into, LogWindow target) {
        long room = fitting.getAsLong();
        if (room < target.index().blockEvents()) {
            failed(into, new AuditLogException(target.index().log(), 0, 0, String.format(Locale.ROOT,
                    "the heap free (%,d MB of %,d MB) holds %,d events, less than one block of the log's index (%,d);"
                            + " give the app more (for instance JDK_JAVA_OPTIONS=-Xmx2g)", HeapRoom.free() >> 20,
                    Runtime.getRuntime().maxMemory() >> 20, room, target.index().blockEvents())));
            return;
        }
        LogWindow window = target.holding(room);
        try {
            LogLoader.Loaded loaded = LogLoader.loadWindow(window, LogLoader.PROGRESS_EVERY, n -> { });
            EventStore store = loaded.store();
            RunHistory whole = windowStories.covers(store) ? windowStories.whole(store) : null;
            List<RedFlag> flags = loaded.result() == null ? List.of()
                    : RedFlags.rank(loaded.result().lints(), whole != null ? whole : windowStories.head(store));
            Platform.runLater(() -> showWindow(into, window, loaded, whole, flags));
        } catch (OutOfMemoryError e) {
            // Whatever was built for the window is unreachable once this unwinds, so the app can go on and say so,
            // rather than leave the window bar loading for good (the ranking's history ran out too, before it was
            // capped).
            failed(into, new AuditLogException(target.index().log(), 0, 0, String.format(Locale.ROOT,
                    "a window of %,d events does not fit in this heap (%,d MB); give the app more (for instance "
                            + "JDK_JAVA_OPTIONS=-Xmx2g)", window.events(), Runtime.getRuntime().maxMemory() >> 20)));
        }
    }

    private void failed(Session into, AuditLogException e) {
        Platform.runLater(() -> {
            if (session == into) {
                header.set("");
                windows.clear();
                into.fail(e.getMessage());
            }
        });
    }

    private void showWindow(Session into, LogWindow window, LogLoader.Loaded loaded, RunHistory whole,
                            List<RedFlag> flags) {
        if (session != into || into.isClosed()) {
            return;
        }
        VerificationReport report = loaded.report();
        String checked = (report.ok() ? String.format(Locale.ROOT,
                "window verified (chain, seq, t) over its %,d events", report.events()) : "window: " + report.summary())
                + " · whole log: " + window.index().summary();
        String partial = whole != null ? "" : String.format(Locale.ROOT, " · captions and stories are told from the"
                + " %,d events before each call, red flags link to calls of the window's first %,d",
                windowStories.margin(), windowStories.wholeLimit());
        show(new ReplayEvents.Stored(loaded.store()), whole, loaded.result(), flags, headerLine(loaded.header()),
                checked + partial);
        told = windowStories;
        windows.show(window);
        seek(events.size());
    }

    /// Shows the window holding second `seconds` of the run, read through the log's index; nothing while a
    /// window loads or when no window of a larger log is shown.
    public void moveWindowTo(double seconds) {
        moveWindow(windows.target(seconds));
    }

    public void nextWindow() {
        moveWindow(windows.nextTarget());
    }

    public void previousWindow() {
        moveWindow(windows.previousTarget());
    }

    private void moveWindow(LogWindow target) {
        LogWindow now = windows.windowProperty().get();
        if (session == null || target == null || now == null || windows.loadingProperty().get()
                || target.firstBlock() == now.firstBlock()) {
            return;
        }
        Session into = session;
        pause();
        catchUp.stop();
        // The shown window's store goes before the next is sized and read: two would not fit in the heap, and the
        // next is sized from the heap free with this one gone. The session's rewind hands its views an empty store.
        dropShownEvents();
        into.rewind();
        windows.loading(target);
        Thread.ofVirtual().name("audit-window").start(() -> {
            try {
                readWindow(into, target);
            } catch (AuditLogException e) {
                failed(into, e);
            }
        });
    }

    /// Stops the indexing pass under way; the session then says it was cancelled.
    public void cancelIndexing() {
        cancelIndexing.set(true);
    }

    /// The window bar's state.
    public LogWindowViewModel windows() {
        return windows;
    }

    static String reading(String name, long events, long expected, long limit) {
        if (expected <= 0) {
            return String.format(Locale.ROOT, "reading %s … %,d events", name, events);
        }
        long goal = Math.min(expected, limit);
        return String.format(Locale.ROOT, "reading %s … %,d of about %,d events (%d %%)%s", name, events, expected,
                Math.min(99, events * 100 / goal), expected <= limit ? ""
                        : String.format(Locale.ROOT, "; the heap has room for the first %,d", limit));
    }

    private void show(Session into, LogLoader.Loaded loaded, RunHistory whole, List<RedFlag> flags) {
        if (session != into || into.isClosed()) {
            return; // another session replaced this one while the log was read
        }
        AuditHeader h = loaded.header();
        VerificationReport report = loaded.report();
        String checked = (report.ok() ? "chain verified: " + report.events() + " events" : report.summary())
                + report.truncation().map(t -> " · " + t.describe()).orElse("");
        String partial = whole != null ? "" : String.format(Locale.ROOT, " · too many events to index whole: "
                + "captions and stories are told from the %,d events before each call, red flags link to calls of "
                + "the first %,d", stories.margin(), stories.wholeLimit());
        show(new ReplayEvents.Stored(loaded.store()), whole, loaded.result(), flags, headerLine(h), checked + partial);
        told = stories;
        seek(events.size());
    }

    private static String headerLine(AuditHeader h) {
        return String.format(Locale.ROOT, "%s · run %s · %s clock · seed %d · started %s · engine %s%s", h.scenario(),
                h.runId(), h.clock(), h.seed(), h.start(), h.engineVersion(), h.label() == null ? "" : " · " + h.label());
    }

    /// Replays a run made in memory (a tour's) into `into`, from its start: `events` in order, `indexed` their
    /// history, `result` their fold and `flags` its lints ranked. No log, so no header.
    public void openRun(Session into, List<Event> run, RunHistory indexed, RunFold.Result result,
                        List<RedFlag> flags) {
        close();
        session = into;
        into.foldElsewhere();
        show(new ReplayEvents.Listed(run), indexed, result, flags, "", "");
    }

    private void show(ReplayEvents run, RunHistory indexed, RunFold.Result result, List<RedFlag> flags,
                      String headerText, String verificationText) {
        events = run;
        history = indexed;
        offered = 0;
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

    /// Shows the first `k` events. All of a log is its store, shown as it is; fewer are handed to the session's
    /// feed, at most `CHUNK` a frame, so a long seek never makes a list of millions of events at once.
    public void seek(int k) {
        if (session == null) {
            return; // no log open (the scrubber snapping back as a replay closes)
        }
        int target = Math.max(0, Math.min(events.size(), k));
        EventStore whole = events.whole();
        if (whole != null && target == events.size()) {
            catchUp.stop();
            if (session.store() != whole) {
                session.adopt(whole);
            }
            offered = target;
        } else if (target != position.get() || offered != target) {
            if (target < offered || (whole != null && session.store() == whole)) {
                session.rewind();
                offered = 0;
            }
            wanted = target;
            feed();
        }
        position.set(target);
        playhead = target == 0 ? 0 : events.time(target - 1);
        caption.set(target == 0 ? "" : caption(target - 1));
        eventTime.set(active.get() ? playhead : Double.NaN);
    }

    private String caption(int i) {
        if (history != null) {
            return StepCaption.of(history, events.event(i));
        }
        EventStore whole = events.whole();
        return whole == null ? "" : StepCaption.of(told.atEvent(whole, i), events.event(i));
    }

    /// Hands the session's feed the next events up to `wanted`, at most `CHUNK` of them, and comes back next
    /// frame for more while the feed has taken in what it was given.
    private void feed() {
        if (offered > wanted) {
            return;
        }
        int to = Math.min(wanted, offered + CHUNK);
        if (to > offered) {
            session.offer(events.range(offered, to));
            offered = to;
        }
        if (offered < wanted) {
            catchUp.start();
        } else {
            catchUp.stop();
        }
    }

    public void step(int delta) {
        pause();
        seek(position.get() + delta);
    }

    public void play() {
        if (events.size() == 0) {
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
        long gap = events.time(target - 1) - playhead;
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
        catchUp.stop();
        cancelIndexing.set(true);
        windows.clear();
        session = null;
        active.set(false);
        header.set("");
        verification.set("");
        dropShownEvents();
        eventTime.set(Double.NaN);
    }

    /// Lets go of the replayed events and their story, and rewinds the bar to an empty replay.
    private void dropShownEvents() {
        events = ReplayEvents.NONE;
        told = stories;
        history = null;
        offered = 0;
        wanted = 0;
        length.set(0);
        position.set(0);
        caption.set("");
    }

    private void advance(long now) {
        boolean bounded = stopAt < Integer.MAX_VALUE;
        if (lastFrame >= 0) {
            playhead += (long) ((now - lastFrame) * (bounded ? stopSpeed : speed.get()));
        }
        lastFrame = now;
        int end = Math.min(events.size(), stopAt);
        int k = position.get();
        while (k < end && events.time(k) <= playhead) {
            k++;
        }
        if (k > position.get()) {
            seek(k);
            playhead = Math.max(playhead, events.time(k - 1));
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
