package dev.asynclab.app.cli;

import dev.asynclab.lab.audit.AuditHeader;
import dev.asynclab.lab.audit.AuditLogException;
import dev.asynclab.lab.audit.AuditLogReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

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
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl")) {
            throw new CannotReadException("cannot read " + file + " as a scenario: it is an audit log (.jsonl); "
                    + "`asynclab summarize " + file + "` reports on it, `asynclab " + file + "` opens it");
        }
        return file;
    }

    /// An audit log to read: [#existing], not a scenario by its name, and a file whose first line is an audit log's
    /// header. `summarize scenario.yaml` said "scenario.yaml:1:1: expected '{' (each line is one JSON object) but
    /// found '#'"; `summarize summary.json` (what `summarize --json` writes) said "summary.json:1:2: expected a field
    /// name in double quotes", never that the file is not an audit log at all.
    static Path log(Path file) throws CannotReadException {
        existing(file);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            throw new CannotReadException("cannot read " + file + " as an audit log: it is a scenario (.yaml); "
                    + "`asynclab run " + file + "` runs it and writes its log");
        }
        headed(file);
        return file;
    }

    /// Reads `file`'s header line as every log command will. A first line that does not parse as a header and
    /// does not name the format either (`"asynclab-audit"`) is another kind of file: said so here, with the place
    /// and what was expected there. One that names the format is a log whose header was damaged, and an empty file
    /// or one that cannot be opened is no kind at all: the command reports those itself, as it always has.
    private static void headed(Path file) throws CannotReadException {
        try (var reader = AuditLogReader.open(file)) {
            reader.header();
        } catch (AuditLogException e) {
            if (e.line() > 0 && !namesTheFormat(file, e.line())) {
                String where = file + ":" + e.line() + (e.column() > 0 ? ":" + e.column() : "");
                String expected = e.problem().contains(AuditHeader.FORMAT) ? ""
                        : " (an audit log's first line is its header, {\"format\":\"" + AuditHeader.FORMAT
                                + "\", …})";
                throw new CannotReadException("cannot read " + file + " as an audit log: it is not one: " + where
                        + ": " + e.problem() + expected);
            }
        }
    }

    /// True when line `line` (from 1) of `file`, among its first [#HEAD_BYTES] bytes, names the audit log format.
    private static boolean namesTheFormat(Path file, long line) {
        byte[] head;
        try (var in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD_BYTES);
        } catch (IOException e) {
            return false;
        }
        String text = new String(head, StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\n", -1);
        return line <= lines.length && lines[(int) line - 1].contains("\"" + AuditHeader.FORMAT + "\"");
    }

    /// How much of a file's start is looked at for the format's name: a header line is a few hundred bytes.
    private static final int HEAD_BYTES = 64 * 1024;

    /// An input that cannot be read; the message is the whole line the user sees after "asynclab: ".
    static final class CannotReadException extends IOException {
        CannotReadException(String message) {
            super(message);
        }
    }
}
