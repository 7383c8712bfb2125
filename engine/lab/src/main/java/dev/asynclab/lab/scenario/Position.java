package dev.asynclab.lab.scenario;

/// A place in a scenario file, 1-based, for messages about what the file declared.
///
/// ```java
/// System.err.println(file + ":" + spec.position() + ": callback '" + spec.name() + "' has no timeout");
/// ```
public record Position(int line, int column) {

    /// For models built in code rather than loaded.
    public static final Position UNKNOWN = new Position(0, 0);

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
