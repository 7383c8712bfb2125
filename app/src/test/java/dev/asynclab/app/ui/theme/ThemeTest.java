package dev.asynclab.app.ui.theme;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThemeTest {

    @Test
    void aSavedNameIsItsTheme() {
        assertThat(Theme.saved("DARK")).isEqualTo(Theme.DARK);
        assertThat(Theme.saved("LIGHT")).isEqualTo(Theme.LIGHT);
    }

    @Test
    void noNameOrAnUnknownOneIsLightRatherThanAFailedStart() {
        assertThat(Theme.saved(null)).isEqualTo(Theme.LIGHT);
        assertThat(Theme.saved("")).isEqualTo(Theme.LIGHT);
        assertThat(Theme.saved("dark")).isEqualTo(Theme.LIGHT);
        assertThat(Theme.saved("SOLARIZED")).isEqualTo(Theme.LIGHT);
    }
}
