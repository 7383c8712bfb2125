package dev.asynclab.app.ui.main;

import javafx.scene.input.KeyCombination;

import java.util.List;

/// The keyboard shortcuts, one list for the menus' accelerators and for Help ▸ Shortcuts.
public record Shortcut(String action, String keys) {

    public static final Shortcut OPEN = new Shortcut("Open a scenario or audit log", "Shortcut+O");
    public static final Shortcut FOLLOW = new Shortcut("Follow a growing audit log", "Shortcut+Shift+O");
    public static final Shortcut WELCOME = new Shortcut("Back to the welcome view", "Shortcut+H");
    public static final Shortcut RUN = new Shortcut("Run the scenario", "F5");
    public static final Shortcut STOP = new Shortcut("Stop the run", "Shift+F5");
    public static final Shortcut CLOCK = new Shortcut("Switch clock (real / simulated)", "Shortcut+K");
    public static final Shortcut FASTER = new Shortcut("Speed ×2", "Shortcut+CLOSE_BRACKET");
    public static final Shortcut SLOWER = new Shortcut("Speed ÷2", "Shortcut+OPEN_BRACKET");
    public static final Shortcut SEED = new Shortcut("Edit the seed", "Shortcut+E");
    public static final Shortcut POOL = new Shortcut("Edit the pool size", "Shortcut+P");
    public static final Shortcut FIT = new Shortcut("Timeline: fit all", "Shortcut+0");
    public static final Shortcut LIVE = new Shortcut("Timeline: follow the live edge", "Shortcut+L");
    public static final Shortcut ZOOM_IN = new Shortcut("Timeline: zoom in", "Shortcut+EQUALS");
    public static final Shortcut ZOOM_OUT = new Shortcut("Timeline: zoom out", "Shortcut+MINUS");
    public static final Shortcut THEME = new Shortcut("Switch light / dark theme", "Shortcut+T");
    public static final Shortcut PLAY = new Shortcut("Replay: play / pause", "Shortcut+SPACE");
    public static final Shortcut STEP_BACK = new Shortcut("Replay: previous event", "Shortcut+LEFT");
    public static final Shortcut STEP_NEXT = new Shortcut("Replay: next event", "Shortcut+RIGHT");
    public static final Shortcut TUNE = new Shortcut("Tune the pool size (sweep, compare, what-if)", "Shortcut+U");
    public static final Shortcut TOUR = new Shortcut("Play the scenario's guided tour", "Shortcut+G");
    public static final Shortcut PRESENT_LARGER = new Shortcut("Presenter: larger text", "Shortcut+Shift+EQUALS");
    public static final Shortcut PRESENT_SMALLER = new Shortcut("Presenter: smaller text", "Shortcut+Shift+MINUS");
    public static final Shortcut PRESENT_RESET = new Shortcut("Presenter: normal text size", "Shortcut+Shift+0");
    public static final Shortcut HELP = new Shortcut("This list", "F1");

    public static final List<Shortcut> ALL = List.of(OPEN, FOLLOW, WELCOME, RUN, STOP, CLOCK, FASTER, SLOWER, SEED,
            POOL, TUNE, TOUR, FIT, LIVE, ZOOM_IN, ZOOM_OUT, THEME, PRESENT_LARGER, PRESENT_SMALLER, PRESENT_RESET, PLAY,
            STEP_BACK, STEP_NEXT, HELP);

    public KeyCombination combination() {
        return KeyCombination.keyCombination(keys);
    }

    /// The keys as people read them ("Ctrl+O").
    public String display() {
        return combination().getDisplayText();
    }
}
