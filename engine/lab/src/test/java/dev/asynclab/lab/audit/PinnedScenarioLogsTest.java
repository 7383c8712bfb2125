package dev.asynclab.lab.audit;

import dev.asynclab.lab.scenario.CallbackSpec;
import dev.asynclab.lab.scenario.ClockMode;
import dev.asynclab.lab.scenario.GroupSpec;
import dev.asynclab.lab.scenario.RunOptions;
import dev.asynclab.lab.scenario.Scenario;
import dev.asynclab.lab.scenario.ScenarioLoader;
import dev.asynclab.lab.scenario.ScenarioRunner;
import dev.asynclab.lab.scenario.Step;
import dev.asynclab.lab.scenario.Work;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/// Same scenario, same seed, same log — across versions of the engine, not only between two runs of one: every
/// scenario in `scenarios/` (but the script ones) run on the simulated clock gives the very log, byte for byte, that
/// it gave when the hashes in `pinned-scenario-logs.txt` were taken. Work on the simulated clock's speed (its
/// queues, its deadline slots, the runner) must not move an event; this is where it would show.
///
/// A change that means to change the events (a new event, a new field) changes the hashes: run this test with
/// `-Dasynclab.pinLogs=write` to write the new ones, and say in the commit why the logs changed.
class PinnedScenarioLogsTest {

    private static final Path FOLDER = Path.of("..", "..", "scenarios");
    private static final Path PINNED = Path.of("src", "test", "resources", "audit", "pinned-scenario-logs.txt");

    @TempDir
    Path dir;

    @Test
    void everyScenarioGivesTheLogItGaveWhenPinned() throws Exception {
        Map<String, String> hashes = new TreeMap<>();
        for (Path file : scenarioFiles()) {
            Scenario s = ScenarioLoader.load(file);
            if (!hasScripts(s)) {
                hashes.put(file.getFileName().toString(), sha256(run(s, dir.resolve("run.jsonl"))));
            }
        }
        if ("write".equals(System.getProperty("asynclab.pinLogs"))) {
            Files.write(PINNED, hashes.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
        }
        Map<String, String> pinned = new TreeMap<>();
        for (String line : Files.readAllLines(PINNED)) {
            String[] parts = line.split(" ");
            pinned.put(parts[0], parts[1]);
        }
        assertThat(hashes).isNotEmpty().isEqualTo(pinned);
    }

    private static Path run(Scenario s, Path log) throws Exception {
        Files.deleteIfExists(log);
        var header = AuditHeader.of("pinned", s.name(), AuditTestLogs.START, "pinned", AuditHeader.CLOCK_SIMULATED, 11);
        var writer = new AuditLogWriter(log, header);
        var run = ScenarioRunner.start(s, RunOptions.DEFAULTS.withClock(ClockMode.SIMULATED).withSeed(11),
                List.of(writer));
        run.await(Duration.ofMinutes(2));
        writer.close();
        return log;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static List<Path> scenarioFiles() throws IOException {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    private static boolean hasScripts(Scenario s) {
        return s.steps().stream().anyMatch(PinnedScenarioLogsTest::hasScripts);
    }

    private static boolean hasScripts(Step step) {
        return switch (step) {
            case CallbackSpec c -> c.work() instanceof Work.Script;
            case GroupSpec g -> g.members().stream().anyMatch(PinnedScenarioLogsTest::hasScripts);
        };
    }
}
