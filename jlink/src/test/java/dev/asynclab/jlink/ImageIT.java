package dev.asynclab.jlink;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/// The runtime image as a user gets it: `bin/asynclab` runs built-in scenarios, the logs they write verify,
/// and the image holds the modules, flags and scenarios the app needs. Runs at `verify` with `-Pimage`.
class ImageIT {

    private static Path image;
    private static Path projectRoot;

    @TempDir
    Path tmp;

    @BeforeAll
    static void locateImage() {
        image = Path.of(requiredProperty("asynclab.image"));
        projectRoot = Path.of(requiredProperty("asynclab.project.root"));
        assertThat(image.resolve("bin/asynclab")).as("the launcher in the image").isExecutable();
    }

    /// The race, and the two scenarios whose callbacks are JavaScript and Python: the script languages are
    /// service providers that only get into the image when linked in by name, and Python's native parts need
    /// the native-access flags (a missing one shows as a JVM `WARNING:`).
    @ParameterizedTest
    @ValueSource(strings = {"07-race", "17-script-js", "18-script-python"})
    void launcherRunsABuiltInScenarioWhoseAuditLogVerifies(String scenario) throws Exception {
        Path out = tmp.resolve("out");

        var run = ImageRun.of(image, image, tmp, "bin/asynclab",
                "run", "scenarios/" + scenario + ".yaml", "--clock", "simulated", "--out", out.toString());

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.stdout()).as(run.describe()).contains("expectations: all met");
        assertThat(run.stderr().lines()).as(run.describe()).noneMatch(line -> line.startsWith("WARNING:"));
        assertThat(out.resolve("audit.jsonl")).isNotEmptyFile();
        assertThat(out.resolve("summary.json")).isNotEmptyFile();
        var verify = ImageRun.of(image, image, tmp, "bin/asynclab", "verify", out.resolve("audit.jsonl").toString());
        assertThat(verify.exitCode()).as(verify.describe()).isZero();
    }

    /// Every export format from the image: the Perfetto export needs protobuf-java, which jlink takes only with the
    /// module descriptor moditect gives it.
    @Test
    void launcherExportsARunInEveryFormat() throws Exception {
        Path out = tmp.resolve("out");
        var run = ImageRun.of(image, image, tmp, "bin/asynclab",
                "run", "scenarios/05-backoff-jitter.yaml", "--clock", "simulated", "--out", out.toString());
        assertThat(run.exitCode()).as(run.describe()).isZero();

        for (String format : List.of("perfetto", "chrome-trace", "jfr", "csv")) {
            var export = ImageRun.of(image, image, tmp, "bin/asynclab",
                    "export", out.resolve("audit.jsonl").toString(), "--format", format);
            assertThat(export.exitCode()).as(export.describe()).isZero();
        }
        assertThat(out.resolve("audit.perfetto-trace")).isNotEmptyFile();
        assertThat(out.resolve("audit.jfr")).isNotEmptyFile();
    }

    @Test
    void launcherRunsFromAnyWorkingDirectory() throws Exception {
        var run = ImageRun.of(image, tmp, tmp, "bin/asynclab",
                "run", image.resolve("scenarios/01-timeout.yaml").toString(), "--clock", "simulated",
                "--out", tmp.resolve("out").toString());

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(tmp.resolve("out/audit.jsonl")).isNotEmptyFile();
    }

    @Test
    void launcherFoundThroughASymlinkStillFindsTheImage() throws Exception {
        Path link = Files.createSymbolicLink(tmp.resolve("asynclab"), image.resolve("bin/asynclab"));

        var run = ImageRun.of(tmp, tmp, tmp, link.getFileName().toString(), "--version");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.stdout()).as(run.describe()).startsWith("asynclab ");
    }

    /// The window's libraries are checked before the window opens, and only then: `ASYNCLAB_GUI_LIBS` names one
    /// that is not there (nothing is removed from this machine), and `no-install` keeps apt-get out of it.
    @Test
    void launcherSaysWhatToInstallBeforeTheWindowAndOnlyForTheWindow() throws Exception {
        var absent = Map.of("DISPLAY", ":99", "ASYNCLAB_GUI_LIBS", "libasynclab-absent.so.0:asynclab-absent",
                "ASYNCLAB_GUI_CHECK", "no-install");

        var window = ImageRun.of(absent, image, tmp, tmp, "bin/asynclab");
        var file = ImageRun.of(absent, image, image, tmp, "bin/asynclab", "scenarios/07-race.yaml");
        var cli = ImageRun.of(absent, image, tmp, tmp, "bin/asynclab", "run",
                image.resolve("scenarios/01-timeout.yaml").toString(), "--clock", "simulated", "--out",
                tmp.resolve("out").toString(), "--quiet");

        for (var run : java.util.List.of(window, file)) {
            assertThat(run.exitCode()).as(run.describe()).isEqualTo(2);
            assertThat(run.stderr().lines()).as(run.describe()).singleElement().asString()
                    .endsWith("apt-get install -y asynclab-absent");
        }
        assertThat(cli.exitCode()).as(cli.describe()).isZero();
        assertThat(cli.stderr()).as(cli.describe()).isEmpty();
    }

    /// Without a display the window is one line that says what to run instead, not JavaFX's stack trace.
    @Test
    void withoutADisplayTheWindowIsOneLineSuggestingXvfb() throws Exception {
        var run = ImageRun.of(Map.of("DISPLAY", "", "WAYLAND_DISPLAY", ""), image, tmp, tmp, "bin/asynclab");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(2);
        assertThat(run.stderr().lines()).as(run.describe()).singleElement().asString()
                .startsWith("asynclab: no display to open the window on").contains("xvfb-run -a asynclab");
    }

    /// A `DISPLAY` no X server answers on (a mistyped one, an ended `ssh -X`) is one line too, not Glass's stack trace.
    @Test
    void aDisplayNoServerAnswersOnIsOneLineNotAStackTrace() throws Exception {
        // its own cache folder: a first start records an AOT cache, and this one must not leave one in the user's
        var run = ImageRun.of(Map.of("DISPLAY", ":4711", "WAYLAND_DISPLAY", "", "XDG_CACHE_HOME", tmp.toString()),
                image, tmp, tmp, "bin/asynclab");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(2);
        assertThat(run.stderr()).as(run.describe())
                .contains("asynclab: cannot open the display DISPLAY=:4711", "xvfb-run -a asynclab")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void imageHoldsTheAppJavaFxAndBothScriptLanguages() throws Exception {
        var run = ImageRun.of(image, tmp, tmp, "bin/java", "--list-modules");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        List<String> modules = run.stdout().lines().map(line -> line.split("@")[0]).toList();
        assertThat(modules).contains("dev.asynclab.app", "dev.asynclab.engine", "javafx.controls", "javafx.swing",
                "org.jfree.jfreechart", "org.graalvm.polyglot", "org.graalvm.truffle.runtime", "org.graalvm.js",
                "org.graalvm.py", "org.graalvm.py.resources");
    }

    @Test
    void imageSetsTheFlagsEveryJvmOfTheAppNeeds() throws Exception {
        var run = ImageRun.of(image, tmp, tmp, "bin/java", "-XshowSettings:properties", "-version");

        assertThat(run.stderr()).as(run.describe())
                .contains("polyglot.engine.WarnInterpreterOnly = false")
                .contains("sun.misc.unsafe.memory.access = allow");
    }

    @Test
    void imageStartsFromItsClassDataSharingArchive() throws Exception {
        // -Xshare:on makes the JVM refuse to start when the archive is missing or does not fit the image.
        var run = ImageRun.of(image, tmp, tmp, "bin/java", "-Xshare:on", "-version");

        assertThat(run.exitCode()).as(run.describe()).isZero();
    }

    @Test
    void imageShipsEveryScenarioOfTheProject() throws IOException {
        assertThat(fileNames(image.resolve("scenarios")))
                .isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(fileNames(projectRoot.resolve("scenarios")));
    }

    private static List<String> fileNames(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(f -> folder.relativize(f).toString()).sorted().toList();
        }
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        assertThat(value).as("system property %s (set by the jlink pom's image profile)", name).isNotBlank();
        return value;
    }
}
