package dev.asynclab.app.cli;

import dev.asynclab.lab.audit.AuditLogReader;
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
import dev.asynclab.lab.story.RedFlag;
import dev.asynclab.lab.story.RedFlags;
import dev.asynclab.lab.story.RunHistory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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

    @picocli.CommandLine.ParentCommand
    Cli cli;

    @Override
    public Integer call() throws Exception {
        Output say = cli.output();
        flags.check(spec);
        OptionValues.require(pool == null || pool >= 1, spec, "--pool", pool, "must be at least 1");
        InputFiles.scenario(file);
        say.step("loading %s", file);
        Scenario scenario = ScenarioLoader.load(file);
        RunOptions options = pool == null ? flags.options() : flags.options().withPoolSize(pool);
        OutputFiles.folder(out);
        Path log = OutputFiles.file(OutputFiles.notAnInput(out.resolve("audit.jsonl"), file));
        Path json = OutputFiles.file(OutputFiles.notAnInput(out.resolve("summary.json"), file));
        ScenarioRun run;
        long startedAt = System.nanoTime();
        try (AuditLogWriter writer = AuditLogWriter.open(log, ScenarioRunner.header(scenario, options))) {
            run = ScenarioRunner.start(scenario, options, List.of(writer), ScenarioScripts.shared());
            say.step("running %s: %d invocations on the %s clock, seed %d", scenario.name(), run.total(),
                    run.clock().name().toLowerCase(java.util.Locale.ROOT), run.seed());
            var progress = say.progress("running " + scenario.name());
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
        say.step("ran in %.2f s of wall time: %,d events", (System.nanoTime() - startedAt) / 1e9, summary.eventCount());
        List<Lint> lints = Linter.check(scenario, summary);
        SummaryReport.print(say.reportWriter(), scenario.name(), run.clock(), run.seed(), summary);
        // The red flags link to invocations: read them back from the log just written, as `summarize` would.
        List<RedFlag> flags = RedFlags.rank(lints, RunHistory.of(AuditLogReader.read(log).events()));
        SummaryReport.printRedFlags(say, flags, log);
        SummaryReport.writeJson(json, scenario.name(), summary, lints, flags);
        say.report("wrote " + log + " and " + json);
        if (run.eventStalls() > 0) {
            say.report("note: the engine waited " + run.eventStalls() + " times for the audit log to catch up "
                    + "(no event was lost)");
        }
        int code = Cli.OK;
        List<String> unmet = scenario.expect().check(summary.observedCounts());
        if (!scenario.expect().counts().isEmpty()) {
            if (unmet.isEmpty()) {
                say.report("expectations: all met");
            } else {
                say.problem("expectations not met:");
                unmet.forEach(u -> say.problem("  " + u));
            }
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
