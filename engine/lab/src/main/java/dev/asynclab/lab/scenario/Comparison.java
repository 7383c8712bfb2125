package dev.asynclab.lab.scenario;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// One condition of an `expect:` block on an observed count, as the inclusive range [min, max] it allows.
///
/// Grammar: `N` or `== N` (exactly), `> N`, `>= N`, `< N`, `<= N`, or `A..B` (inclusive), N whole and >= 0.
///
/// ```java
/// Comparison.parse(">= 190").test(200); // true
/// Comparison.parse("1..3").test(4);     // false
/// ```
public record Comparison(long min, long max, String text) {

    /// What a comparison looks like, for error messages.
    public static final String FORM = "a count like 5, \"== 5\", \"> 0\", \">= 190\", \"< 3\", \"<= 3\" or \"2..5\"";

    private static final Pattern OPERATOR = Pattern.compile("(==|>=|<=|>|<)?\\s*(\\d{1,18})");
    private static final Pattern RANGE = Pattern.compile("(\\d{1,18})\\s*\\.\\.\\s*(\\d{1,18})");

    /// Parses the grammar above; throws `IllegalArgumentException` saying what was expected.
    public static Comparison parse(String text) {
        String s = text.strip();
        Matcher range = RANGE.matcher(s);
        if (range.matches()) {
            long lo = Long.parseLong(range.group(1));
            long hi = Long.parseLong(range.group(2));
            if (lo > hi) {
                throw new IllegalArgumentException("range '" + s + "' is empty: " + lo + " > " + hi);
            }
            return new Comparison(lo, hi, s);
        }
        Matcher m = OPERATOR.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected " + FORM + ", found '" + text + "'");
        }
        long n = Long.parseLong(m.group(2));
        String op = m.group(1) == null ? "==" : m.group(1);
        return switch (op) {
            case ">" -> new Comparison(n + 1, Long.MAX_VALUE, s);
            case ">=" -> new Comparison(n, Long.MAX_VALUE, s);
            case "<" -> {
                if (n == 0) {
                    throw new IllegalArgumentException("'" + s + "' can never hold: counts are never below 0");
                }
                yield new Comparison(0, n - 1, s);
            }
            case "<=" -> new Comparison(0, n, s);
            default -> new Comparison(n, n, s);
        };
    }

    public boolean test(long observed) {
        return observed >= min && observed <= max;
    }
}
