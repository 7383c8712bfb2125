package dev.asynclab.app.cli;

import dev.asynclab.lab.audit.AuditVerifier;
import dev.asynclab.lab.audit.VerificationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/// `asynclab verify LOG`: checks the hash chain and the invariants and names the first bad line.
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check an audit log's hash chain and invariants; name the first bad line.")
final class VerifyCommand implements Callable<Integer> {

    @Parameters(paramLabel = "LOG", description = "The audit log (.jsonl).")
    Path log;

    @picocli.CommandLine.ParentCommand
    Cli cli;

    @Override
    public Integer call() throws Exception {
        Output say = cli.output();
        InputFiles.log(log);
        say.step("verifying %s", log);
        VerificationReport report = AuditVerifier.verify(log);
        if (report.ok()) {
            say.report(log + ": " + report.summary());
            return Cli.OK;
        }
        say.problem(log + ": " + report.summary());
        return Cli.PROBLEMS;
    }
}
