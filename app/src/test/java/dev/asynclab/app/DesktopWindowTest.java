package dev.asynclab.app;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/// Without a display, opening the window is one line that says so and what to run instead.
class DesktopWindowTest {

    @Test
    void onLinuxWithoutDisplayItSaysSoAndSuggestsXvfb() {
        var line = DesktopWindow.noDisplay(Map.of(), "Linux", null, "./asynclab", null);

        assertThat(line).hasValueSatisfying(l -> assertThat(l)
                .startsWith("asynclab: no display to open the window on")
                .contains("xvfb-run -a ./asynclab ")
                .doesNotContain("\n"));
    }

    @Test
    void theSuggestionKeepsTheFileToOpen() {
        var line = DesktopWindow.noDisplay(Map.of("DISPLAY", ""), "Linux", null, "asynclab",
                Path.of("/tmp/race.yaml"));

        assertThat(line).hasValueSatisfying(l -> assertThat(l).contains("xvfb-run -a asynclab /tmp/race.yaml "));
    }

    @Test
    void anX11OrWaylandDisplayIsEnough() {
        assertThat(DesktopWindow.noDisplay(Map.of("DISPLAY", ":0"), "Linux", null, "asynclab", null)).isEmpty();
        assertThat(DesktopWindow.noDisplay(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux", null, "asynclab", null))
                .isEmpty();
    }

    @Test
    void windowsMacAndHeadlessGlassNeedNoDisplayVariable() {
        assertThat(DesktopWindow.noDisplay(Map.of(), "Windows 11", null, "asynclab", null)).isEmpty();
        assertThat(DesktopWindow.noDisplay(Map.of(), "Mac OS X", null, "asynclab", null)).isEmpty();
        assertThat(DesktopWindow.noDisplay(Map.of(), "Linux", "Monocle", "asynclab", null)).isEmpty();
    }
}
