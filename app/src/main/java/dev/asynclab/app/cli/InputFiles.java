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

    /// An input that cannot be read; the message is the whole line the user sees after "asynclab: ".
    static final class CannotReadException extends IOException {
        CannotReadException(String message) {
            super(message);
        }
    }
}
