package dev.asynclab.app.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/// Checks on what a command writes, made before it starts, so an unwritable `--out` fails at once with one line,
/// "cannot write <path>: <reason>", and not with a "no such file" about a file the user never meant to read.
final class OutputFiles {

    private OutputFiles() {
    }

    /// Makes the folder `dir` (and its parents) unless it exists; it must then be a folder this user may write in.
    static Path folder(Path dir) throws CannotWriteException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new CannotWriteException(dir, e);
        }
        if (!Files.isWritable(dir)) {
            throw new CannotWriteException(dir, "permission denied");
        }
        return dir;
    }

    /// Makes the folder that will hold `file`; `file` itself must not be a folder, nor read-only.
    static Path file(Path file) throws CannotWriteException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                throw new CannotWriteException(file, e);
            }
            if (!Files.isWritable(parent)) {
                throw new CannotWriteException(file, "permission denied");
            }
        }
        if (Files.isDirectory(file)) {
            throw new CannotWriteException(file, "it is a folder");
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw new CannotWriteException(file, "permission denied");
        }
        return file;
    }

    /// Refuses to write `file` over one of the files the command reads: `export LOG --format csv --out LOG` wrote the
    /// CSV over the audit log it was reading, and `merge a b --out a` replaced an input.
    static Path notAnInput(Path file, Path... inputs) throws CannotWriteException {
        for (Path input : inputs) {
            if (same(file, input)) {
                throw new CannotWriteException(file, "it is the file being read");
            }
        }
        return file;
    }

    private static boolean same(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) {
                return Files.isSameFile(a, b); // a link or another spelling of the same file
            }
        } catch (IOException e) {
            // fall back to comparing the paths
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    /// "cannot write <path>: <reason>", the reason in plain words.
    static final class CannotWriteException extends IOException {

        CannotWriteException(Path path, String reason) {
            super("cannot write " + path + ": " + reason);
        }

        CannotWriteException(Path path, IOException cause) {
            super("cannot write " + path + ": " + reason(path, cause), cause);
        }

        /// The reason, naming the file it is about when that is not `path` itself (a parent in the way).
        private static String reason(Path path, IOException e) {
            String about = e instanceof FileSystemException f && f.getFile() != null
                    && !Path.of(f.getFile()).equals(path) ? f.getFile() + ": " : "";
            return about + switch (e) {
                case AccessDeniedException a -> "permission denied";
                case FileAlreadyExistsException f -> "a file is in the way of a folder";
                case NotDirectoryException n -> "not a folder";
                case NoSuchFileException n -> "does not exist";
                case FileSystemException f when f.getReason() != null -> lowerFirst(f.getReason());
                default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            };
        }

        private static String lowerFirst(String s) {
            return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
        }
    }
}
