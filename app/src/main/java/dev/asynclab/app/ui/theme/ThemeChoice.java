package dev.asynclab.app.ui.theme;

import java.util.concurrent.CompletableFuture;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/// The theme the user chose (Ctrl+T), kept in `java.util.prefs` and written out to the preferences' file as soon as
/// it changes. It used to be only put in the preferences, which `java.util.prefs` writes out on its own timer (every
/// 30 s) or when the JVM exits cleanly: a window killed or crashed soon after a switch came back in the old theme.
///
/// ```java
/// ThemeChoice choice = ThemeChoice.remembered(prefs);  // the theme the user left, LIGHT for none
/// Theme next = choice.toggle();                         // DARK, saved now, written out off this thread
/// ```
public final class ThemeChoice {

    /// The preference that keeps the theme between runs.
    static final String KEY = "theme";

    private final Preferences prefs;
    private Theme current;
    /// The last choice's write; set and read on the thread that toggles (the FX thread).
    private CompletableFuture<Void> written = CompletableFuture.completedFuture(null);

    private ThemeChoice(Preferences prefs, Theme current) {
        this.prefs = prefs;
        this.current = current;
    }

    /// The theme saved in `prefs` ([Theme#saved]: `LIGHT` for none or an unknown name).
    public static ThemeChoice remembered(Preferences prefs) {
        return new ThemeChoice(prefs, Theme.saved(prefs.get(KEY, null)));
    }

    public Theme current() {
        return current;
    }

    /// Switches to the other theme and saves it: put in the preferences at once (cheap, in memory), and written out
    /// to their file on a virtual thread, so the FX thread never waits on the file or its lock. Two switches in a row
    /// race two writes; each writes the node as it is when it takes the node's lock, and the second starts after the
    /// second `put`, so whichever ends last, the file ends with the last choice.
    public Theme toggle() {
        current = current.other();
        prefs.put(KEY, current.name());
        written = CompletableFuture.runAsync(ThemeChoice.this::flush, Thread.ofVirtual().name("theme-prefs")::start);
        return current;
    }

    /// Completes once the last choice is in the preferences' file (tests; a caller about to end the JVM).
    public CompletableFuture<Void> written() {
        return written;
    }

    private void flush() {
        try {
            prefs.flush();
        } catch (BackingStoreException e) {
            // kept in memory: the preferences' own timer, or the clean exit, writes it out later
        } catch (IllegalStateException removed) {
            // the node was removed before this ran (a test cleaning up): nothing left to keep
        }
    }
}
