package dev.asynclab.app;

import dev.asynclab.app.cli.Cli;
import javafx.application.Application;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/// Opens the window, for `asynclab` and `asynclab FILE`: first checks that there is a display to open it on, so a
/// machine without one gets one line that says what to run instead, not JavaFX's stack trace; a `DISPLAY` that
/// names no running X server gets one line too.
///
/// ```java
/// int code = DesktopWindow.open(Path.of("scenarios/07-race.yaml"), new PrintWriter(System.err, true));
/// ```
public final class DesktopWindow {

    private DesktopWindow() {
    }

    /// Opens the window (with `file` open in it, if not null) and returns when it closes: `Cli.OK`, or
    /// `Cli.BAD_INPUT` after one line on `err` when there is no display or it cannot be opened.
    public static int open(Path file, PrintWriter err) {
        Optional<String> problem = noDisplay(System.getenv(), System.getProperty("os.name", ""),
                System.getProperty("glass.platform"), System.getProperty("asynclab.launcher", "asynclab"), file);
        if (problem.isPresent()) {
            err.println(problem.get());
            return Cli.BAD_INPUT;
        }
        String[] args = file == null ? new String[0] : new String[]{file.toAbsolutePath().toString()};
        AsyncLabApp.readAhead();
        RenderingPipeline.chooseForThisMachine();
        StartTrace.mark("toolkit starting");
        try {
            Application.launch(AsyncLabApp.class, args);
        } catch (RuntimeException e) {
            Optional<String> line = unreachableDisplay(e, System.getenv(),
                    System.getProperty("asynclab.launcher", "asynclab"), file);
            if (line.isEmpty()) {
                throw e;
            }
            err.println(line.get());
            return Cli.BAD_INPUT;
        }
        return Cli.OK;
    }

    /// The one line to print when the toolkit could not open the display `DISPLAY` names (no X server answers
    /// there), instead of Glass's stack trace; empty for any other failure.
    static Optional<String> unreachableDisplay(Throwable failure, Map<String, String> env, String launcher,
                                               Path file) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnsupportedOperationException && t.getMessage() != null
                    && t.getMessage().contains("Unable to open DISPLAY")) {
                String command = "xvfb-run -a " + launcher + (file == null ? "" : " " + file);
                return Optional.of("asynclab: cannot open the display DISPLAY=" + env.getOrDefault("DISPLAY", "")
                        + " (no X server answers there): check DISPLAY, or on a machine without a screen run "
                        + command + "; the command line (asynclab run ...) needs none");
            }
        }
        return Optional.empty();
    }

    /// The one line to print when the window cannot open for want of a display: on Linux (and the other X11 or
    /// Wayland systems) with neither `DISPLAY` nor `WAYLAND_DISPLAY` set, unless Glass is told to draw elsewhere
    /// (`glass.platform`, as the headless tests do with Monocle).
    static Optional<String> noDisplay(Map<String, String> env, String osName, String glassPlatform, String launcher,
                                      Path file) {
        String os = osName.toLowerCase(Locale.ROOT);
        boolean usesX11OrWayland = !os.startsWith("windows") && !os.startsWith("mac");
        if (!usesX11OrWayland || glassPlatform != null || set(env, "DISPLAY") || set(env, "WAYLAND_DISPLAY")) {
            return Optional.empty();
        }
        String command = "xvfb-run -a " + launcher + (file == null ? "" : " " + file);
        return Optional.of("asynclab: no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is "
                + "set); on a machine without a screen run " + command
                + " (Debian: apt-get install xvfb xauth); the command line (asynclab run ...) needs none");
    }

    private static boolean set(Map<String, String> env, String name) {
        String value = env.get(name);
        return value != null && !value.isBlank();
    }
}
