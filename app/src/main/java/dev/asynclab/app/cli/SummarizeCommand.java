package dev.asynclab.app.cli;

import dev.asynclab.lab.metrics.RunMetrics;
import dev.asynclab.lab.metrics.RunSummary;
import dev.asynclab.lab.scenario.Lint;
import dev.asynclab.lab.scenario.Linter;
import dev.asynclab.engine.event.Event;
import dev.asynclab.lab.story.RedFlag;
import dev.asynclab.lab.story.RedFlags;
import dev.asynclab.lab.story.RunHistory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/// `asynclab summarize LOG`: the summary of `run`, computed from an audit log.
@Command(name = "summarize", mixinStandardHelpOptions = true,
        description = {"Print the summary table and the red flags (ranked lints) of an audit log.",
                "A log whose hash chain or invariants break is said so in one line, and the exit code is 1."})
final class SummarizeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "LOG", description = "The audit log (.jsonl).")
    Path log;

    @Option(names = "--json", description = "Also write the summary as JSON to this file.")
    Path json;

    @Option(names = "--fail-on-lint", description = "Exit with 1 when the log shows lints.")
    boolean failOnLint;

    @picocli.CommandLine.ParentCommand
    Cli cli;

    @Override
    public Integer call() throws Exception {
        Output say = cli.output();
        InputFiles.log(log);
        if (json != null) {
            OutputFiles.file(OutputFiles.notAnInput(json, log));
        }
        var metrics = new RunMetrics(0);
        List<Event> events = new ArrayList<>(); // the red flags' stories need them
        say.step("reading %s", log);
        CheckedLog read = CheckedLog.read(log, say, e -> {
            metrics.onEvent(e);
            events.add(e);
        });
        String title = read.scenario();
        RunSummary summary = metrics.summary();
        say.step("read %,d events", summary.eventCount());
        List<Lint> lints = Linter.check(null, summary);
        SummaryReport.print(say.reportWriter(), title, null, null, summary);
        List<RedFlag> flags = RedFlags.rank(lints, RunHistory.of(events));
        SummaryReport.printRedFlags(say, flags, log);
        if (json != null) {
            SummaryReport.writeJson(json, title, summary, lints, flags);
            say.report("wrote " + json);
        }
        return read.exitCode(failOnLint && !lints.isEmpty() ? Cli.PROBLEMS : Cli.OK);
    }
}
