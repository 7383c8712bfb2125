package dev.asynclab.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.asynclab.app.cli.CliTest.SCENARIOS;
import static dev.asynclab.app.cli.CliTest.cli;
import static org.assertj.core.api.Assertions.assertThat;

/// `sweep` on a scenario whose pool has an adaptive limit: fixed sizes, then the limit's own row, same arrivals.
class SweepLimitCommandTest {

    @Test
    void sweepAddsTheLimitsRowAfterTheFixedSizes(@TempDir Path dir) throws Exception {
        var r = cli("sweep", SCENARIOS.resolve("19-aimd-burst.yaml").toString(), "--pool", "2..4", "--out",
                dir.resolve("sweep.csv").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("aimd limit, pool 1..");
        assertThat(Files.readAllLines(dir.resolve("sweep.csv"))).hasSize(5).last().asString().startsWith("aimd 1..");
    }

    @Test
    void runWithAFixedPoolIgnoresTheLimit(@TempDir Path dir) throws Exception {
        var r = cli("run", SCENARIOS.resolve("20-gradient2-queue.yaml").toString(), "--clock", "simulated",
                "--pool", "4", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(dir.resolve("audit.jsonl"))).doesNotContain("POOL_RESIZED");
        var adaptive = cli("run", SCENARIOS.resolve("20-gradient2-queue.yaml").toString(), "--clock", "simulated",
                "--out", dir.resolve("a").toString(), "--check");
        assertThat(adaptive.code()).as(adaptive.out() + adaptive.err()).isZero();
        assertThat(Files.readString(dir.resolve("a/audit.jsonl"))).contains("POOL_RESIZED");
    }
}
