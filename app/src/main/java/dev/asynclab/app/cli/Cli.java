package dev.asynclab.app.cli;

import dev.asynclab.lab.audit.AuditLogException;
import dev.asynclab.lab.scenario.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/// The command line: `asynclab run|sweep|advise|verify|summarize|explain|export|merge ...`, and `asynclab FILE`,
/// which opens a scenario or an audit log in the window.
///
/// Exit codes: 0 fine, 1 a check found problems (lints with `--fail-on-lint`, a broken log, unmet
/// expectations with `--check`), 2 bad input (or no display for the window). An error is one line; `--debug` adds
/// the stack trace. On every command: `--help`, `--version`, `--quiet` (only problems and errors), `--verbose`
/// (also what the command does, on stderr); `NO_COLOR` turns the help's colours off.
///
/// ```java
/// int code = Cli.execute(new String[]{"verify", "audit.jsonl"}, out, err);
/// ```
@Command(name = "asynclab", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Async Lab: open a scenario or audit log in the window, or run, sweep, advise from, verify, "
                + "summarize, explain, export and merge them.",
        subcommands = {RunCommand.class, SweepCommand.class, AdviseCommand.class, VerifyCommand.class,
                SummarizeCommand.class, ExplainCommand.class, ExportCommand.class, MergeCommand.class,
                CommandLine.HelpCommand.class})
public final class Cli implements Callable<Integer> {

    public static final int OK = 0;
    public static final int PROBLEMS = 1;
    public static final int BAD_INPUT = 2;

    /// Opens the window with a file in it and returns the exit code when it closes (the app's `DesktopWindow`).
    @FunctionalInterface
    public interface Window {
        int open(Path file, PrintWriter err);
    }

    /// A path, or a `file:` URI (what a desktop's file manager may pass).
    @Parameters(paramLabel = "FILE", arity = "0..1",
            description = "A scenario (.yaml) or an audit log (.jsonl) to open in the window.")
    String fileArgument;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Show stack traces of errors.")
    boolean debug;

    @Option(names = {"-q", "--quiet"}, scope = CommandLine.ScopeType.INHERIT,
            description = "Print only problems (unmet expectations, lints, failed checks) and errors.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, scope = CommandLine.ScopeType.INHERIT,
            description = "Also print what the command does, step by step (on stderr).")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Window window;

    private Cli(Window window) {
        this.window = window;
    }

    @Override
    public Integer call() throws Exception {
        if (fileArgument == null) {
            spec.commandLine().usage(spec.commandLine().getOut());
            return OK;
        }
        Path file = fileArgument.startsWith("file:") ? Path.of(java.net.URI.create(fileArgument))
                : Path.of(fileArgument);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean openable = name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".jsonl");
        if (Files.isDirectory(file)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "cannot open " + file + ": it is a folder");
        }
        if (!Files.isRegularFile(file)) {
            throw new CommandLine.ParameterException(spec.commandLine(), openable ? "no such file: " + file
                    : "no such command or file: '" + file + "'");
        }
        if (!openable) {
            throw new CommandLine.ParameterException(spec.commandLine(), "cannot open " + file
                    + ": expected a scenario (.yaml) or an audit log (.jsonl)");
        }
        output().step("opening %s in the window", file);
        return window.open(file, spec.commandLine().getErr());
    }

    /// How this command line prints, by `--quiet` and `--verbose`.
    Output output() {
        Output.Level level = quiet ? Output.Level.QUIET : verbose ? Output.Level.VERBOSE : Output.Level.NORMAL;
        return new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), level);
    }

    /// Runs the command line with the given streams, without a window (`asynclab FILE` then says it cannot
    /// open one); returns the exit code. For tests and for programs that embed the command line.
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(args, out, err, System.getenv(), (f, e) -> {
            e.println("asynclab: cannot open a window from here (" + f + ")");
            return BAD_INPUT;
        });
    }

    /// Runs the command line: `env` is the environment (for `NO_COLOR`), `window` opens `asynclab FILE`.
    public static int execute(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env,
                              Window window) {
        var cli = new Cli(window);
        var cmd = new CommandLine(cli);
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setColorScheme(CommandLine.Help.defaultColorScheme(ansi(env)));
        everyCommandHasVersion(cmd);
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
        cmd.setExecutionStrategy(parseResult -> {
            if (cli.quiet && cli.verbose) {
                throw new CommandLine.ParameterException(cmd, "--quiet and --verbose cannot be used together");
            }
            return new CommandLine.RunLast().execute(parseResult);
        });
        return cmd.execute(args);
    }

    /// Colour only where wanted: `NO_COLOR` set to anything but the empty string turns it off (no-color.org);
    /// otherwise picocli colours the help on a terminal only.
    static CommandLine.Help.Ansi ansi(Map<String, String> env) {
        String noColor = env.get("NO_COLOR");
        return noColor != null && !noColor.isEmpty() ? CommandLine.Help.Ansi.OFF : CommandLine.Help.Ansi.AUTO;
    }

    /// `--version` on every subcommand too: their own version provider, and the option where a command (picocli's
    /// `help`) has none.
    private static void everyCommandHasVersion(CommandLine cmd) {
        for (CommandLine sub : cmd.getSubcommands().values()) {
            var spec = sub.getCommandSpec();
            spec.versionProvider(new Version());
            if (spec.findOption("--version") == null) {
                spec.addOption(CommandLine.Model.OptionSpec.builder("-V", "--version").versionHelp(true)
                        .description("Print version information and exit.").build());
            }
            everyCommandHasVersion(sub);
        }
    }

    static String describe(Throwable ex) {
        return switch (ex) {
            case ScenarioException s -> s.getMessage();
            case AuditLogException a -> a.getMessage();
            case OutputFiles.CannotWriteException c -> c.getMessage();
            case InputFiles.CannotReadException c -> c.getMessage();
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
