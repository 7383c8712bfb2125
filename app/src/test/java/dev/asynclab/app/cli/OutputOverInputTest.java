package dev.asynclab.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.asynclab.app.cli.CliTest.SCENARIOS;
import static dev.asynclab.app.cli.CliTest.cli;
import static org.assertj.core.api.Assertions.assertThat;

/// An output that is one of the command's inputs is refused in one line, and the input is left as it was:
/// `export LOG --format csv --out LOG` wrote the CSV over the audit log it read (exit 0, the log gone).
class OutputOverInputTest {

    @Test
    void noCommandWritesOverTheFileItReads(@TempDir Path dir) throws IOException {
        Path scenario = Files.copy(SCENARIOS.resolve("01-timeout.yaml"), dir.resolve("01-timeout.yaml"));
        assertThat(cli("run", scenario.toString(), "--clock", "simulated", "--out", dir.resolve("run").toString())
                .code()).isZero();
        Path log = dir.resolve("run/audit.jsonl");
        Path other = Files.copy(log, dir.resolve("other.jsonl"));
        byte[] logBefore = Files.readAllBytes(log);
        byte[] scenarioBefore = Files.readAllBytes(scenario);

        String[][] commands = {
            {"export", log.toString(), "--format", "csv", "--out", log.toString()},
            {"export", log.toString(), "--format", "jfr", "--out", dir.resolve("run/../run/audit.jsonl").toString()},
            {"merge", log.toString(), other.toString(), "--out", log.toString()},
            {"summarize", log.toString(), "--json", log.toString()},
            {"sweep", scenario.toString(), "--pool", "1..2", "--out", scenario.toString()},
        };
        for (String[] command : commands) {
            var r = cli(command);

            assertThat(r.code()).as(String.join(" ", command)).isEqualTo(Cli.BAD_INPUT);
            assertThat(r.err().lines()).as(String.join(" ", command)).singleElement().asString()
                    .startsWith("asynclab: cannot write ").endsWith(": it is the file being read");
        }
        assertThat(Files.readAllBytes(log)).isEqualTo(logBefore);
        assertThat(Files.readAllBytes(scenario)).isEqualTo(scenarioBefore);
    }
}
