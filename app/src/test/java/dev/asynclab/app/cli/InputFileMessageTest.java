package dev.asynclab.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.asynclab.app.cli.CliTest.cli;
import static org.assertj.core.api.Assertions.assertThat;

/// A file a command cannot read is one line in the same words whatever the command, with exit code 2: a missing
/// file has no line or column (`run nosuch.yaml` said `nosuch.yaml:1:1: no such file: nosuch.yaml`), a folder is
/// not "no such file" (`summarize DIR` said so) nor `Is a directory` behind a made-up `1:1`.
class InputFileMessageTest {

    /// The command line that reads `file`, with every other required option given a valid value.
    private static String[] reading(String command, Path file, Path dir) {
        List<String> args = new ArrayList<>(List.of(command, file.toString()));
        switch (command) {
            case "run", "advise" -> args.addAll(List.of("--out", dir.resolve("out").toString()));
            case "sweep" -> args.addAll(List.of("--pool", "1..2", "--out", dir.resolve("s.csv").toString()));
            case "export" -> args.addAll(List.of("--format", "csv", "--out", dir.resolve("x.csv").toString()));
            case "merge" -> args.addAll(List.of(file.toString(), "--out", dir.resolve("m.jsonl").toString()));
            default -> { }
        }
        return args.toArray(String[]::new);
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "sweep", "advise", "verify", "summarize", "explain", "export", "merge"})
    void aMissingFileIsOneLineNamingItWithoutALineOrColumn(String command, @TempDir Path dir) {
        Path missing = dir.resolve(command.equals("run") || command.equals("sweep") ? "nosuch.yaml" : "nosuch.jsonl");

        var r = cli(reading(command, missing, dir));

        assertThat(r.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.err().lines()).containsExactly("asynclab: no such file: " + missing);
        assertThat(r.out()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "sweep", "advise", "verify", "summarize", "explain", "export", "merge"})
    void aFolderIsOneLineSayingItIsAFolder(String command, @TempDir Path dir) throws IOException {
        Path folder = Files.createDirectory(dir.resolve(command.equals("run") ? "scenario.yaml" : "logs"));

        var r = cli(reading(command, folder, dir));

        assertThat(r.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.err().lines()).containsExactly("asynclab: cannot read " + folder + ": it is a folder");
    }

    @Test
    void aFolderNamedLikeAScenarioIsNotOpenedAndNotCalledMissing(@TempDir Path dir) throws IOException {
        Path folder = Files.createDirectory(dir.resolve("scenario.yaml"));

        var r = cli(folder.toString());

        assertThat(r.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.err().lines().findFirst()).contains("asynclab: cannot open " + folder + ": it is a folder");
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "sweep"})
    void anAuditLogGivenForAScenarioIsSaidSo(String command, @TempDir Path dir) throws IOException {
        Path log = Files.writeString(dir.resolve("audit.jsonl"), "{\"format\":\"asynclab-audit\"}\n{}\n");

        var r = cli(reading(command, log, dir));

        assertThat(r.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.err().lines()).containsExactly("asynclab: cannot read " + log + " as a scenario: it is an audit "
                + "log (.jsonl); `asynclab summarize " + log + "` reports on it, `asynclab " + log + "` opens it");
    }

    /// The bug: `summarize summary.json` (the JSON `summarize --json` writes) said `summary.json:1:2: expected a
    /// field name in double quotes`, as if it were a damaged log; every log command now says it is not one, with the
    /// place and what was expected there.
    @ParameterizedTest
    @ValueSource(strings = {"advise", "verify", "summarize", "explain", "export", "merge"})
    void aJsonFileThatIsNotAnAuditLogIsSaidSoWithThePlaceAndWhatWasExpected(String command, @TempDir Path dir) {
        var run = cli("run", CliTest.SCENARIOS.resolve("01-timeout.yaml").toString(), "--clock", "simulated", "--out",
                dir.resolve("run").toString(), "--quiet");
        assertThat(run.code()).as(run.err()).isZero();
        Path summary = dir.resolve("summary.json");
        var summarized = cli("summarize", dir.resolve("run").resolve("audit.jsonl").toString(), "--json",
                summary.toString(), "--quiet");
        assertThat(summarized.code()).as(summarized.err()).isZero();

        var r = cli(reading(command, summary, dir));

        assertThat(r.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.err().lines()).containsExactly("asynclab: cannot read " + summary + " as an audit log: it is "
                + "not one: " + summary + ":1:2: expected a field name in double quotes (an audit log's first line is "
                + "its header, {\"format\":\"asynclab-audit\", …})");
        assertThat(r.out()).isEmpty();
    }

    /// Other files that are not logs, each named so with its place: a CSV (`export --format csv` writes one), a
    /// JSON object on one line that is no header, a binary file.
    @ParameterizedTest
    @ValueSource(strings = {"attempts.csv", "object.json", "trace.bin"})
    void otherFilesThatAreNotAuditLogsAreSaidSo(String name, @TempDir Path dir) throws IOException {
        Path file = dir.resolve(name);
        String expected = switch (name) {
            case "attempts.csv" -> {
                Files.writeString(file, "id,name,attempt,outcome\n1,fetch,1,SUCCEEDED\n");
                yield file + ":1:1: ";
            }
            case "object.json" -> {
                Files.writeString(file, "{\"scenario\":\"A timeout\",\"counts\":{}}\n");
                yield file + ":1:";
            }
            default -> {
                Files.write(file, new byte[] {0x0a, 0x0d, 0x12, 0x00, (byte) 0x89, 'P', 'N', 'G', '\n'});
                yield file + ":";
            }
        };

        var r = cli("summarize", file.toString());

        assertThat(r.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.err().lines()).singleElement().asString()
                .startsWith("asynclab: cannot read " + file + " as an audit log: it is not one: " + expected)
                .contains("asynclab-audit");
    }

    /// A log whose header line was damaged still names the format: it is a log, and is reported as before (the
    /// place and the problem), not as another kind of file.
    @Test
    void aLogWhoseHeaderWasDamagedIsNotCalledAnotherKindOfFile(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("damaged.jsonl");
        Files.writeString(log, "{\"format\":\"asynclab-audit\",\"version\":2,\"runId\":\n");

        var r = cli("summarize", log.toString());

        assertThat(r.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.err()).startsWith("asynclab: " + log + ":1:").doesNotContain("it is not one");
    }

    @ParameterizedTest
    @ValueSource(strings = {"advise", "verify", "summarize", "explain", "export", "merge"})
    void aScenarioGivenForAnAuditLogIsSaidSo(String command, @TempDir Path dir) throws IOException {
        Path scenario = Files.copy(CliTest.SCENARIOS.resolve("01-timeout.yaml"), dir.resolve("01-timeout.yaml"));

        var r = cli(reading(command, scenario, dir));

        assertThat(r.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.err().lines()).containsExactly("asynclab: cannot read " + scenario + " as an audit log: it is "
                + "a scenario (.yaml); `asynclab run " + scenario + "` runs it and writes its log");
    }
}
