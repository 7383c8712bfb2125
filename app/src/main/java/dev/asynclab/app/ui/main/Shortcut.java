package dev.asynclab.app.ui.main;

import javafx.scene.input.KeyCharacterCombination;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

import java.util.List;
import java.util.Map;

/// The keyboard shortcuts, one list for the menus' accelerators, the toolbar's tooltips and Help ▸ Shortcuts. A
/// menu item or button in the FXML names its shortcut by `userData` ("RUN").
///
/// Most are key combinations, menu accelerators. A single character (`+`) is a plain key, typed: it acts only
/// where typing does not go into a text field (see [#matches]), so it is no accelerator, which would fire
/// wherever the focus is.
public enum Shortcut {
    OPEN("Open a scenario or audit log", "Shortcut+O"),
    FOLLOW("Follow a growing audit log", "Shortcut+Shift+O"),
    WELCOME("Back to the welcome view", "Shortcut+H"),
    RUN("Run the scenario", "F5"),
    STOP("Stop the run", "Shift+F5"),
    CLOCK("Switch clock (real / simulated)", "Shortcut+K"),
    FASTER("Speed ×2", "Shortcut+CLOSE_BRACKET"),
    SLOWER("Speed ÷2", "Shortcut+OPEN_BRACKET"),
    SEED("Edit the seed", "Shortcut+E"),
    POOL("Edit the pool size", "Shortcut+P"),
    TUNE("Tune the pool size (sweep, compare, what-if)", "Shortcut+U"),
    TOUR("Play the scenario's tour", "Shortcut+G"),
    FIT("Timeline: fit all", "0"),
    LIVE("Timeline: follow the live edge", "Shortcut+L"),
    ZOOM_IN("Timeline: zoom in (or the wheel)", "+"),
    ZOOM_OUT("Timeline: zoom out (or the wheel)", "-"),
    EXPORT_TIMELINE("Timeline: export as PNG", "Shortcut+Shift+E"),
    THEME("Switch light / dark theme", "Shortcut+T"),
    TEXT_LARGER("Presenter: larger text, everywhere", "Shortcut+AnyShift+EQUALS"),
    TEXT_SMALLER("Presenter: smaller text", "Shortcut+MINUS"),
    TEXT_NORMAL("Presenter: normal text size", "Shortcut+0"),
    PLAY("Replay: play / pause", "Shortcut+SPACE"),
    STEP_BACK("Replay: previous event", "Shortcut+LEFT"),
    STEP_NEXT("Replay: next event", "Shortcut+RIGHT"),
    PREVIOUS_WINDOW("Replay of a log larger than the heap: the window before", "Shortcut+PAGE_UP"),
    NEXT_WINDOW("Replay of a log larger than the heap: the window after", "Shortcut+PAGE_DOWN"),
    HELP("This list", "F1");

    public static final List<Shortcut> ALL = List.of(values());

    /// Keys whose names are not what is printed on them.
    private static final Map<KeyCode, String> KEY_TEXT = Map.ofEntries(
            Map.entry(KeyCode.CLOSE_BRACKET, "]"), Map.entry(KeyCode.OPEN_BRACKET, "["),
            Map.entry(KeyCode.EQUALS, "="), Map.entry(KeyCode.MINUS, "-"), Map.entry(KeyCode.PLUS, "+"),
            Map.entry(KeyCode.SPACE, "Space"), Map.entry(KeyCode.LEFT, "←"), Map.entry(KeyCode.RIGHT, "→"),
            Map.entry(KeyCode.UP, "↑"), Map.entry(KeyCode.DOWN, "↓"), Map.entry(KeyCode.COMMA, ","),
            Map.entry(KeyCode.PERIOD, "."), Map.entry(KeyCode.SLASH, "/"), Map.entry(KeyCode.PAGE_UP, "Page Up"),
            Map.entry(KeyCode.PAGE_DOWN, "Page Down"));

    private final String action;
    private final String keys;

    Shortcut(String action, String keys) {
        this.action = action;
        this.keys = keys;
    }

    public String action() {
        return action;
    }

    public String keys() {
        return keys;
    }

    /// True for a plain key, typed (`+`, `0`), rather than a combination.
    public boolean typed() {
        return keys.length() == 1;
    }

    /// True when `typed` (a KEY_TYPED event) is this plain key with no Ctrl, Alt or Meta; `=` counts as `+`, the
    /// key it shares on most keyboards.
    public boolean matches(KeyEvent typed) {
        if (!typed() || typed.isControlDown() || typed.isAltDown() || typed.isMetaDown() || typed.isShortcutDown()) {
            return false;
        }
        String c = typed.getCharacter();
        return c.equals(keys) || keys.equals("+") && c.equals("=");
    }

    /// The key combination. Parsed here rather than by `KeyCombination.keyCombination`, which looks keys up by
    /// their display names ("Close Bracket") and so turns "CLOSE_BRACKET" into a character nobody can type.
    /// `AnyShift` lets Shift be up or down: Ctrl+plus is Ctrl+Shift+= on most keyboards, and Ctrl+= does as well.
    public KeyCombination combination() {
        if (typed()) {
            return new KeyCharacterCombination(keys);
        }
        String[] parts = keys.split("\\+");
        KeyCombination.Modifier[] modifiers = new KeyCombination.Modifier[parts.length - 1];
        for (int i = 0; i < parts.length - 1; i++) {
            modifiers[i] = switch (parts[i]) {
                case "Shortcut" -> KeyCombination.SHORTCUT_DOWN;
                case "Shift" -> KeyCombination.SHIFT_DOWN;
                case "AnyShift" -> KeyCombination.SHIFT_ANY;
                case "Ctrl" -> KeyCombination.CONTROL_DOWN;
                case "Alt" -> KeyCombination.ALT_DOWN;
                default -> throw new IllegalStateException("unknown modifier " + parts[i] + " in " + keys);
            };
        }
        String key = parts[parts.length - 1];
        KeyCode code = KeyCode.getKeyCode(key) != null ? KeyCode.getKeyCode(key) : KeyCode.valueOf(key);
        return new KeyCodeCombination(code, modifiers);
    }

    /// The keys as people read them: "Ctrl+O", "Ctrl+]", "Shift+F5", "+" (JavaFX's own text says
    /// "CLOSE_BRACKET"); Ctrl with `=` whatever Shift does reads "Ctrl++".
    public String display() {
        if (typed()) {
            return keys;
        }
        KeyCombination c = combination();
        if (c instanceof KeyCodeCombination code && code.getCode() == KeyCode.EQUALS
                && code.getShift() == KeyCombination.ModifierValue.ANY) {
            String text = c.getDisplayText();
            return text.substring(0, text.lastIndexOf('+') + 1) + "+";
        }
        if (!(c instanceof KeyCodeCombination code) || !KEY_TEXT.containsKey(code.getCode())) {
            return c.getDisplayText();
        }
        String text = c.getDisplayText();
        return text.substring(0, text.lastIndexOf('+') + 1) + KEY_TEXT.get(code.getCode());
    }

    /// "Run the scenario (F5)", for tooltips.
    public String tooltip() {
        return action + " (" + display() + ")";
    }
}
