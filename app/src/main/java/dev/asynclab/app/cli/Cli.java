package dev.asynclab.app.cli;

import dev.asynclab.lab.audit.AuditLogException;
import dev.asynclab.lab.scenario.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

/// The command line: `asynclab run|sweep|advise|verify|summarize|export ...`.
///
/// Exit codes: 0 fine, 1 a check found problems (lints with `--fail-on-lint`, a broken log, unmet
/// expectations with `--check`), 2 bad input. An error is one line; `--debug` adds the stack trace.
@Command(name = "asynclab", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Async Lab: run, sweep, advise, verify, summarize, export and merge async callback scenarios "
                + "and audit logs.",
        subcommands = {RunCommand.class, SweepCommand.class, AdviseCommand.class, VerifyCommand.class,
                SummarizeCommand.class, ExportCommand.class, MergeCommand.class, CommandLine.HelpCommand.class})
public final class Cli implements Runnable {

    public static final int OK = 0;
    public static final int PROBLEMS = 1;
    public static final int BAD_INPUT = 2;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Show stack traces of errors.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /// Runs the command line with the given streams; returns the exit code (for tests and the launcher).
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        var cli = new Cli();
        var cmd = new CommandLine(cli);
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setExitCodeExceptionMapper(t -> BAD_INPUT);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setParameterExceptionHandler((ex, a) -> {
            err.println("asynclab: " + ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return BAD_INPUT;
        });
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            err.println("asynclab: " + describe(ex));
            if (cli.debug) {
                ex.printStackTrace(err);
            }
            return BAD_INPUT;
        });
        return cmd.execute(args);
    }

    static String describe(Throwable ex) {
        return switch (ex) {
            case ScenarioException s -> s.getMessage();
            case AuditLogException a -> a.getMessage();
            case java.nio.file.NoSuchFileException n -> "no such file: " + n.getFile();
            case java.nio.file.AccessDeniedException d -> "cannot access: " + d.getFile();
            case java.io.UncheckedIOException u -> describe(u.getCause());
            default -> ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        };
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"asynclab " + dev.asynclab.engine.AsyncCallbackRuntime.ENGINE_VERSION};
        }
    }
}
