package dev.asynclab.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/// A bad option value is refused the way picocli refuses one of the wrong type: one line naming the option, then
/// `Try 'asynclab run --help'.` (the README's "Command line" promises that second line for every bad option value;
/// `--speed -1`, `--pool 0`, `--rate-scale 0`, a malformed `--target` said only what the engine's check said, in
/// words that did not always name the option, and without it).
final class OptionValues {

    private OptionValues() {
    }

    /// Refuses `value` of `option` unless `ok`: "Invalid value for option '--speed': must be > 0, was '-1.0'".
    static void require(boolean ok, CommandSpec spec, String option, Object value, String must) {
        if (!ok) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for option '" + option + "': " + must + ", was '" + value + "'");
        }
    }

    /// Reads an option with `read`, whose `IllegalArgumentException` already names the option or its value
    /// (`--pool takes a range like 1..32 …`, `cannot read target 'p99<5ms and': …`), refused as a bad value.
    static <T> T read(CommandSpec spec, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }
}
