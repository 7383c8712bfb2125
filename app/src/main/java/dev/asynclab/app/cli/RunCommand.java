package dev.asynclab.app.cli;

import dev.asynclab.lab.audit.AuditLogWriter;
import dev.asynclab.lab.metrics.RunSummary;
import dev.asynclab.lab.scenario.Lint;
import dev.asynclab.lab.scenario.Linter;
import dev.asynclab.lab.scenario.RunOptions;
import dev.asynclab.lab.scenario.Scenario;
import dev.asynclab.lab.scenario.ScenarioLoader;
import dev.asynclab.lab.scenario.ScenarioRun;
import dev.asynclab.lab.scenario.ScenarioRunner;
import dev.asynclab.lab.scenario.ScenarioScripts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/// `asynclab run FILE`: runs a scenario, shows progress, prints a summary and its lints, writes
/// `audit.jsonl` and `summary.json`.
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a scenario and write its audit log and summary.")
final class RunCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The scenario file (.yaml).")
    Path file;

    @picocli.CommandLine.Mixin
    RunFlags flags;

    @Option(names = "--pool", description = "Pool size (default: the scenario's).")
    Integer pool;

    @Option(names = "--out", description = "Folder for audit.jsonl and summary.json (default: ${DEFAULT-VALUE}).",
            defaultValue = "asynclab-out")
    Path out;

    @Option(names = "--fail-on-lint", description = "Exit with 1 when the run has lints.")
    boolean failOnLint;

    @Option(names = "--check", description = "Exit with 1 when the scenario's expectations are not met.")
    boolean check;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Scenario scenario = ScenarioLoader.load(file);
        RunOptions options = pool == null ? flags.options() : flags.options().withPoolSize(pool);
        Files.createDirectories(out);
        Path log = out.resolve("audit.jsonl");
        ScenarioRun run;
        try (AuditLogWriter writer = AuditLogWriter.open(log, ScenarioRunner.header(scenario, options))) {
            run = ScenarioRunner.start(scenario, options, List.of(writer), ScenarioScripts.shared());
            var progress = new ProgressBar(stderr, "running " + scenario.name());
            Runtime.getRuntime().addShutdownHook(new Thread(run::stop)); // Ctrl-C still leaves a whole log
            while (!run.isDone()) {
                progress.show(run.progress(), run.ended() + "/" + run.total());
                try {
                    run.await(Duration.ofMillis(100));
                } catch (java.util.concurrent.TimeoutException stillRunning) {
                    // keep drawing
                }
            }
            progress.done();
        }
        RunSummary summary = run.await();
        List<Lint> lints = Linter.check(scenario, summary);
        SummaryReport.print(stdout, scenario.name(), run.clock(), run.seed(), summary, lints);
        SummaryReport.writeJson(out.resolve("summary.json"), scenario.name(), summary, lints);
        stdout.println("wrote " + log + " and " + out.resolve("summary.json"));
        if (run.eventStalls() > 0) {
            stdout.println("note: the engine waited " + run.eventStalls() + " times for the audit log to catch up "
                    + "(no event was lost)");
        }
        int code = Cli.OK;
        List<String> unmet = scenario.expect().check(summary.observedCounts());
        if (!scenario.expect().counts().isEmpty()) {
            stdout.println(unmet.isEmpty() ? "expectations: all met" : "expectations not met:");
            unmet.forEach(u -> stdout.println("  " + u));
            if (check && !unmet.isEmpty()) {
                code = Cli.PROBLEMS;
            }
        }
        if (failOnLint && !lints.isEmpty()) {
            code = Cli.PROBLEMS;
        }
        return code;
    }
}
