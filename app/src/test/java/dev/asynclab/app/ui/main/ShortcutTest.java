package dev.asynclab.app.ui.main;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShortcutTest {

    @Test
    void keysAreShownAsPrintedOnTheKeyboard() {
        assertThat(Shortcut.FASTER.display()).endsWith("+]").doesNotContain("BRACKET");
        assertThat(Shortcut.SLOWER.display()).endsWith("+[");
        assertThat(Shortcut.ZOOM_IN.display()).isEqualTo("+");
        assertThat(Shortcut.ZOOM_OUT.display()).isEqualTo("-");
        assertThat(Shortcut.FIT.display()).isEqualTo("0");
        assertThat(Shortcut.TEXT_LARGER.display()).as("Ctrl+plus").endsWith("++");
        assertThat(Shortcut.TEXT_SMALLER.display()).endsWith("+-");
        assertThat(Shortcut.TEXT_NORMAL.display()).endsWith("+0");
        assertThat(Shortcut.STEP_NEXT.display()).endsWith("+→");
        assertThat(Shortcut.RUN.display()).isEqualTo("F5");
        assertThat(Shortcut.ALL).allSatisfy(s -> assertThat(s.display()).doesNotMatch(".*[A-Z]{2,}_[A-Z]+.*"));
    }

    @Test
    void bracketKeysAreRealKeyCodesSoTheAcceleratorFires() {
        var faster = (KeyCodeCombination) Shortcut.FASTER.combination();
        assertThat(faster.getCode()).isEqualTo(KeyCode.CLOSE_BRACKET);
        assertThat(((KeyCodeCombination) Shortcut.TEXT_NORMAL.combination()).getCode()).isEqualTo(KeyCode.DIGIT0);
    }

    @Test
    void ctrlPlusScalesTheTextWithOrWithoutShift() {
        var larger = Shortcut.TEXT_LARGER.combination();
        assertThat(larger.match(pressed(KeyCode.EQUALS, true, false))).as("Ctrl+=").isTrue();
        assertThat(larger.match(pressed(KeyCode.EQUALS, true, true))).as("Ctrl+Shift+= (Ctrl+plus)").isTrue();
        assertThat(larger.match(pressed(KeyCode.EQUALS, false, true))).as("plus alone").isFalse();
        assertThat(Shortcut.TEXT_SMALLER.combination().match(pressed(KeyCode.MINUS, true, false))).isTrue();
    }

    @Test
    void plainKeysMatchWhatIsTypedWithoutCtrl() {
        assertThat(Shortcut.ZOOM_IN.typed()).isTrue();
        assertThat(Shortcut.ZOOM_IN.matches(typed("+", false))).isTrue();
        assertThat(Shortcut.ZOOM_IN.matches(typed("=", false))).as("the key + shares").isTrue();
        assertThat(Shortcut.ZOOM_IN.matches(typed("+", true))).as("Ctrl+plus is the presenter's").isFalse();
        assertThat(Shortcut.ZOOM_OUT.matches(typed("-", false))).isTrue();
        assertThat(Shortcut.FIT.matches(typed("0", false))).isTrue();
        assertThat(Shortcut.FIT.matches(typed("1", false))).isFalse();
        assertThat(Shortcut.RUN.typed()).isFalse();
        assertThat(Shortcut.RUN.matches(typed("5", false))).isFalse();
    }

    @Test
    void everyShortcutHasItsOwnKeys() {
        assertThat(Shortcut.ALL.stream().map(Shortcut::keys).distinct()).hasSize(Shortcut.ALL.size());
    }

    private static KeyEvent pressed(KeyCode code, boolean control, boolean shift) {
        return new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, shift, control, false, false);
    }

    private static KeyEvent typed(String character, boolean control) {
        return new KeyEvent(KeyEvent.KEY_TYPED, character, "", KeyCode.UNDEFINED, false, control, false, false);
    }
}
