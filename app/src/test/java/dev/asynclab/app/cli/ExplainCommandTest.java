package dev.asynclab.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.asynclab.app.cli.CliTest.SCENARIOS;
import static dev.asynclab.app.cli.CliTest.cli;
import static org.assertj.core.api.Assertions.assertThat;

/// `explain` and the red flags of `run`/`summarize`, on logs of simulated runs of the built-in scenarios.
class ExplainCommandTest {

    private static Path simulatedLog(Path dir, String scenario) {
        var r = cli("run", SCENARIOS.resolve(scenario).toString(), "--clock", "simulated", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        return dir.resolve("audit.jsonl");
    }

    @Test
    void explainWithAnIdTellsThatInvocationsStory(@TempDir Path dir) {
        Path log = simulatedLog(dir, "04-retry-fixed-delay.yaml");
        var r = cli("explain", log.toString(), "--id", "2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines().toList()).containsExactly(
                "flaky-db #1",
                "flaky-db #1 arrived at 0.0 ms. Attempt 1 (#1) started at once on w0 and failed after 20 ms with "
                        + "IOException: connection reset. A retry was scheduled with a 50 ms delay (attempt 2 of 3). "
                        + "Attempt 2 (#2) started at once on w0 and failed after 20 ms with IOException: connection "
                        + "reset. A retry was scheduled with a 50 ms delay (attempt 3 of 3). Attempt 3 (#3) started "
                        + "at once on w0 and succeeded after 20 ms. The caller got its result after 160 ms; it took "
                        + "3 attempts.");
    }

    @Test
    void explainWithoutAnIdTellsTheNotableInvocationsOneParagraphEach(@TempDir Path dir) {
        Path log = simulatedLog(dir, "11-rejection.yaml");
        var r = cli("explain", log.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains(
                "upload #7 — the slowest call (400 ms)\nupload #7 arrived at 0.0 ms. It waited 300 ms in the queue "
                        + "because both workers were busy; 4 calls were ahead of it.",
                "upload #8 — a rejection\nupload #8 arrived at 0.0 ms. It was turned away at once (rejected): both "
                        + "workers were busy and the queue was full, with 5 calls waiting. The caller got a "
                        + "rejection at once.");
        assertThat(r.out().split("\n\n")).hasSize(2);
    }

    @Test
    void explainNamesALateFinishAndTheMostRetriedCall(@TempDir Path dir) {
        assertThat(cli("explain", simulatedLog(dir.resolve("a"), "12-late-finish.yaml").toString()).out())
                .contains("— a late finish\n", "(late finish).");
        assertThat(cli("explain", simulatedLog(dir.resolve("b"), "06-retry-storm.yaml").toString()).out())
                .contains("— the most retried call (4 attempts)\n");
    }

    @Test
    void explainRefusesAnUnknownIdOrFileInOneLine(@TempDir Path dir) throws IOException {
        Path log = simulatedLog(dir, "01-timeout.yaml");
        var r = cli("explain", log.toString(), "--id", "999");
        assertThat(r.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.err().strip()).isEqualTo("asynclab: no invocation 999 in " + log + " (its ids run from 1 to 20)");
        var missing = cli("explain", dir.resolve("nope.jsonl").toString());
        assertThat(missing.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(missing.err().strip()).isEqualTo("asynclab: no such file: " + dir.resolve("nope.jsonl"));
        Files.writeString(dir.resolve("junk.jsonl"), "not json\n");
        var junk = cli("explain", dir.resolve("junk.jsonl").toString());
        assertThat(junk.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(junk.err().lines().count()).isEqualTo(1);
        assertThat(cli("explain", log.toString(), "--id", "x").code()).isEqualTo(Cli.BAD_INPUT);
    }

    @Test
    void summarizeRanksTheRedFlagsAndLinksEachToInvocations(@TempDir Path dir) {
        Path log = simulatedLog(dir, "01-timeout.yaml");
        var r = cli("summarize", log.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("red flags, most serious first:\n"
                + "  1. [timeout-below-p99] slow-service: 12 of 20 attempts timed out (60%): the timeout is below "
                + "the work's p99, so the slow tail always fails.\n"
                + "     shown by #2, #3, #5, #6, #7 and 7 more; asynclab explain " + log + " --id 2\n");
        var run = cli("run", SCENARIOS.resolve("01-timeout.yaml").toString(), "--clock", "simulated", "--out",
                dir.resolve("again").toString());
        assertThat(run.out()).contains("1. [timeout-below-p99] slow-service: 12 of 20 attempts timed out");
    }
}
