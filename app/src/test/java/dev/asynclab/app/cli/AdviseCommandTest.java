package dev.asynclab.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asynclab.lab.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.asynclab.app.cli.CliTest.cli;
import static org.assertj.core.api.Assertions.assertThat;

/// `asynclab advise`: from a recorded log to advice.json and a workload.yaml that runs.
class AdviseCommandTest {

    private static final String SCENARIO = """
            name: checkout
            pool: { size: 6 }
            callbacks:
              - name: charge
                count: 2000
                arrival: { poisson: 150/s }
                work: { sleep: { exponential: 20ms } }
                timeout: 0
            """;

    @Test
    void adviseWritesAdviceAndARunnableWorkload(@TempDir Path dir) throws Exception {
        Path scenario = dir.resolve("checkout.yaml");
        Files.writeString(scenario, SCENARIO);
        var run = cli("run", scenario.toString(), "--clock", "simulated", "--out", dir.resolve("rec").toString());
        assertThat(run.code()).as(run.err()).isZero();

        var r = cli("advise", dir.resolve("rec/audit.jsonl").toString(), "--pool", "2..8", "--target",
                "p99<120ms", "--replicates", "8", "--out", dir.resolve("advice").toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("fitted checkout", "recorded on a pool of 6", "smallest pool size that meets");
        JsonNode json = new ObjectMapper().readTree(dir.resolve("advice/advice.json").toFile());
        assertThat(json.get("sizes")).hasSize(7);
        int recommended = json.get("recommended").asInt();
        assertThat(recommended).isBetween(4, 6); // an offered load of 3 workers needs more than 3
        JsonNode row = json.get("sizes").get(recommended - 2);
        assertThat(row.get("p99Ms").asDouble()).isLessThan(120).isBetween(row.get("p99LowMs").asDouble(),
                row.get("p99HighMs").asDouble());

        Path workload = dir.resolve("advice/workload.yaml");
        assertThat(ScenarioLoader.load(workload).name()).isEqualTo("checkout (fitted)");
        var replay = cli("run", workload.toString(), "--out", dir.resolve("replay").toString());
        assertThat(replay.code()).as(replay.err()).isZero();
    }

    @Test
    void badInputGetsOneLine(@TempDir Path dir) {
        var missing = cli("advise", dir.resolve("nope.jsonl").toString());
        assertThat(missing.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(missing.err().strip().lines()).hasSize(1).first().asString().contains("no such file");
        var target = cli("advise", dir.resolve("nope.jsonl").toString(), "--target", "max<5ms");
        assertThat(target.err()).contains("advice predicts p50, p95, p99 and throughput");
    }
}
