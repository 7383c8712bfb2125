package dev.asynclab.app.cli;

import dev.asynclab.lab.audit.AuditLogReader;
import dev.asynclab.lab.export.ExportFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CliTest {

    static final Path SCENARIOS = Path.of(System.getProperty("asynclab.project.root", ".."), "scenarios");

    record Outcome(int code, String out, String err) {
    }

    static Outcome cli(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Cli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void runWritesAVerifiableLogAndASummary(@TempDir Path dir) throws IOException {
        var r = cli("run", SCENARIOS.resolve("07-race.yaml").toString(), "--clock", "simulated", "--out",
                dir.toString(), "--check");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("data-fetch", "expectations: all met");
        assertThat(dir.resolve("audit.jsonl")).exists();
        assertThat(Files.readString(dir.resolve("summary.json"))).contains("\"succeeded\" : 5");
        var v = cli("verify", dir.resolve("audit.jsonl").toString());
        assertThat(v.code()).isZero();
        assertThat(v.out()).contains("ok:");
    }

    @Test
    void sameSeedGivesTheSameLogByteForByte(@TempDir Path dir) throws IOException {
        String file = SCENARIOS.resolve("05-backoff-jitter.yaml").toString();
        cli("run", file, "--clock", "simulated", "--seed", "5", "--out", dir.resolve("a").toString());
        cli("run", file, "--clock", "simulated", "--seed", "5", "--out", dir.resolve("b").toString());
        cli("run", file, "--clock", "simulated", "--seed", "6", "--out", dir.resolve("c").toString());
        byte[] a = Files.readAllBytes(dir.resolve("a/audit.jsonl"));
        assertThat(a).isEqualTo(Files.readAllBytes(dir.resolve("b/audit.jsonl")));
        assertThat(a).isNotEqualTo(Files.readAllBytes(dir.resolve("c/audit.jsonl")));
    }

    @Test
    void verifyNamesTheFirstEditedLine(@TempDir Path dir) throws IOException {
        cli("run", SCENARIOS.resolve("01-timeout.yaml").toString(), "--clock", "simulated", "--out",
                dir.toString());
        Path log = dir.resolve("audit.jsonl");
        List<String> lines = Files.readAllLines(log);
        lines.set(5, lines.get(5).replaceFirst("\"t\":\\d+", "\"t\":1"));
        Files.write(log, lines);
        var v = cli("verify", log.toString());
        assertThat(v.code()).isEqualTo(Cli.PROBLEMS);
        assertThat(v.out()).contains("line 6");
    }

    @Test
    void summarizeGivesTheSameCountsAsTheRun(@TempDir Path dir) {
        var run = cli("run", SCENARIOS.resolve("11-rejection.yaml").toString(), "--clock", "simulated", "--out",
                dir.toString());
        var sum = cli("summarize", dir.resolve("audit.jsonl").toString());
        assertThat(sum.code()).isZero();
        String runRow = run.out().lines().filter(l -> l.contains("|")).skip(1).findFirst().orElseThrow();
        String sumRow = sum.out().lines().filter(l -> l.contains("|")).skip(1).findFirst().orElseThrow();
        assertThat(sumRow).isEqualTo(runRow);
    }

    @Test
    void exportWritesEveryFormatNextToTheLog(@TempDir Path dir) throws IOException {
        cli("run", SCENARIOS.resolve("07-race.yaml").toString(), "--clock", "simulated", "--out", dir.toString());
        Path log = dir.resolve("audit.jsonl");
        for (ExportFormat format : ExportFormat.values()) {
            var r = cli("export", log.toString(), "--format", format.cliName());
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("wrote " + dir.resolve("audit" + format.extension()));
        }
        assertThat(Files.readString(dir.resolve("audit.trace.json"))).contains("\"traceEvents\"");
        // a Perfetto trace is a `Trace` message: its first byte is the key of field 1 (packet), length-delimited
        assertThat(Files.readAllBytes(dir.resolve("audit.perfetto-trace"))[0]).isEqualTo((byte) 0x0A);
        assertThat(Files.readAllBytes(dir.resolve("audit.jfr"))).startsWith('F', 'L', 'R', 0);
        long invocations;
        try (var reader = AuditLogReader.open(log)) {
            var ids = new java.util.HashSet<Long>();
            reader.forEach(e -> {
                if (e.isTerminal()) {
                    ids.add(e.id());
                }
            });
            invocations = ids.size();
        }
        assertThat(Files.readAllLines(dir.resolve("audit.csv"))).hasSize((int) invocations + 1);
        var bad = cli("export", log.toString(), "--format", "xml");
        assertThat(bad.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(bad.err()).contains("unknown format 'xml' (expected perfetto, chrome-trace, jfr, csv)");
    }

    @Test
    void exportHelpListsEveryFormat() {
        var help = cli("export", "--help");
        for (ExportFormat format : ExportFormat.values()) {
            assertThat(help.out()).contains(format.cliName(), format.extension());
        }
    }

    @Test
    void mergeMakesOneVerifiableLogOfTwo(@TempDir Path dir) {
        cli("run", SCENARIOS.resolve("07-race.yaml").toString(), "--clock", "simulated", "--out",
                dir.resolve("a").toString());
        cli("run", SCENARIOS.resolve("01-timeout.yaml").toString(), "--clock", "simulated", "--out",
                dir.resolve("b").toString());
        var r = cli("merge", dir.resolve("a/audit.jsonl").toString(), dir.resolve("b/audit.jsonl").toString(),
                "--out", dir.resolve("merged.jsonl").toString());
        assertThat(r.code()).as(r.err()).isZero();
        var v = cli("verify", dir.resolve("merged.jsonl").toString());
        assertThat(v.code()).as(v.out()).isZero();
        assertThat(cli("merge", dir.resolve("a/audit.jsonl").toString(), "--out", "x.jsonl").code())
                .isEqualTo(Cli.BAD_INPUT);
    }

    @Test
    void sweepNamesTheSmallestPoolThatMeetsTheTarget(@TempDir Path dir) {
        var r = cli("sweep", SCENARIOS.resolve("10-pool-saturation.yaml").toString(), "--pool", "2..8",
                "--target", "p99<300ms", "--out", dir.resolve("sweep.csv").toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).containsPattern("smallest pool size that meets p99<300ms: \\d+");
        assertThat(dir.resolve("sweep.csv")).exists();
        var bad = cli("sweep", SCENARIOS.resolve("10-pool-saturation.yaml").toString(), "--pool", "8..2");
        assertThat(bad.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(bad.err()).contains("range like 1..32");
    }

    @Test
    void failOnLintTurnsLintsIntoExitCodeOne(@TempDir Path dir) {
        var r = cli("run", SCENARIOS.resolve("12-late-finish.yaml").toString(), "--clock", "simulated", "--out",
                dir.toString(), "--fail-on-lint");
        assertThat(r.code()).isEqualTo(Cli.PROBLEMS);
        assertThat(r.out()).contains("late-finish");
    }

    @org.junit.jupiter.api.TestFactory
    java.util.stream.Stream<org.junit.jupiter.api.DynamicTest> everyMalformedScenarioGivesExitCodeTwoAndAPlace()
            throws IOException {
        Path corpus = Path.of(System.getProperty("asynclab.project.root", ".."),
                "engine/lab/src/test/resources/bad-scenarios");
        List<Path> files;
        try (var list = Files.list(corpus)) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(10);
        return files.stream().map(f -> org.junit.jupiter.api.DynamicTest.dynamicTest(f.getFileName().toString(),
                () -> {
                    var r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                            java.time.Duration.ofSeconds(30), () -> cli("run", f.toString(), "--out",
                                    Files.createTempDirectory("bad").toString()));
                    assertThat(r.code()).isEqualTo(Cli.BAD_INPUT);
                    assertThat(r.err()).startsWith("asynclab: " + f + ":")
                            .doesNotContain("\tat ", "Exception:");
                }));
    }

    @Test
    void badInputIsOneLineAndExitCodeTwo(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "name: x\ncallbacks:\n  - name: a\n    timout: 5ms\n");
        var r = cli("run", bad.toString(), "--out", dir.toString());
        assertThat(r.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.err().strip()).isEqualTo(
                "asynclab: " + bad + ":4:5: unknown key 'timout' in callback 'a' (did you mean 'timeout'?)");
        assertThat(r.err()).doesNotContain("Exception", "\tat ");
        assertThat(cli("verify", dir.resolve("missing.jsonl").toString()).code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(cli("run").code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(cli("frobnicate").code()).isEqualTo(Cli.BAD_INPUT);
    }
}
