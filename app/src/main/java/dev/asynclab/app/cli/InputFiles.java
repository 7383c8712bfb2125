package dev.asynclab.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/// Checks on the files a command reads, made before it starts, so each fails with one line in the same words
/// whatever the command: "no such file: <path>", "cannot read <path>: it is a folder" or "…: permission denied".
/// (`run` and `sweep` used to let the scenario loader say it, as `nosuch.yaml:1:1: no such file: nosuch.yaml`,
/// a line and column a missing file does not have; `advise` said `nosuch.jsonl: no such file`.)
final class InputFiles {

    private InputFiles() {
    }

    /// `file` itself, if it is a readable regular file; else [CannotReadException] (exit code 2).
    static Path existing(Path file) throws CannotReadException {
        if (Files.isDirectory(file)) {
            throw new CannotReadException("cannot read " + file + ": it is a folder");
        }
        if (!Files.exists(file)) {
            throw new CannotReadException("no such file: " + file);
        }
        if (!Files.isReadable(file)) {
            throw new CannotReadException("cannot read " + file + ": permission denied");
        }
        return file;
    }

    /// A scenario to run: [#existing], and not an audit log by its name. `run audit.jsonl` said
    /// "audit.jsonl:2:1: invalid YAML: expected '<document start>', but found '{'" (JSON is YAML, up to line 2).
    static Path scenario(Path file) throws CannotReadException {
        existing(file);
        if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".jsonl")) {
            throw new CannotReadException("cannot read " + file + " as a scenario: it is an audit log (.jsonl); "
                    + "`asynclab summarize " + file + "` reports on it, `asynclab " + file + "` opens it");
        }
        return file;
    }

    /// An audit log to read: [#existing], and not a scenario by its name. `summarize scenario.yaml` said
    /// "scenario.yaml:1:1: expected '{' (each line is one JSON object) but found '#'".
    static Path log(Path file) throws CannotReadException {
        existing(file);
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            throw new CannotReadException("cannot read " + file + " as an audit log: it is a scenario (.yaml); "
                    + "`asynclab run " + file + "` runs it and writes its log");
        }
        return file;
    }

    /// An input that cannot be read; the message is the whole line the user sees after "asynclab: ".
    static final class CannotReadException extends IOException {
        CannotReadException(String message) {
            super(message);
        }
    }
}
