package dev.asynclab.lab.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/// Collects the problems of one file while it is read, so that one load reports them all.
final class Problems {

    /// Past this many, the rest are most likely consequences of the first ones.
    private static final int MAX = 50;
    /// The most values a file may expand to. Aliases share nodes, so a small file can describe a huge tree.
    static final int MAX_VALUES = 250_000;

    private final String file;
    private final String name;
    private final List<ScenarioProblem> found = new ArrayList<>();
    private long values;

    /// @param file the file as problems name it (the path as given)
    /// @param name its name alone, for script origins (see `ScenarioLoader.load(Path)`)
    Problems(String file, String name) {
        this.file = file;
        this.name = name;
    }

    void add(Node node, String message) {
        add(node.getStartMark(), message);
    }

    void add(Optional<Mark> mark, String message) {
        add(mark.map(m -> m.getLine() + 1).orElse(1), mark.map(m -> m.getColumn() + 1).orElse(1), message);
    }

    void add(int line, int column, String message) {
        if (found.size() < MAX) {
            found.add(new ScenarioProblem(file, line, column, message));
        }
    }

    /// Counts `count` values read at `node`; past `MAX_VALUES` it records why and stops the reading.
    void charge(Node node, int count) {
        values += count;
        if (values > MAX_VALUES) {
            add(node, "the file expands to more than " + MAX_VALUES + " values (through aliases); expected a "
                    + "smaller scenario");
            throw new Exhausted();
        }
    }

    /// Ends the reading of a file that expands too far; its problem is already recorded.
    static final class Exhausted extends RuntimeException {
        Exhausted() {
            super(null, null, false, false);
        }
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    int size() {
        return found.size();
    }

    ScenarioException exception() {
        return new ScenarioException(found);
    }

    String file() {
        return file;
    }

    /// The file's name alone.
    String name() {
        return name;
    }
}
