package dev.asynclab.app.ui.main;

import dev.asynclab.app.ui.session.LogWindow;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Locale;

/// The state of the window bar (`WindowBar.fxml`), shown when a log has more events than the heap holds: first
/// while the log is indexed (how far, and that it can be cancelled), then which window of the log is shown, of how
/// many events in all and at what time of the run, and while another window loads. It only holds state and
/// words; the [ReplayViewModel] indexes and loads, off the FX thread, and tells it what happened. On the FX
/// thread only.
///
/// ```java
/// windows.show(LogWindow.first(index, fitting));
/// LogWindow next = windows.target(90.0);   // the window holding the run's 90th second
/// ```
public final class LogWindowViewModel {

    private final BooleanProperty indexing = new SimpleBooleanProperty(this, "indexing");
    private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown");
    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", -1);
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final DoubleProperty runSeconds = new SimpleDoubleProperty(this, "runSeconds");
    private final DoubleProperty startSeconds = new SimpleDoubleProperty(this, "startSeconds");
    private final ObjectProperty<LogWindow> window = new SimpleObjectProperty<>(this, "window");

    /// The log is being indexed: `events` so far of about `expected` (0: unknown).
    public void indexing(String name, long events, long expected) {
        indexing.set(true);
        shown.set(false);
        progress.set(expected <= 0 ? -1 : Math.min(0.99, events / (double) expected));
        text.set(indexingText(name, events, expected));
    }

    static String indexingText(String name, long events, long expected) {
        if (expected <= 0) {
            return String.format(Locale.ROOT, "indexing %s (more events than the heap holds) … %,d events", name,
                    events);
        }
        return String.format(Locale.ROOT, "indexing %s (more events than the heap holds) … %,d of about %,d events"
                + " (%d %%)", name, events, expected, Math.min(99, events * 100 / expected));
    }

    /// Indexing is over, whether a window follows or not.
    public void indexed() {
        indexing.set(false);
        progress.set(-1);
    }

    /// The window from `target`'s first block is being read (the session's store is empty meanwhile); how many
    /// events it holds is settled when it is read, from the heap free then.
    public void loading(LogWindow target) {
        loading.set(true);
        text.set("loading " + target.describeStart() + " …");
        startSeconds.set(target.startTime() / 1e9);
    }

    /// `w` is what the session shows now.
    public void show(LogWindow w) {
        indexed();
        window.set(w);
        loading.set(false);
        shown.set(true);
        runSeconds.set(w.index().lastTime() / 1e9);
        startSeconds.set(w.startTime() / 1e9);
        text.set(w.describe());
    }

    /// No window: a log that fits, another session, or a failed read.
    public void clear() {
        indexed();
        window.set(null);
        loading.set(false);
        shown.set(false);
        text.set("");
        runSeconds.set(0);
        startSeconds.set(0);
    }

    /// The window holding the run's second `seconds`; the window shown when there is none to move to.
    public LogWindow target(double seconds) {
        LogWindow w = window.get();
        return w == null ? null : w.at((long) (seconds * 1e9));
    }

    public LogWindow nextTarget() {
        LogWindow w = window.get();
        return w == null ? null : w.next();
    }

    public LogWindow previousTarget() {
        LogWindow w = window.get();
        return w == null ? null : w.previous();
    }

    /// True while the log is indexed (before any window shows).
    public BooleanProperty indexingProperty() {
        return indexing;
    }

    /// True while a window of a larger log is shown (or the next one loads).
    public BooleanProperty shownProperty() {
        return shown;
    }

    /// True while a window is read; moves are ignored then.
    public BooleanProperty loadingProperty() {
        return loading;
    }

    /// How far indexing is, 0 to 1; -1 when not known.
    public DoubleProperty progressProperty() {
        return progress;
    }

    /// One line: how far indexing is, or which events of how many the window holds and when.
    public StringProperty textProperty() {
        return text;
    }

    /// The run's length and the shown window's start, in seconds of the log's clock (the bar's slider).
    public DoubleProperty runSecondsProperty() {
        return runSeconds;
    }

    public DoubleProperty startSecondsProperty() {
        return startSeconds;
    }

    public ObjectProperty<LogWindow> windowProperty() {
        return window;
    }
}
