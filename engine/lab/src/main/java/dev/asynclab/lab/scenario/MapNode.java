package dev.asynclab.lab.scenario;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/// One YAML mapping of a scenario file, read with its allowed keys: unknown keys (with a "did you mean"),
/// duplicate keys and non-text keys are reported when it is opened; typed getters report wrong values.
final class MapNode {

    private final Node node;
    private final String where;
    private final Problems problems;
    private final Map<String, Node> values = new LinkedHashMap<>();

    private MapNode(Node node, String where, Problems problems) {
        this.node = node;
        this.where = where;
        this.problems = problems;
    }

    /// Opens `node` as a mapping of `where` (e.g. "callback 'fetch-user'") that may hold `allowed` keys.
    static Optional<MapNode> open(Node node, String where, List<String> allowed, Problems problems) {
        if (!(node instanceof MappingNode mapping)) {
            problems.add(node, "expected a mapping for " + where + ", found " + Scalars.describe(node));
            return Optional.empty();
        }
        problems.charge(node, 1 + mapping.getValue().size());
        MapNode map = new MapNode(node, where, problems);
        Map<String, Node> keys = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                problems.add(tuple.getKeyNode(), "expected a plain key in " + where + ", found "
                        + Scalars.describe(tuple.getKeyNode()));
                continue;
            }
            String name = key.getValue();
            if (keys.containsKey(name)) {
                int firstLine = keys.get(name).getStartMark().map(m -> m.getLine() + 1).orElse(0);
                problems.add(key, "duplicate key '" + name + "' in " + where + " (first given on line " + firstLine
                        + ")");
                continue;
            }
            keys.put(name, key);
            if (allowed.contains(name)) {
                map.values.put(name, tuple.getValueNode());
            } else {
                problems.add(key, unknownKey(name, where, allowed));
            }
        }
        return Optional.of(map);
    }

    static String unknownKey(String name, String where, List<String> allowed) {
        String lowered = name.toLowerCase(Locale.ROOT);
        return Suggestions.closest(lowered.replace('-', '_'), allowed)
                .map(s -> "unknown key '" + name + "' in " + where + " (did you mean '" + s + "'?)")
                .orElse("unknown key '" + name + "' in " + where + "; expected one of: " + String.join(", ", allowed));
    }

    Node node() {
        return node;
    }

    String where() {
        return where;
    }

    Problems problems() {
        return problems;
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    Optional<Node> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /// The value of a key that must be there; reports its absence at the mapping.
    Optional<Node> require(String key, String expected) {
        if (!values.containsKey(key)) {
            problems.add(node, "missing key '" + key + "' in " + where + ": expected " + expected);
        }
        return get(key);
    }

    Optional<String> text(String key) {
        return get(key).flatMap(n -> Scalars.text(n, what(key), problems));
    }

    Optional<Long> integer(String key, long min, long max) {
        return get(key).flatMap(n -> Scalars.integer(n, what(key), min, max, problems));
    }

    Optional<Double> number(String key, double min, double max) {
        return get(key).flatMap(n -> Scalars.number(n, what(key), min, max, problems));
    }

    Optional<Boolean> bool(String key) {
        return get(key).flatMap(n -> Scalars.bool(n, what(key), problems));
    }

    Optional<Duration> duration(String key) {
        return get(key).flatMap(n -> Scalars.duration(n, what(key), problems));
    }

    /// One of the given words (`real`, `simulated`) mapped to its value.
    <T> Optional<T> choice(String key, Map<String, T> choices) {
        return get(key).flatMap(n -> {
            Optional<String> text = Scalars.text(n, what(key), problems);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            T value = choices.get(text.get().toLowerCase(Locale.ROOT));
            if (value == null) {
                problems.add(n, "expected one of " + String.join(", ", choices.keySet()) + " for " + what(key)
                        + ", found " + Scalars.describe(n));
            }
            return Optional.ofNullable(value);
        });
    }

    String what(String key) {
        return "'" + key + "' in " + where;
    }

    Position position() {
        return new Position(node.getStartMark().map(m -> m.getLine() + 1).orElse(0),
                node.getStartMark().map(m -> m.getColumn() + 1).orElse(0));
    }
}
