package dev.asynclab.app.cli;

import dev.asynclab.lab.audit.AuditLog;
import dev.asynclab.lab.audit.AuditLogReader;
import dev.asynclab.lab.story.RedFlag;
import dev.asynclab.lab.story.RedFlags;
import dev.asynclab.lab.story.RunHistory;
import dev.asynclab.lab.metrics.RunMetrics;
import dev.asynclab.lab.metrics.RunSummary;
import dev.asynclab.lab.scenario.Lint;
import dev.asynclab.lab.scenario.Linter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/// `asynclab summarize LOG`: the summary of `run`, computed from an audit log.
@Command(name = "summarize", mixinStandardHelpOptions = true,
        description = "Print the summary table and the red flags (ranked lints) of an audit log.")
final class SummarizeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "LOG", description = "The audit log (.jsonl).")
    Path log;

    @Option(names = "--json", description = "Also write the summary as JSON to this file.")
    Path json;

    @Option(names = "--fail-on-lint", description = "Exit with 1 when the log shows lints.")
    boolean failOnLint;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        InputFiles.existing(log);
        var metrics = new RunMetrics(0);
        AuditLog read = AuditLogReader.read(log);
        String title = read.header().scenario();
        read.events().forEach(metrics::onEvent);
        read.truncation().ifPresent(t -> spec.commandLine().getErr().println("note: " + t.describe()));
        RunSummary summary = metrics.summary();
        List<Lint> lints = Linter.check(null, summary);
        List<RedFlag> flags = RedFlags.rank(lints, RunHistory.of(read.events()));
        SummaryReport.print(spec.commandLine().getOut(), title, null, null, summary, flags, log);
        if (json != null) {
            SummaryReport.writeJson(json, title, summary, lints, flags);
        }
        return failOnLint && !lints.isEmpty() ? Cli.PROBLEMS : Cli.OK;
    }
}
