package dev.asynclab.lab.scenario;

/// One thing wrong with a scenario file, at a 1-based line and column.
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
