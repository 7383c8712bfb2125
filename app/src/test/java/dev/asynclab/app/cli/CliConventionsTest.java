package dev.asynclab.app.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.asynclab.app.cli.CliTest.SCENARIOS;
import static dev.asynclab.app.cli.CliTest.cli;
import static org.assertj.core.api.Assertions.assertThat;

/// The conventions every command keeps: `--version` everywhere, `--quiet` and `--verbose`, `NO_COLOR`, one line
/// "cannot write" for an unwritable output, `asynclab FILE` opening the window.
class CliConventionsTest {

    /// Every subcommand the top-level command declares, read from its annotation, so a new one is checked too.
    static List<String> subcommands() {
        var names = new ArrayList<String>();
        for (Class<?> sub : Cli.class.getAnnotation(CommandLine.Command.class).subcommands()) {
            names.add(sub.getAnnotation(CommandLine.Command.class).name());
        }
        return names;
    }

    @ParameterizedTest
    @MethodSource("subcommands")
    void versionWorksOnEveryCommand(String command) {
        var r = cli(command, "--version");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("asynclab ").doesNotContain("Usage");
    }

    @Test
    void theSubcommandsIncludeThoseOfTheReadme() {
        assertThat(subcommands()).contains("run", "sweep", "verify", "summarize", "export", "merge", "help");
    }

    @Test
    void quietRunPrintsNothingWhenAllIsWell(@TempDir Path dir) {
        var r = cli("run", SCENARIOS.resolve("07-race.yaml").toString(), "--clock", "simulated", "--out",
                dir.toString(), "--quiet");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEmpty();
        assertThat(dir.resolve("audit.jsonl")).isNotEmptyFile();
        assertThat(dir.resolve("summary.json")).isNotEmptyFile();
    }

    @Test
    void quietStillPrintsTheProblems(@TempDir Path dir) {
        var r = cli("-q", "run", SCENARIOS.resolve("12-late-finish.yaml").toString(), "--clock", "simulated",
                "--out", dir.toString());

        assertThat(r.out().lines().findFirst()).contains("red flags, most serious first:");
        assertThat(r.out()).contains("late-finish").doesNotContain("p50", "wrote");
        var verify = cli("verify", dir.resolve("audit.jsonl").toString(), "--quiet");
        assertThat(verify.code()).isZero();
        assertThat(verify.out()).isEmpty();
    }

    @Test
    void verboseSaysWhatTheCommandDoesOnStderr(@TempDir Path dir) {
        var r = cli("run", SCENARIOS.resolve("07-race.yaml").toString(), "--clock", "simulated", "--out",
                dir.toString(), "--verbose");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("loading " + SCENARIOS.resolve("07-race.yaml"))
                .contains("running A race - the fastest wins: ")
                .containsPattern("ran in [0-9.]+ s of wall time: [0-9,]+ events");
        assertThat(r.out()).contains("expectations: all met");
        var summarize = cli("summarize", dir.resolve("audit.jsonl").toString(), "-v");
        assertThat(summarize.err()).containsPattern("read [0-9,]+ events");
    }

    @Test
    void quietAndVerboseTogetherAreBadInput() {
        var r = cli("verify", "x.jsonl", "--quiet", "--verbose");

        assertThat(r.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.err()).startsWith("asynclab: --quiet and --verbose cannot be used together");
    }

    @Test
    void noColorTurnsTheHelpsColoursOff() {
        String previous = System.getProperty("picocli.ansi");
        System.setProperty("picocli.ansi", "true"); // as on a terminal
        try {
            assertThat(help(Map.of())).contains("\u001B[");
            assertThat(help(Map.of("NO_COLOR", "1"))).doesNotContain("\u001B[");
            assertThat(help(Map.of("NO_COLOR", ""))).as("an empty NO_COLOR does not count").contains("\u001B[");
        } finally {
            if (previous == null) {
                System.clearProperty("picocli.ansi");
            } else {
                System.setProperty("picocli.ansi", previous);
            }
        }
    }

    @Test
    void anOutputFolderThatIsAFileSaysCannotWrite(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("taken"), "x");

        var r = cli("run", SCENARIOS.resolve("01-timeout.yaml").toString(), "--clock", "simulated", "--out",
                file.toString());

        assertThat(r.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.err().strip()).isEqualTo("asynclab: cannot write " + file + ": a file is in the way of a folder");
    }

    @Test
    void anOutputUnderAFileSaysCannotWriteAndNotNoSuchFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        Path out = file.resolve("sweep.csv");

        var r = cli("sweep", SCENARIOS.resolve("10-pool-saturation.yaml").toString(), "--pool", "2..3", "--out",
                out.toString());

        assertThat(r.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.err().lines()).singleElement().asString().startsWith("asynclab: cannot write " + out + ": ")
                .doesNotContain("no such file");
    }

    @Test
    void anOutputFileThatIsAFolderSaysCannotWrite(@TempDir Path dir) {
        cli("run", SCENARIOS.resolve("01-timeout.yaml").toString(), "--clock", "simulated", "--out",
                dir.resolve("run").toString());

        var r = cli("summarize", dir.resolve("run/audit.jsonl").toString(), "--json", dir.toString());

        assertThat(r.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.err().strip()).isEqualTo("asynclab: cannot write " + dir + ": it is a folder");
    }

    @Test
    void aFolderWithoutWritePermissionSaysCannotWrite(@TempDir Path dir) throws IOException {
        Assumptions.assumeFalse("root".equals(System.getProperty("user.name")), "root may write anywhere");
        Path locked = Files.createDirectory(dir.resolve("locked"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("r-xr-xr-x")));

        var r = cli("run", SCENARIOS.resolve("01-timeout.yaml").toString(), "--clock", "simulated", "--out",
                locked.resolve("out").toString());

        assertThat(r.err().strip()).startsWith("asynclab: cannot write " + locked.resolve("out") + ": ")
                .contains("permission denied");
    }

    @Test
    void aFileArgumentOpensItInTheWindow() {
        List<Path> opened = new ArrayList<>();
        Path scenario = SCENARIOS.resolve("07-race.yaml");

        int code = execute(opened, scenario.toString());

        assertThat(code).isEqualTo(Cli.OK);
        assertThat(opened).containsExactly(scenario);
    }

    @Test
    void aFileUriAsAFileManagerPassesItOpensTheFile() {
        List<Path> opened = new ArrayList<>();
        Path scenario = SCENARIOS.resolve("07-race.yaml").toAbsolutePath();

        int code = execute(opened, scenario.toUri().toString());

        assertThat(code).isEqualTo(Cli.OK);
        assertThat(opened).containsExactly(scenario);
    }

    @Test
    void aFileArgumentThatCannotBeOpenedIsOneLineAndExitCodeTwo(@TempDir Path dir) throws IOException {
        List<Path> opened = new ArrayList<>();
        Path text = Files.writeString(dir.resolve("notes.txt"), "x");

        var missing = cli(dir.resolve("missing.yaml").toString());
        var wrongType = cli(text.toString());
        var unknown = cli("frobnicate");

        assertThat(missing.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(missing.err()).startsWith("asynclab: no such file: " + dir.resolve("missing.yaml"));
        assertThat(wrongType.err()).startsWith("asynclab: cannot open " + text
                + ": expected a scenario (.yaml) or an audit log (.jsonl)");
        assertThat(unknown.err()).startsWith("asynclab: no such command or file: 'frobnicate'");
        assertThat(execute(opened, text.toString())).isEqualTo(Cli.BAD_INPUT);
        assertThat(opened).isEmpty();
    }

    @Test
    void summaryRowOfARaceShowsTheRacesOwnFigures(@TempDir Path dir) {
        var r = cli("run", SCENARIOS.resolve("07-race.yaml").toString(), "--clock", "simulated", "--out",
                dir.toString());

        String row = r.out().lines().filter(l -> l.startsWith("data-fetch ")).findFirst().orElseThrow();
        String[] cells = row.split("\\s+");
        assertThat(cells[1]).as(row).isEqualTo("5"); // ok: the five races, each won
        assertThat(cells[9]).as("p50 of the race: %s", row).isNotEqualTo("0").isNotEqualTo("-");
    }

    private static int execute(List<Path> opened, String... args) {
        return Cli.execute(args, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), Map.of(),
                (file, err) -> {
                    opened.add(file);
                    return Cli.OK;
                });
    }

    private static String help(Map<String, String> env) {
        var out = new StringWriter();
        Cli.execute(new String[]{"--help"}, new PrintWriter(out, true), new PrintWriter(new StringWriter()), env,
                (f, e) -> Cli.OK);
        return out.toString();
    }
}
