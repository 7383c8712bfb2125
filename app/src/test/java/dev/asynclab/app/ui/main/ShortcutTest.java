package dev.asynclab.app.ui.main;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShortcutTest {

    @Test
    void keysAreShownAsPrintedOnTheKeyboard() {
        assertThat(Shortcut.FASTER.display()).endsWith("+]").doesNotContain("BRACKET");
        assertThat(Shortcut.SLOWER.display()).endsWith("+[");
        assertThat(Shortcut.ZOOM_IN.display()).endsWith("+=");
        assertThat(Shortcut.ZOOM_OUT.display()).endsWith("+-");
        assertThat(Shortcut.STEP_NEXT.display()).endsWith("+→");
        assertThat(Shortcut.RUN.display()).isEqualTo("F5");
        assertThat(Shortcut.ALL).allSatisfy(s -> assertThat(s.display()).doesNotMatch(".*[A-Z]{2,}_[A-Z]+.*"));
    }

    @Test
    void bracketKeysAreRealKeyCodesSoTheAcceleratorFires() {
        var faster = (javafx.scene.input.KeyCodeCombination) Shortcut.FASTER.combination();
        assertThat(faster.getCode()).isEqualTo(javafx.scene.input.KeyCode.CLOSE_BRACKET);
        assertThat(((javafx.scene.input.KeyCodeCombination) Shortcut.FIT.combination()).getCode())
                .isEqualTo(javafx.scene.input.KeyCode.DIGIT0);
    }

    @Test
    void everyShortcutHasItsOwnKeys() {
        assertThat(Shortcut.ALL.stream().map(Shortcut::keys).distinct()).hasSize(Shortcut.ALL.size());
    }
}
