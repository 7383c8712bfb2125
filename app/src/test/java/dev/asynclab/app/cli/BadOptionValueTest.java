package dev.asynclab.app.cli;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.asynclab.app.cli.CliTest.SCENARIOS;
import static dev.asynclab.app.cli.CliTest.cli;
import static org.assertj.core.api.Assertions.assertThat;

/// The README's "Command line": errors are one line, and "a mistyped option or a bad option value adds a second,
/// `Try 'asynclab run --help'.`". A value of the wrong type got it from picocli; a value out of range did not, and
/// `--speed -1` said "speed must be > 0", not naming the option. Each is checked before anything is read or run.
class BadOptionValueTest {

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "run    | --speed      | -1        | Invalid value for option '--speed': must be > 0 (0.1 runs ten times slower), was '-1.0'",
        "run    | --speed      | NaN       | Invalid value for option '--speed': must be > 0 (0.1 runs ten times slower), was 'NaN'",
        "run    | --pool       | 0         | Invalid value for option '--pool': must be at least 1, was '0'",
        "sweep  | --speed      | 0         | Invalid value for option '--speed': must be > 0 (0.1 runs ten times slower), was '0.0'",
        "sweep  | --target     | p99<5ms and | cannot read target 'p99<5ms and': no condition after its last 'and'; expected like p99<50ms, p95<=20ms or throughput>100/s, joined with 'and'",
        "sweep  | --pool       | 3..1      | --pool takes a range like 1..32 (from >= 1, to >= from, at most 4096), was '3..1'",
        "advise | --target     | p99<5ms and | cannot read target 'p99<5ms and': no condition after its last 'and'; expected like p99<50ms, p95<=20ms or throughput>100/s, joined with 'and'",
        "advise | --target     | max<5ms   | advice predicts p50, p95, p99 and throughput; the target 'max<5ms' names max",
        "advise | --rate-scale | 0         | Invalid value for option '--rate-scale': must be > 0 (1.5: traffic 50 % higher), was '0.0'",
        "advise | --replicates | 1         | Invalid value for option '--replicates': must be at least 2, was '1'",
        "advise | --cores      | 0         | Invalid value for option '--cores': must be at least 1, was '0'",
        "advise | --pool       | 0..2      | --pool takes a range like 1..32 (from >= 1, to >= from, at most 4096), was '0..2'",
    })
    void aBadValueIsOneLineNamingItThenTryHelp(String command, String option, String value, String message,
                                              @TempDir Path dir) {
        // A file that does not exist: the value must be refused before the file is even looked at.
        List<String> args = new ArrayList<>(List.of(command, dir.resolve("missing").toString(), option, value,
                "--out", dir.resolve("out").toString()));
        if (command.equals("sweep") && !option.equals("--pool")) {
            args.addAll(List.of("--pool", "1..2"));
        }

        var r = cli(args.toArray(String[]::new));

        assertThat(r.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.err().lines()).containsExactly("asynclab: " + message, "Try 'asynclab " + command + " --help'.");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @ParameterizedTest
    @CsvSource({"--speed,2", "--pool,3"})
    void aGoodValueStillRuns(String option, String value, @TempDir Path dir) {
        var r = cli("run", SCENARIOS.resolve("07-race.yaml").toString(), "--clock", "simulated", option, value,
                "--out", dir.toString());

        assertThat(r.code()).as(r.err()).isZero();
    }

    @org.junit.jupiter.api.Test
    void mergeWithOneLogSaysItTakesTwo(@TempDir Path dir) {
        // picocli said "Expected parameter 2 (of 2 mandatory parameters) for positional parameter at index 0..*
        // (LOG) but found '--out'".
        var r = cli("merge", dir.resolve("a.jsonl").toString(), "--out", dir.resolve("m.jsonl").toString());

        assertThat(r.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.err().lines()).containsExactly("asynclab: merge takes two or more logs, was one: "
                + dir.resolve("a.jsonl"), "Try 'asynclab merge --help'.");
    }
}
