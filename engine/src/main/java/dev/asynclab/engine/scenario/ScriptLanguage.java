package dev.asynclab.engine.scenario;

/// The languages of script callbacks, with their GraalVM language ids.
///
/// ```java
/// Context context = Context.newBuilder(script.language().graalId()).engine(engine).build();
/// ```
public enum ScriptLanguage {
    JS("js"),
    PYTHON("python");

    private final String graalId;

    ScriptLanguage(String graalId) {
        this.graalId = graalId;
    }

    /// The GraalVM polyglot language id (`js`, `python`).
    public String graalId() {
        return graalId;
    }
}
