package dev.asynclab.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.asynclab.app.cli.CliTest.SCENARIOS;
import static dev.asynclab.app.cli.CliTest.cli;
import static org.assertj.core.api.Assertions.assertThat;

/// What `--help` and the README's "Command line" promise, checked as a user meets it: a help with nothing else on
/// the terminal, an unwritable `--out` failing at once in one line (for `advise` too), `--quiet` still saying why
/// the exit code is 1, and a pool range held to the bounds its message states.
class CliContractTest {

    @ParameterizedTest
    @MethodSource("dev.asynclab.app.cli.CliConventionsTest#subcommands")
    void everyHelpPrintsOnlyTheHelp(String command) {
        // picocli formats descriptions with String.format and, where that fails, warns on System.err (not on the
        // command's own err writer): "50 % higher" in advise's --rate-scale did, three times per --help.
        PrintStream before = System.err;
        var stray = new ByteArrayOutputStream();
        System.setErr(new PrintStream(stray, true, StandardCharsets.UTF_8));
        CliTest.Outcome r;
        try {
            r = cli(command, "--help");
        } finally {
            System.setErr(before);
        }
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(stray.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(r.out()).contains("Usage: asynclab " + command);
    }

    @Test
    void adviseHelpSaysFiftyPercent() {
        assertThat(cli("advise", "--help").out()).contains("traffic 50 % higher");
    }

    @Test
    void adviseWithAnUnwritableOutFailsBeforeItFitsAnything(@TempDir Path dir) throws IOException {
        Path log = recordedLog(dir);
        Path file = Files.writeString(dir.resolve("taken"), "x");

        var inTheWay = cli("advise", log.toString(), "--pool", "1..2", "--replicates", "2", "--out", file.toString());
        assertThat(inTheWay.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(inTheWay.out()).as("nothing fitted or replayed").isEmpty();
        assertThat(inTheWay.err().strip())
                .isEqualTo("asynclab: cannot write " + file + ": a file is in the way of a folder");

        Path under = file.resolve("advice");
        var underAFile = cli("advise", log.toString(), "--pool", "1..2", "--replicates", "2", "--out",
                under.toString());
        assertThat(underAFile.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(underAFile.out()).isEmpty();
        assertThat(underAFile.err().lines()).singleElement().asString()
                .startsWith("asynclab: cannot write " + under + ": ");

        Path folderInTheWay = Files.createDirectories(dir.resolve("advice/advice.json"));
        var aFolder = cli("advise", log.toString(), "--pool", "1..2", "--replicates", "2", "--out",
                dir.resolve("advice").toString());
        assertThat(aFolder.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(aFolder.err().strip()).isEqualTo("asynclab: cannot write " + folderInTheWay + ": it is a folder");
    }

    @Test
    void quietAdviseStillSaysThatNoSizeMeetsTheTarget(@TempDir Path dir) throws IOException {
        // README: --quiet prints "only problems — ... a sweep that meets no target"; advise's exit code 1 for the
        // same reason must not come with nothing said.
        Path log = recordedLog(dir);

        var r = cli("advise", log.toString(), "--pool", "1..2", "--replicates", "2", "--target", "p99<1ms",
                "--out", dir.resolve("advice").toString(), "--quiet");

        assertThat(r.code()).as(r.err()).isEqualTo(Cli.PROBLEMS);
        assertThat(r.out().strip()).isEqualTo("no pool size from 1 to 2 meets p99<1ms");
        assertThat(dir.resolve("advice/advice.json")).isNotEmptyFile();
    }

    @Test
    void aPoolOfOneSizeIsHeldToTheSameBoundsAsARange(@TempDir Path dir) {
        String scenario = SCENARIOS.resolve("01-timeout.yaml").toString();
        for (String bad : new String[]{"0", "5000", "-1", "4097", "0..2", "3..1", "1..5000", "x", "1..x"}) {
            var r = cli("sweep", scenario, "--pool", bad, "--out", dir.resolve("s.csv").toString());
            assertThat(r.code()).as(bad).isEqualTo(Cli.BAD_INPUT);
            assertThat(r.err().lines()).as(bad).containsExactly("asynclab: --pool takes a range like 1..32 (from >= 1, "
                    + "to >= from, at most 4096), was '" + bad + "'", "Try 'asynclab sweep --help'.");
        }
        var one = cli("sweep", scenario, "--pool", "2", "--out", dir.resolve("s.csv").toString());
        assertThat(one.code()).as(one.err()).isZero();
        assertThat(one.out()).containsPattern("(?m)^ +2 ");
    }

    /// A short recorded run to advise from (simulated clock: instant and the same every time).
    private static Path recordedLog(Path dir) {
        var run = cli("run", SCENARIOS.resolve("01-timeout.yaml").toString(), "--clock", "simulated", "--out",
                dir.resolve("rec").toString(), "--quiet");
        assertThat(run.code()).as(run.err()).isZero();
        return dir.resolve("rec/audit.jsonl");
    }
}
