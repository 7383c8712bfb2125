package dev.asynclab.app.tuning;

import dev.asynclab.app.cli.Cli;
import dev.asynclab.lab.advise.Advice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/// The Advice tab's model, without a screen: a recorded log gives the same advice as `asynclab advise`.
class AdviceViewModelTest {

    private static Path record(Path dir) throws Exception {
        Path scenario = dir.resolve("s.yaml");
        Files.writeString(scenario, """
                name: checkout
                pool: { size: 6 }
                callbacks:
                  - name: charge
                    count: 1500
                    arrival: { poisson: 150/s }
                    work: { sleep: { exponential: 20ms } }
                    timeout: 0
                """);
        var quiet = new PrintWriter(new StringWriter());
        int code = Cli.execute(new String[] {"run", scenario.toString(), "--clock", "simulated", "--out",
                dir.resolve("rec").toString()}, quiet, quiet);
        assertThat(code).isZero();
        return dir.resolve("rec/audit.jsonl");
    }

    @Test
    void aDroppedLogGivesRowsWithIntervalsAndARecommendation(@TempDir Path dir) throws Exception {
        var model = new AdviceViewModel(Runnable::run);
        model.open(record(dir));
        model.fromSizeProperty().set(3);
        model.toSizeProperty().set(7);
        model.targetProperty().set("p99<120ms");
        model.replicatesProperty().set(6);

        Advice advice = model.advise().get(2, TimeUnit.MINUTES);

        assertThat(model.rows()).hasSize(5).extracting(Advice.Size::pool).containsExactly(3, 4, 5, 6, 7);
        assertThat(model.rows()).allMatch(r -> r.p99LowMs() <= r.p99Ms() && r.p99Ms() <= r.p99HighMs());
        assertThat(model.recommendedProperty().get()).isEqualTo(advice.recommended().getAsInt()).isBetween(4, 6);
        assertThat(model.messageProperty().get()).contains("Smallest pool size that meets");
        assertThat(model.verdictProperty().get()).contains("CPU-bound"); // "not CPU-bound" or "cannot tell"
        assertThat(model.runningProperty().get()).isFalse();
    }

    @Test
    void badInputIsSaidInOneLine(@TempDir Path dir) throws Exception {
        var model = new AdviceViewModel(Runnable::run);
        assertThatThrownBy(() -> model.advise().get()).hasMessageContaining("open or drop an audit log first");
        model.open(record(dir));
        model.targetProperty().set("p99.9<5ms");
        assertThatThrownBy(() -> model.advise().get()).hasMessageContaining("advice predicts");
        model.targetProperty().set("");
        Path broken = dir.resolve("broken.jsonl");
        Files.writeString(broken, "not json\n");
        model.open(broken);
        assertThatThrownBy(() -> model.advise().get(Duration.ofMinutes(1).toSeconds(), TimeUnit.SECONDS))
                .hasMessageContaining("broken.jsonl");
        assertThat(model.messageProperty().get()).contains("broken.jsonl:1");
    }
}
