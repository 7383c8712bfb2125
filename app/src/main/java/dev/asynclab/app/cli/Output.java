package dev.asynclab.app.cli;

import java.io.PrintWriter;

/// What a command prints, by the level `--quiet` and `--verbose` choose. Every command sorts its lines the same
/// way:
///
/// - `problem`: what went wrong or needs a look (unmet expectations, lints, a failed check); always printed.
/// - `report`: the command's normal output (the summary table, "wrote ..."); not with `--quiet`.
/// - `step`: what the command is doing, to stderr so stdout stays the report; only with `--verbose`.
///
/// Errors are not printed here: they end the command through `Cli`'s handler, one line on stderr, at any level.
///
/// ```java
/// Output say = cli.output();
/// say.step("loading %s", file);
/// say.report("wrote %s", log);
/// say.problem("expectations not met:");
/// ```
public final class Output {

    /// How much a command prints.
    public enum Level { QUIET, NORMAL, VERBOSE }

    private static final PrintWriter NOWHERE = new PrintWriter(java.io.Writer.nullWriter());

    private final PrintWriter out;
    private final PrintWriter err;
    private final Level level;

    Output(PrintWriter out, PrintWriter err, Level level) {
        this.out = out;
        this.err = err;
        this.level = level;
    }

    public Level level() {
        return level;
    }

    void problem(String format, Object... args) {
        out.println(args.length == 0 ? format : String.format(format, args));
    }

    void report(String format, Object... args) {
        if (level != Level.QUIET) {
            out.println(args.length == 0 ? format : String.format(format, args));
        }
    }

    void step(String format, Object... args) {
        if (level == Level.VERBOSE) {
            err.println(args.length == 0 ? format : String.format(format, args));
        }
    }

    /// Where a report of many lines (a table) goes: stdout, or nowhere with `--quiet`.
    PrintWriter reportWriter() {
        return level == Level.QUIET ? NOWHERE : out;
    }

    /// The progress bar of a long command: drawn on a terminal, never with `--quiet`.
    ProgressBar progress(String label) {
        return new ProgressBar(level == Level.QUIET ? NOWHERE : err, label, level != Level.QUIET);
    }
}
