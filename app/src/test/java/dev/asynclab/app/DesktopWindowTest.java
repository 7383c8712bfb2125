package dev.asynclab.app;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/// Without a display, or with one no X server answers on, opening the window is one line that says so and what to
/// run instead.
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
    void aDisplayNoServerAnswersOnIsOneLineNamingIt() {
        var glass = new UnsupportedOperationException("Unable to open DISPLAY");
        var line = DesktopWindow.unreachableDisplay(new RuntimeException("Application launch failed", glass),
                Map.of("DISPLAY", ":4711"), "asynclab", Path.of("/tmp/race.yaml"));

        assertThat(line).hasValueSatisfying(l -> assertThat(l)
                .startsWith("asynclab: cannot open the display DISPLAY=:4711")
                .contains("xvfb-run -a asynclab /tmp/race.yaml")
                .doesNotContain("\n"));
        assertThat(DesktopWindow.unreachableDisplay(glass, Map.of("DISPLAY", ":1"), "asynclab", null)).isPresent();
    }

    @Test
    void anyOtherLaunchFailureIsNotMistakenForTheDisplay() {
        assertThat(DesktopWindow.unreachableDisplay(new IllegalStateException("Toolkit already initialized"),
                Map.of("DISPLAY", ":0"), "asynclab", null)).isEmpty();
        assertThat(DesktopWindow.unreachableDisplay(new UnsupportedOperationException("something else"),
                Map.of("DISPLAY", ":0"), "asynclab", null)).isEmpty();
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
