package dev.asynclab.lab.scenario;

/// One thing wrong with a scenario file, at a 1-based line and column; `file` is the path as it was given (or the
/// name given for text), so `file:line:column` opens in an editor from where the user is.
///
/// ```java
/// new ScenarioProblem("pool.yaml", 7, 5, "unknown key 'timout'").toString(); // "pool.yaml:7:5: unknown key 'timout'"
/// ```
public record ScenarioProblem(String file, int line, int column, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
