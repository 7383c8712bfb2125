package dev.asynclab.lab.scenario;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/// Typed values from YAML nodes. Each conversion either gives the value or records a problem saying what was
/// found and what was expected, and gives nothing.
final class Scalars {

    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,18}");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    private Scalars() {
    }

    /// How a node reads in a message: `'abc'`, `nothing`, `a mapping`, `a list`.
    static String describe(Node node) {
        return switch (node) {
            case ScalarNode s when s.getValue().isEmpty() && s.isPlain() -> "nothing";
            case ScalarNode s -> "'" + abbreviate(s.getValue()) + "'";
            case MappingNode m -> "a mapping";
            case SequenceNode q -> "a list";
            default -> "a " + node.getNodeType().name().toLowerCase();
        };
    }

    static Optional<String> text(Node node, String what, Problems problems) {
        if (node instanceof ScalarNode s && !(s.isPlain() && s.getValue().isEmpty())) {
            return Optional.of(s.getValue());
        }
        problems.add(node, "expected text for " + what + ", found " + describe(node));
        return Optional.empty();
    }

    static Optional<Long> integer(Node node, String what, long min, long max, Problems problems) {
        Optional<String> plain = plain(node);
        if (plain.isEmpty() || !INTEGER.matcher(plain.get()).matches()) {
            problems.add(node, "expected a whole number" + range(min, max) + " for " + what + ", found "
                    + describe(node));
            return Optional.empty();
        }
        long value = Long.parseLong(plain.get());
        if (value < min || value > max) {
            problems.add(node, "expected a whole number" + range(min, max) + " for " + what + ", found " + value);
            return Optional.empty();
        }
        return Optional.of(value);
    }

    static Optional<Double> number(Node node, String what, double min, double max, Problems problems) {
        Optional<String> plain = plain(node);
        if (plain.isEmpty() || !NUMBER.matcher(plain.get()).matches()) {
            problems.add(node, "expected a number" + range(min, max) + " for " + what + ", found " + describe(node));
            return Optional.empty();
        }
        double value = Double.parseDouble(plain.get());
        if (value < min || value > max) {
            problems.add(node, "expected a number" + range(min, max) + " for " + what + ", found " + plain.get());
            return Optional.empty();
        }
        return Optional.of(value);
    }

    static Optional<Boolean> bool(Node node, String what, Problems problems) {
        Optional<String> plain = plain(node);
        if (plain.isPresent() && (plain.get().equals("true") || plain.get().equals("false"))) {
            return Optional.of(Boolean.parseBoolean(plain.get()));
        }
        problems.add(node, "expected true or false for " + what + ", found " + describe(node));
        return Optional.empty();
    }

    static Optional<Duration> duration(Node node, String what, Problems problems) {
        if (node instanceof ScalarNode s && s.getValue().strip().startsWith("-")) {
            problems.add(node, "expected " + Durations.DURATION_FORM + " for " + what
                    + ", found the negative duration '" + abbreviate(s.getValue()) + "'");
            return Optional.empty();
        }
        if (node instanceof ScalarNode s && Durations.looksLikeDuration(s.getValue())) {
            try {
                return Optional.of(Duration.ofNanos(Durations.parse(s.getValue())));
            } catch (IllegalArgumentException e) {
                problems.add(node, e.getMessage() + " for " + what);
                return Optional.empty();
            }
        }
        String hint = plain(node).filter(INTEGER.asMatchPredicate()).map(v -> " (add a unit: " + v + "ms?)")
                .orElse("");
        problems.add(node, "expected " + Durations.DURATION_FORM + " for " + what + ", found " + describe(node) + hint);
        return Optional.empty();
    }

    static Optional<Double> rate(Node node, String what, Problems problems) {
        if (node instanceof ScalarNode s) {
            try {
                double rate = Durations.parseRate(s.getValue());
                if (rate > 0) {
                    return Optional.of(rate);
                }
            } catch (IllegalArgumentException e) {
                // reported below, with the place
            }
        }
        problems.add(node, "expected " + Durations.RATE_FORM + " (above zero) for " + what + ", found "
                + describe(node));
        return Optional.empty();
    }

    /// The text of a plain (unquoted) scalar: numbers and booleans must not be quoted, as in the JSON Schema.
    private static Optional<String> plain(Node node) {
        return node instanceof ScalarNode s && s.getScalarStyle() == ScalarStyle.PLAIN && !s.getValue().isEmpty()
                ? Optional.of(s.getValue()) : Optional.empty();
    }

    private static String range(double min, double max) {
        String lo = plainNumber(min);
        String hi = plainNumber(max);
        if (max >= Long.MAX_VALUE / 2) {
            return " >= " + lo;
        }
        return " from " + lo + " to " + hi;
    }

    private static String plainNumber(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e18 ? String.valueOf((long) value)
                : java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String abbreviate(String text) {
        String oneLine = text.replace("\n", "\\n");
        return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 37) + "...";
    }
}
