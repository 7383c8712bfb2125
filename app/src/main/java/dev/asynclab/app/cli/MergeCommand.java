package dev.asynclab.app.cli;

import dev.asynclab.lab.audit.AuditLogMerger;
import dev.asynclab.lab.audit.MergedAuditLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/// `asynclab merge LOG... --out FILE`: logs of several processes as one, each process a group of lanes.
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Merge the audit logs of several processes into one, ordered by wall time.")
final class MergeCommand implements Callable<Integer> {

    // Arity 1..* and the count checked in call(): picocli's own message for one log named "positional parameter at
    // index 0..*" and "found '--out'", not that a merge needs a second log.
    @Parameters(paramLabel = "LOG", arity = "1..*", description = "Two or more audit logs (.jsonl).")
    List<Path> logs;

    @Option(names = "--out", required = true, description = "The merged log to write.")
    Path out;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    Cli cli;

    @Override
    public Integer call() throws Exception {
        Output say = cli.output();
        if (logs.size() < 2) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "merge takes two or more logs, was one: " + logs.getFirst());
        }
        for (Path log : logs) {
            InputFiles.log(log);
        }
        OutputFiles.file(OutputFiles.notAnInput(out, logs.toArray(Path[]::new)));
        say.step("merging %d logs", logs.size());
        MergedAuditLog merged = AuditLogMerger.merge(logs);
        merged.writeTo(out);
        say.report("wrote %s: %,d events from %d logs", out, merged.events().size(), logs.size());
        return Cli.OK;
    }
}
