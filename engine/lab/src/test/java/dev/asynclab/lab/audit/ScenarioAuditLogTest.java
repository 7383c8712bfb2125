package dev.asynclab.lab.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asynclab.lab.export.ExportFormat;
import dev.asynclab.lab.export.perfetto.PerfettoTrace.Trace;
import dev.asynclab.lab.scenario.CallbackSpec;
import dev.asynclab.lab.scenario.ClockMode;
import dev.asynclab.lab.scenario.GroupSpec;
import dev.asynclab.lab.scenario.RunOptions;
import dev.asynclab.lab.scenario.Scenario;
import dev.asynclab.lab.scenario.ScenarioLoader;
import dev.asynclab.lab.scenario.ScenarioRunner;
import dev.asynclab.lab.scenario.Step;
import dev.asynclab.lab.scenario.Work;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/// The audit log of real engine runs: every scenario in `scenarios/`, run on the simulated clock with the
/// writer as a sink, gives a log that verifies, reads back whole and exports to every format.
class ScenarioAuditLogTest {

    private static final Path FOLDER = Path.of("..", "..", "scenarios");

    @TempDir
    Path dir;

    @TestFactory
    List<DynamicTest> everyScenarioWritesALogThatVerifiesAndExports() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : scenarioFiles()) {
            tests.add(DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                Scenario s = ScenarioLoader.load(file);
                if (hasScripts(s)) {
                    return; // needs the script languages; the polyglot tests cover those runs
                }
                Path log = run(s, dir.resolve(file.getFileName() + ".jsonl"));

                VerificationReport report = AuditVerifier.verify(log);
                assertThat(report.ok()).as(report.summary()).isTrue();
                assertThat(report.finished()).isTrue();
                assertThat(report.truncation()).isEmpty();
                AuditLog read = AuditLogReader.read(log);
                assertThat(read.events()).hasSize((int) report.events());

                for (ExportFormat format : ExportFormat.values()) {
                    Path out = dir.resolve(file.getFileName() + format.extension());
                    format.export(log, out);
                    assertThat(out).isNotEmptyFile();
                }
                Path trace = dir.resolve(file.getFileName() + ExportFormat.CHROME_TRACE.extension());
                assertThat(new ObjectMapper().readTree(trace.toFile()).get("traceEvents").isArray()).isTrue();
                Path jfr = dir.resolve(file.getFileName() + ExportFormat.JFR.extension());
                assertThat(RecordingFile.readAllEvents(jfr)).isNotEmpty();
                Path perfetto = dir.resolve(file.getFileName() + ExportFormat.PERFETTO.extension());
                assertThat(Trace.parseFrom(Files.readAllBytes(perfetto)).getPacketCount()).isPositive();
            }));
        }
        assertThat(tests).isNotEmpty();
        return tests;
    }

    @Test
    void theSameSeedGivesTheSameLogByteForByte() throws Exception {
        Scenario s = ScenarioLoader.load(scenarioFiles().stream()
                .filter(p -> p.getFileName().toString().contains("pool-saturation")).findFirst().orElseThrow());

        byte[] first = Files.readAllBytes(run(s, dir.resolve("a.jsonl")));
        byte[] second = Files.readAllBytes(run(s, dir.resolve("b.jsonl")));

        assertThat(first).isEqualTo(second);
    }

    private static Path run(Scenario s, Path log) throws Exception {
        var header = AuditHeader.of("test", s.name(), AuditTestLogs.START, "test", AuditHeader.CLOCK_SIMULATED, 7);
        var writer = new AuditLogWriter(log, header);
        var run = ScenarioRunner.start(s, RunOptions.DEFAULTS.withClock(ClockMode.SIMULATED).withSeed(7),
                List.of(writer));
        run.await(Duration.ofMinutes(2));
        writer.close(); // the bus already closed it at the end of the run; closing again is harmless
        return log;
    }

    private static List<Path> scenarioFiles() throws IOException {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    private static boolean hasScripts(Scenario s) {
        return s.steps().stream().anyMatch(ScenarioAuditLogTest::hasScripts);
    }

    private static boolean hasScripts(Step step) {
        return switch (step) {
            case CallbackSpec c -> c.work() instanceof Work.Script;
            case GroupSpec g -> g.members().stream().anyMatch(ScenarioAuditLogTest::hasScripts);
        };
    }
}
