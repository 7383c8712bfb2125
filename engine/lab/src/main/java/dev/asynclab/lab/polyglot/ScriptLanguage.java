package dev.asynclab.lab.polyglot;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/// The languages a script callback can be written in, each a GraalVM polyglot language.
///
/// ```java
/// ScriptLanguage lang = ScriptLanguage.forFileName("fetch.py").orElseThrow();   // PYTHON
/// ```
public enum ScriptLanguage {
    JS("js", "JavaScript", ".js"),
    PYTHON("python", "Python", ".py");

    /// The name of the function a Python body is wrapped in (JavaScript needs none: its wrapper is an expression).
    static final String PYTHON_FUNCTION = "__asynclab_callback";

    /// The host API every body sees, in the order the wrapper function takes it.
    static final String PARAMETERS = "sleep, fail, random, log, attempt, name";

    /// Lines the wrapper puts before the body; reported line numbers are shifted back by this much.
    static final int HEADER_LINES = 1;

    /// Columns the wrapper adds before each body line (Python's indentation).
    int columnShift() {
        return this == PYTHON ? 4 : 0;
    }

    private final String id;
    private final String displayName;
    private final String extension;

    ScriptLanguage(String id, String displayName, String extension) {
        this.id = id;
        this.displayName = displayName;
        this.extension = extension;
    }

    /// The GraalVM language id (`js`, `python`).
    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    /// The language a file is written in, by its extension (`.js`, `.py`).
    public static Optional<ScriptLanguage> forFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(l -> lower.endsWith(l.extension)).findFirst();
    }

    /// Turns a function body (which may `return`) into source text whose evaluation defines the callback
    /// function. The body starts on line `HEADER_LINES + 1`.
    String wrap(String body) {
        return switch (this) {
            case JS -> "(function (" + PARAMETERS + ") {\n" + body + "\n})";
            case PYTHON -> "def " + PYTHON_FUNCTION + "(" + PARAMETERS + "):\n" + indent(body) + "\n    return None\n";
        };
    }

    /// Python needs the body indented under the `def`. An all-blank body still needs one statement, which the
    /// trailing `return None` provides.
    private static String indent(String body) {
        return body.lines().map(line -> line.isBlank() ? "" : "    " + line).collect(Collectors.joining("\n"));
    }
}
