package dev.asynclab.app.ui.theme;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/// The theme chosen with Ctrl+T is in the preferences' file as soon as it is chosen: a window killed right after
/// (no clean exit, so no shutdown hook of `java.util.prefs` writes it out) comes back in it. It used to be only put
/// in the preferences, in memory, and lost that way.
class ThemeChoiceTest {

    private final String node = "asynclab-test-theme-" + System.nanoTime();

    @AfterEach
    void forget() throws Exception {
        Preferences.userRoot().node(node).removeNode();
    }

    @Test
    void aChoiceIsTheSavedThemeAndTogglingSwitchesIt() {
        Preferences prefs = Preferences.userRoot().node(node);
        ThemeChoice choice = ThemeChoice.remembered(prefs);
        assertThat(choice.current()).as("none saved").isEqualTo(Theme.LIGHT);

        assertThat(choice.toggle()).isEqualTo(Theme.DARK);
        assertThat(choice.current()).isEqualTo(Theme.DARK);
        assertThat(prefs.get(ThemeChoice.KEY, null)).isEqualTo("DARK");
        assertThat(ThemeChoice.remembered(prefs).current()).isEqualTo(Theme.DARK);

        assertThat(choice.toggle()).isEqualTo(Theme.LIGHT);
        assertThat(prefs.get(ThemeChoice.KEY, null)).isEqualTo("LIGHT");
        choice.written().join();
    }

    /// A JVM that switches the theme, waits for the write and is then halted as a kill would end it: another JVM
    /// reading the preferences' file finds the theme. The same JVM doing what the window did before (the choice only
    /// put in the preferences) leaves nothing in the file: the check can tell the two apart.
    @Test
    void aThemeChosenJustBeforeTheWindowIsKilledIsInThePreferencesFile() throws Exception {
        assertThat(halted("put-only")).as("only put, then killed").isNull();
        assertThat(halted("toggle")).as("chosen, then killed").isEqualTo("DARK");
    }

    /// Runs [Killed] in a JVM of its own on this test's class path and preferences, and returns the theme the
    /// preferences' file holds after it.
    private String halted(String how) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", classPath()));
        String root = System.getProperty("java.util.prefs.userRoot");
        if (root != null) {
            command.add("-Djava.util.prefs.userRoot=" + root);
        }
        // a node of its own, that this JVM reads only after the other has written it: its values come from the file
        // (this JVM's cache of a node it had read would not see another JVM's write: java.util.prefs' sync does not
        // reliably reload it)
        String written = node + "/" + how;
        command.addAll(List.of(Killed.class.getName(), written, how));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isEqualTo(Killed.HALTED);
        return Preferences.userRoot().node(written).get(ThemeChoice.KEY, null);
    }

    /// The classes of the app and of this test (the build's folders, as surefire runs in the module's folder: the
    /// test's own classes may be patched into the app's module rather than on any path), then the test's class path
    /// and module path for everything else.
    private static String classPath() {
        List<String> entries = new ArrayList<>();
        entries.add(Path.of("target", "classes").toAbsolutePath().toString());
        entries.add(Path.of("target", "test-classes").toAbsolutePath().toString());
        entries.add(System.getProperty("java.class.path", ""));
        entries.add(System.getProperty("jdk.module.path", ""));
        return String.join(File.pathSeparator, entries);
    }

    /// The window's side, in a JVM of its own: `put-only` puts the theme in the preferences as the window used to;
    /// `toggle` switches it with [ThemeChoice] and waits for its write. Then the JVM is halted: no shutdown hook runs.
    static final class Killed {
        static final int HALTED = 3;

        public static void main(String[] args) {
            Preferences prefs = Preferences.userRoot().node(args[0]);
            if (args[1].equals("put-only")) {
                prefs.put(ThemeChoice.KEY, Theme.DARK.name());
            } else {
                ThemeChoice choice = ThemeChoice.remembered(prefs);
                choice.toggle();
                choice.written().join();
            }
            Runtime.getRuntime().halt(HALTED);
        }
    }
}
