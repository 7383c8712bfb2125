package dev.asynclab.app.ui.session;

import dev.asynclab.app.feed.FeedListener;
import dev.asynclab.app.feed.FxEventFeed;
import dev.asynclab.app.store.EventStore;
import dev.asynclab.app.ui.run.RunSource;
import dev.asynclab.app.ui.timeline.Highlight;
import dev.asynclab.engine.event.Event;
import dev.asynclab.lab.metrics.RunSummary;
import dev.asynclab.lab.scenario.Lint;
import dev.asynclab.lab.scenario.Scenario;
import dev.asynclab.lab.story.RedFlag;
import dev.asynclab.lab.story.RedFlags;
import dev.asynclab.lab.story.RunHistory;
import javafx.application.Platform;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/// Everything shown for one source — a scenario run, a what-if rerun, a replayed log, a followed log, a tour, a
/// broken file: the source, its event store, its summary, lints and red flags, the selection, the highlight, the
/// title, its error. Opening anything new makes a new session and drops the old one whole, so nothing of it can
/// linger in any view.
///
/// Every source enters through the session's one `FxEventFeed` (a run's and a followed log's producer threads,
/// a replay's reads and steps alike), so the frame budget, the backlog count and the drawing are the same for
/// all. A live source's events are folded as they arrive by `RunFold`, the fold the command line uses, on the
/// source's thread before they enter the feed (`FoldingSink`); a replay hands in the fold of the whole log it has
/// read ([#showResult]).
///
/// FX thread only, except the feed's producer side.
///
/// ```java
/// Session s = new Session(new SessionSource.FollowedLog(path));
/// s.start(new AuditTailSource(path));   // events reach s.store() once per frame
/// s.close();                            // when the next session replaces it
/// ```
public final class Session {

    private final SessionSource source;
    private final FxEventFeed feed;
    private final EventRate rate = new EventRate();
    private final ReadOnlyObjectWrapper<EventStore> store = new ReadOnlyObjectWrapper<>(this, "store",
            new EventStore());
    private final ReadOnlyLongWrapper version = new ReadOnlyLongWrapper(this, "version");
    private final ReadOnlyObjectWrapper<StatusCounts> counts = new ReadOnlyObjectWrapper<>(this, "counts",
            StatusCounts.ZERO);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper shortSummary = new ReadOnlyStringWrapper(this, "shortSummary", "");
    private final ReadOnlyObjectWrapper<RunSummary> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ObservableList<Lint> lints = FXCollections.observableArrayList();
    private final ObservableList<Lint> lintsView = FXCollections.unmodifiableObservableList(lints);
    private final ObservableList<RedFlag> redFlags = FXCollections.observableArrayList();
    private final ObservableList<RedFlag> redFlagsView = FXCollections.unmodifiableObservableList(redFlags);
    private final IntegerProperty selectedSlot = new SimpleIntegerProperty(this, "selectedSlot", -1);
    private final ObjectProperty<Highlight> highlight = new SimpleObjectProperty<>(this, "highlight",
            Highlight.NONE);
    /// Folds arriving events, or null when the result comes whole from elsewhere (a replay reads the log first).
    private RunFold fold;
    private RunSource producer;
    private boolean closed;

    public Session(SessionSource source) {
        this.source = source;
        this.fold = new RunFold(source.scenario().orElse(null));
        this.feed = new FxEventFeed(new FeedListener() {
            @Override
            public void onFrame(List<Event> batch) {
                take(batch);
            }

            @Override
            public void onClosed() {
                producerClosed();
            }
        });
        if (source instanceof SessionSource.BrokenFile broken) {
            error.set(broken.problem());
        }
    }

    /// A session that shows only why its file could not be opened.
    public static Session broken(java.nio.file.Path file, String problem) {
        return new Session(new SessionSource.BrokenFile(file, problem));
    }

    /// Starts a producer into this session's feed; its events fold into the summary and lints, shown when it
    /// closes.
    public void start(RunSource next) {
        if (closed) {
            throw new IllegalStateException("a closed session cannot start anything");
        }
        producer = next;
        running.set(true);
        next.start(fold == null ? feed : new FoldingSink(fold, feed));
    }

    /// Stops the producer, if any; the events so far stay.
    public void stop() {
        if (producer != null) {
            producer.stop();
        }
    }

    /// Drops this session: stops its producer and ignores whatever its feed still holds.
    public void close() {
        closed = true;
        stop();
        feed.discard();
        running.set(false);
    }

    /// Hands events in from the FX thread (a replay playing or stepping): they enter through the feed like any.
    public void offer(List<Event> events) {
        if (!closed) {
            feed.offerAll(events);
        }
    }

    /// Starts the store again from nothing (a replay seeking backwards): what the feed still holds is dropped,
    /// the selection too (its slot may not exist any more); the highlight stays (it names ids or latencies).
    public void rewind() {
        feed.discard();
        selectedSlot.set(-1);
        EventStore fresh = new EventStore();
        store.set(fresh);
        counts.set(StatusCounts.of(fresh, 0, 0));
        version.set(version.get() + 1);
    }

    /// Shows `loaded` as this session's store, in one step: a replayed log indexed off the FX thread
    /// ([LogLoader]), or brought back whole after a rewind. What the feed still holds is dropped (it was on its
    /// way to the store this one replaces); the selection stays, as slots are numbered the same in any store of
    /// the same events. `loaded` must no longer change on any other thread: handing it over is what publishes it.
    public void adopt(EventStore loaded) {
        if (closed) {
            return;
        }
        feed.discard();
        store.set(loaded);
        counts.set(StatusCounts.of(loaded, 0, 0));
        version.set(version.get() + 1);
    }

    /// The summary and lints come whole from elsewhere (a replay folds the log as it reads it): arriving events
    /// are not folded.
    public void foldElsewhere() {
        fold = null;
    }

    /// Shows a fold's summary and lints.
    public void showResult(RunFold.Result r) {
        result.set(r.summary());
        lints.setAll(r.lints());
        summary.set(r.line());
        shortSummary.set(r.shortLine());
    }

    /// Shows the lints ranked as red flags (a source that has indexed its events ranks them itself: a replay, a
    /// tour).
    public void showRedFlags(List<RedFlag> flags) {
        redFlags.setAll(flags);
    }

    /// The source failed (a run that could not start, a log that cannot be read): says so and stops.
    public void fail(String message) {
        error.set(message);
        running.set(false);
    }

    private void take(List<Event> batch) {
        if (closed) {
            return;
        }
        EventStore s = store.get();
        s.appendAll(batch); // folded already, on the producer's thread (FoldingSink)
        counts.set(StatusCounts.of(s, rate.add(System.nanoTime(), batch.size()), feed.backlog()));
        version.set(version.get() + 1);
    }

    private void producerClosed() {
        if (closed) {
            return;
        }
        running.set(false);
        EventStore s = store.get();
        counts.set(StatusCounts.of(s, 0, 0));
        if (fold != null && error.get().isEmpty() && s.size() > 0) {
            RunFold.Result r = fold.result();
            showResult(r);
            rankInBackground(r.lints(), s);
        }
    }

    /// Ranking links each lint to the invocations that show it, which takes every event indexed (`RunHistory`):
    /// done off the FX thread, from the store, which no longer changes once its producer has closed (a rewind
    /// makes a new one), and handed back in one hop.
    private void rankInBackground(List<Lint> found, EventStore frozen) {
        if (found.isEmpty()) {
            redFlags.clear();
            return;
        }
        Thread.ofVirtual().name("red-flags").start(() -> {
            List<Event> events = new ArrayList<>(frozen.size());
            for (int i = 0; i < frozen.size(); i++) {
                events.add(frozen.event(i));
            }
            List<RedFlag> ranked = RedFlags.rank(found, RunHistory.of(events));
            Platform.runLater(() -> {
                if (!closed && store.get() == frozen) {
                    redFlags.setAll(ranked);
                }
            });
        });
    }

    /// The slot of each invocation a lint names (for a group lint, every member of those groups).
    public int[] slotsOf(Lint lint) {
        EventStore s = store.get();
        var inv = s.invocations();
        var ids = new java.util.HashSet<>(lint.ids());
        return java.util.stream.IntStream.range(0, inv.size())
                .filter(slot -> ids.contains(lint.groupIds() ? inv.group(slot) : inv.id(slot))).toArray();
    }

    /// Selects the first invocation a lint names and highlights all of them; the selected slot, -1 if none is in
    /// the store.
    public int focus(Lint lint) {
        int[] slots = slotsOf(lint);
        highlight.set(Highlight.ids(lint.ids(), lint.groupIds(), lint.code() + " · " + lint.subject()));
        selectedSlot.set(slots.length == 0 ? -1 : slots[0]);
        return selectedSlot.get();
    }

    /// Selects the first invocation a red flag links to that is in the store, and highlights all of them; the
    /// selected slot, -1 if none is in the store.
    public int focus(RedFlag flag) {
        highlight.set(Highlight.ids(flag.ids(), false, flag.code() + " · " + flag.subject()));
        EventStore s = store.get();
        int slot = flag.ids().stream().mapToInt(s::invocationSlot).filter(k -> k >= 0).findFirst().orElse(-1);
        selectedSlot.set(slot);
        return slot;
    }

    public SessionSource source() {
        return source;
    }

    public String title() {
        return source.title();
    }

    public Optional<Scenario> scenario() {
        return source.scenario();
    }

    public boolean isClosed() {
        return closed;
    }

    public EventStore store() {
        return store.get();
    }

    public ReadOnlyObjectProperty<EventStore> storeProperty() {
        return store.getReadOnlyProperty();
    }

    /// Goes up by one each time the store changes (a batch appended, a rewind).
    public ReadOnlyLongProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<StatusCounts> countsProperty() {
        return counts.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /// The summary in one line, once the source has ended.
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /// The summary abbreviated, for a narrow window, once the source has ended.
    public ReadOnlyStringProperty shortSummaryProperty() {
        return shortSummary.getReadOnlyProperty();
    }

    /// The engine's figures for this session's events, once the source has ended.
    public ReadOnlyObjectProperty<RunSummary> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /// The lints (what the events show that is probably a mistake), once the source has ended.
    public ObservableList<Lint> lints() {
        return lintsView;
    }

    /// The lints as red flags, most serious first, each linked to the invocations that show it; filled a moment
    /// after the lints (ranking reads every event).
    public ObservableList<RedFlag> redFlags() {
        return redFlagsView;
    }

    public IntegerProperty selectedSlotProperty() {
        return selectedSlot;
    }

    public ObjectProperty<Highlight> highlightProperty() {
        return highlight;
    }

    public FxEventFeed feed() {
        return feed;
    }
}
