package dev.asynclab.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.asynclab.app.cli.CliTest.SCENARIOS;
import static dev.asynclab.app.cli.CliTest.cli;
import static org.assertj.core.api.Assertions.assertThat;

/// `summarize` and `explain` on a log edited after it was written: they still report what it holds, but say in one
/// line that its chain breaks (naming the line, as `verify` does) and exit 1 — the README's exit code for a broken
/// log. They used to read it as if nothing were wrong and exit 0.
class BrokenLogReportTest {

    private static Path log(Path dir, boolean edited) throws IOException {
        var r = cli("run", SCENARIOS.resolve("01-timeout.yaml").toString(), "--clock", "simulated", "--out",
                dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Path log = dir.resolve("audit.jsonl");
        if (edited) {
            List<String> lines = Files.readAllLines(log);
            lines.set(5, lines.get(5).replaceFirst("\"t\":\\d+", "\"t\":1"));
            Files.write(log, lines);
        }
        return log;
    }

    @Test
    void summarizeOfAnEditedLogWarnsNamingTheLineAndStillSummarizes(@TempDir Path dir) throws IOException {
        Path sound = log(dir.resolve("sound"), false);
        Path edited = log(dir.resolve("edited"), true);
        var ok = cli("summarize", sound.toString());
        var broken = cli("summarize", edited.toString());

        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).doesNotContain("warning");
        assertThat(broken.code()).as(broken.err()).isEqualTo(Cli.PROBLEMS);
        assertThat(broken.out()).contains("warning: " + edited + ": line 6", "asynclab verify");
        String okRow = ok.out().lines().filter(l -> l.contains("|")).skip(1).findFirst().orElseThrow();
        assertThat(broken.out()).contains(okRow); // the same events, read as they are
    }

    @Test
    void summarizeQuietStillSaysTheLogIsBroken(@TempDir Path dir) throws IOException {
        Path edited = log(dir, true);
        var broken = cli("summarize", edited.toString(), "--quiet");
        assertThat(broken.code()).isEqualTo(Cli.PROBLEMS);
        // Only problems: the warning first, then the red flags (problems too); no summary table.
        assertThat(broken.out().lines().findFirst().orElseThrow()).startsWith("warning: " + edited + ": line 6");
        assertThat(broken.out()).doesNotContain("|");
    }

    @Test
    void explainOfAnEditedLogWarnsAndStillTellsTheStory(@TempDir Path dir) throws IOException {
        Path sound = log(dir.resolve("sound"), false);
        Path edited = log(dir.resolve("edited"), true);
        var ok = cli("explain", sound.toString(), "--id", "1");
        var broken = cli("explain", edited.toString(), "--id", "1");

        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).doesNotContain("warning");
        assertThat(broken.code()).as(broken.err()).isEqualTo(Cli.PROBLEMS);
        assertThat(broken.out()).contains("warning: " + edited + ": line 6");
        assertThat(broken.out()).contains(ok.out().strip());
    }
}
