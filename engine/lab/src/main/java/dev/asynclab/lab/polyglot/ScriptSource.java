package dev.asynclab.lab.polyglot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/// The text of one script callback: a function body in a language, the name errors are reported under (a file
/// name, or where in a scenario file it was written), and the line of that file the body starts on, so that
/// error messages name the file's line.
///
/// ```java
/// var inline = new ScriptSource(ScriptLanguage.JS, "sleep(10); return 'hit'", "cache");
/// var file = ScriptSource.read(Path.of("scenarios/fetch.py"));   // language from the extension
/// ```
///
/// @param language the language the body is written in
/// @param body     a function body: it may `return` a value, and sees the host API (`sleep`, `fail`, ...)
/// @param name      the source name errors are reported under
/// @param firstLine the line the body starts on in the file it came from (1 for a file of its own)
public record ScriptSource(ScriptLanguage language, String body, String name, int firstLine) {

    public ScriptSource {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(name, "name");
        if (firstLine < 1) {
            throw new IllegalArgumentException("firstLine must be 1 or more, got " + firstLine);
        }
    }

    /// A body that starts on line 1 of its own.
    public ScriptSource(ScriptLanguage language, String body, String name) {
        this(language, body, name, 1);
    }

    /// Reads a script file; its language comes from the extension (`.js` or `.py`).
    ///
    /// @throws IOException              if the file cannot be read
    /// @throws IllegalArgumentException if the extension names no supported language
    public static ScriptSource read(Path file) throws IOException {
        String fileName = String.valueOf(file.getFileName());
        ScriptLanguage language = ScriptLanguage.forFileName(fileName).orElseThrow(() -> new IllegalArgumentException(
                file + ": a script file must end in .js (JavaScript) or .py (Python)"));
        return read(language, file);
    }

    /// Reads a script file written in `language`, whatever its extension.
    public static ScriptSource read(ScriptLanguage language, Path file) throws IOException {
        return new ScriptSource(language, Files.readString(file), String.valueOf(file.getFileName()));
    }
}
