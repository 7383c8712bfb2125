package dev.asynclab.app.cli;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/// Checks on the files a command reads, so each fails with one clear line.
final class InputFiles {

    private InputFiles() {
    }

    /// `file` itself, if it is a readable regular file; else `NoSuchFileException` (exit code 2).
    static Path existing(Path file) throws NoSuchFileException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        return file;
    }
}
