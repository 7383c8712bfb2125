package dev.asynclab.lab.advise;

import dev.asynclab.lab.audit.AuditLogWriter;
import dev.asynclab.lab.metrics.RunSummary;
import dev.asynclab.lab.scenario.ClockMode;
import dev.asynclab.lab.scenario.RunOptions;
import dev.asynclab.lab.scenario.Scenario;
import dev.asynclab.lab.scenario.ScenarioLoader;
import dev.asynclab.lab.scenario.ScenarioRunner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/// Records audit logs of known workloads, as a program embedding the engine would.
final class Recordings {

    private Recordings() {
    }

    /// A scenario with one callback `job`: `count` arrivals by `arrival`, doing `work`, with `timeout`.
    static Scenario scenario(String arrival, String work, int count, String timeout, int pool) throws Exception {
        return ScenarioLoader.load("known.yaml", """
                name: known workload
                seed: 3
                pool: { size: %d }
                callbacks:
                  - name: job
                    count: %d
                    arrival: %s
                    work: %s
                    timeout: %s
                """.formatted(pool, count, arrival, work, timeout));
    }

    /// Runs `s` on `clock` with seed `seed`, writing its audit log to `log`.
    static RunSummary record(Scenario s, ClockMode clock, long seed, Path log) throws Exception {
        RunOptions options = RunOptions.DEFAULTS.withClock(clock).withSeed(seed).withPaced(false);
        var writer = AuditLogWriter.open(log, ScenarioRunner.header(s, options));
        RunSummary summary = ScenarioRunner.start(s, options, List.of(writer)).await(Duration.ofMinutes(10));
        writer.close();
        return summary;
    }
}
