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
