package dev.asynclab.jlink;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/// The launchers' check of the window's native libraries (`src/image/lib/asynclab/desktop-libs.sh`), run by `sh`
/// as the launchers run it. Nothing is installed or removed on this machine: `ASYNCLAB_GUI_LIBS` names libraries
/// that do not exist, and `apt-get`, `apt-cache`, `id`, `sudo` and `ldconfig` are stubs on the `PATH` that record
/// how they were called.
class DesktopLibsTest {

    private static final Path SCRIPT = Path.of("src/image/lib/asynclab/desktop-libs.sh").toAbsolutePath();
    private static final String PROBE = "libasynclab-probe.so.1";

    @TempDir
    Path tmp;
    private Path stubs;
    private Path libs;
    private Path calls;

    record Result(int code, String stderr, List<String> calls) {
    }

    @BeforeEach
    void stubTheSystem() throws IOException {
        stubs = Files.createDirectories(tmp.resolve("stubs"));
        libs = Files.createDirectories(tmp.resolve("libs"));
        calls = tmp.resolve("calls.txt");
        Files.writeString(calls, "");
        // apt-get records its arguments; `install` puts the probe library where the loader path points.
        stub("apt-get", "echo \"apt-get $*\" >> " + calls + "\n"
                + "case \"$1\" in install) touch " + libs.resolve(PROBE) + " ;; esac\n");
        stub("apt-cache", "exit 100\n");
        stub("id", "echo 0\n");
        stub("sudo", "echo \"sudo $*\" >> " + calls + "\n[ \"$1\" = -n ] && shift\n[ \"$1\" = true ] && exit 0\n"
                + "exec \"$@\"\n");
    }

    @Test
    void librariesThatArePresentNeedNothingAndSayNothing() throws Exception {
        var r = check(Map.of("ASYNCLAB_GUI_LIBS", "libc.so.6:libc6"));

        assertThat(r.code()).as(r.stderr()).isZero();
        assertThat(r.stderr()).isEmpty();
        assertThat(r.calls()).isEmpty();
    }

    @Test
    void asRootAMissingLibraryIsInstalledWithAptGetSayingSoInOneLine() throws Exception {
        var r = check(Map.of("ASYNCLAB_GUI_LIBS", PROBE + ":asynclab-probe"));

        assertThat(r.code()).as(r.stderr()).isZero();
        assertThat(r.stderr().lines()).singleElement().asString()
                .startsWith("asynclab: installing asynclab-probe (the native libraries the window needs)");
        assertThat(r.calls()).containsExactly("apt-get update -qq", "apt-get install -y -qq asynclab-probe");
    }

    @Test
    void withoutRootButWithSudoItInstallsThroughSudo() throws Exception {
        stub("id", "echo 1000\n");

        var r = check(Map.of("ASYNCLAB_GUI_LIBS", PROBE + ":asynclab-probe"));

        assertThat(r.code()).as(r.stderr()).isZero();
        assertThat(r.stderr().lines()).singleElement().asString().contains("with sudo -n apt-get");
        assertThat(r.calls()).containsSubsequence("sudo -n apt-get update -qq", "apt-get update -qq",
                "sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq asynclab-probe",
                "apt-get install -y -qq asynclab-probe");
    }

    @Test
    void withoutRootOrSudoItNamesThePackageAndTheCommandInOneLine() throws Exception {
        stub("id", "echo 1000\n");
        stub("sudo", "exit 1\n");

        var r = check(Map.of("ASYNCLAB_GUI_LIBS", PROBE + ":asynclab-probe libc.so.6:libc6"));

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.stderr().lines()).singleElement().asString().isEqualTo("asynclab: the window needs "
                + "asynclab-probe, which is not installed: run sudo apt-get update && sudo apt-get install -y "
                + "asynclab-probe");
        assertThat(r.calls()).isEmpty();
    }

    @Test
    void gtkIsNamedLibgtk30t64WhereAptKnowsThatName() throws Exception {
        stub("apt-cache", "[ \"$2\" = libgtk-3-0t64 ]\n");

        var r = check(Map.of("ASYNCLAB_GUI_LIBS", PROBE + ":libgtk-3-0", "ASYNCLAB_GUI_CHECK", "no-install"));

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.stderr()).contains("apt-get install -y libgtk-3-0t64").doesNotContain("libgtk-3-0 ");
    }

    @Test
    void byDefaultItLooksForGtk3AndLibXtst() throws Exception {
        stub("ldconfig", "exit 0\n"); // a loader cache that lists nothing

        var r = check(Map.of("ASYNCLAB_GUI_CHECK", "no-install"));

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.stderr().lines()).singleElement().asString()
                .endsWith("apt-get update && apt-get install -y libgtk-3-0 libxtst6");
    }

    @Test
    void aFailedInstallSaysSoAndWhatToRun() throws Exception {
        stub("apt-get", "echo \"apt-get $*\" >> " + calls + "\nexit 100\n");

        var r = check(Map.of("ASYNCLAB_GUI_LIBS", PROBE + ":asynclab-probe"));

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.stderr().lines()).hasSize(2).last().asString()
                .startsWith("asynclab: installing asynclab-probe failed (apt-get's output: ")
                .endsWith("run sudo apt-get update && sudo apt-get install -y asynclab-probe");
    }

    @Test
    void offSkipsTheCheck() throws Exception {
        var r = check(Map.of("ASYNCLAB_GUI_LIBS", PROBE + ":asynclab-probe", "ASYNCLAB_GUI_CHECK", "off"));

        assertThat(r.code()).isZero();
        assertThat(r.stderr()).isEmpty();
        assertThat(r.calls()).isEmpty();
    }

    @Test
    void onlyNoArgumentsOrOneExistingFileOpenTheWindow() throws Exception {
        Path scenario = Files.writeString(tmp.resolve("s.yaml"), "name: s\n");

        assertThat(opensWindow()).isTrue();
        assertThat(opensWindow(scenario.toString())).isTrue();
        assertThat(opensWindow("run", scenario.toString())).isFalse();
        assertThat(opensWindow("--version")).isFalse();
        assertThat(opensWindow("verify")).isFalse();
        assertThat(opensWindow(tmp.resolve("missing.yaml").toString())).isFalse();
    }

    @Test
    void aLibraryInALongCacheListIsFoundUnderPipefailAsTheCheckoutsLauncherSourcesIt() throws Exception {
        // ldconfig lists the library first and then much more than a pipe holds: a reader that stops at the first
        // match leaves it to die of SIGPIPE, which `set -o pipefail` (./asynclab's) turned into "not found".
        stub("ldconfig", "echo \"\t" + PROBE + " (libc6,x86-64) => /usr/lib/" + PROBE + "\"\n"
                + "i=0; while [ $i -lt 4000 ]; do echo \"\tlibfiller$i.so.1 (libc6,x86-64) => /usr/lib/libfiller$i.so.1\"; "
                + "i=$((i + 1)); done\n");

        var r = run(List.of("bash", "-c", "set -euo pipefail; . '" + SCRIPT + "'; asynclab_gui_check"),
                Map.of("ASYNCLAB_GUI_LIBS", PROBE + ":asynclab-probe"));

        assertThat(r.code()).as(r.stderr()).isZero();
        assertThat(r.stderr()).isEmpty();
        assertThat(r.calls()).as("nothing installed: the library was there").isEmpty();
    }

    private Result check(Map<String, String> env) throws Exception {
        return sh(env, "asynclab_gui_check");
    }

    private boolean opensWindow(String... args) throws Exception {
        var quoted = new StringBuilder();
        for (String a : args) {
            quoted.append(" '").append(a).append('\'');
        }
        return sh(Map.of(), "asynclab_opens_window" + quoted).code() == 0;
    }

    private Result sh(Map<String, String> env, String call) throws Exception {
        return run(List.of("sh", "-c", ". '" + SCRIPT + "'; " + call), env);
    }

    private Result run(List<String> command, Map<String, String> env) throws Exception {
        String call = String.join(" ", command);
        Path err = tmp.resolve("stderr.txt");
        var builder = new ProcessBuilder(command)
                .redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(k -> k.startsWith("ASYNCLAB_"));
        environment.put("PATH", stubs + ":/usr/bin:/bin:/usr/sbin:/sbin");
        environment.put("LD_LIBRARY_PATH", libs.toString());
        environment.putAll(env);
        Process process = builder.start();
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(call + " did not finish within a minute");
        }
        return new Result(process.exitValue(), Files.readString(err), Files.readAllLines(calls));
    }

    private void stub(String name, String body) throws IOException {
        Path file = stubs.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
