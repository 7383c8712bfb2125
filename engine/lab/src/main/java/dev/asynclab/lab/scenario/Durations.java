package dev.asynclab.lab.scenario;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// Reads and writes the durations and rates of scenario files: `250ms`, `1.5s`, `2m`, `100us`, `0`; `50/s`,
/// `3000/m`. Units: `ns`, `us` (or `µs`), `ms`, `s`, `m`, `h`. A bare number is allowed only for zero.
///
/// ```java
/// long nanos = Durations.parse("1.5s");          // 1_500_000_000
/// double perSecond = Durations.parseRate("3000/m"); // 50.0
/// String text = Durations.format(250_000_000L);    // "250ms"
/// ```
public final class Durations {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|µs|ms|s|m|h)");
    private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*/\\s*(ms|s|m|h)");

    /// What a duration looks like, for error messages.
    public static final String DURATION_FORM = "a duration like 250ms, 1.5s, 2m or 100us";
    /// What a rate looks like, for error messages.
    public static final String RATE_FORM = "a rate like 50/s or 3000/m";

    private Durations() {
    }

    /// The duration in nanoseconds. Throws `IllegalArgumentException` (saying what was expected) for anything
    /// else, negative durations included.
    public static long parse(String text) {
        String trimmed = text.strip().toLowerCase(Locale.ROOT);
        if (trimmed.equals("0")) {
            return 0;
        }
        Matcher m = DURATION.matcher(trimmed);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected " + DURATION_FORM + ", found '" + text + "'");
        }
        BigDecimal nanos = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unitNanos(m.group(2))));
        if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("duration '" + text + "' is too long");
        }
        return nanos.longValue();
    }

    /// The rate in events per second.
    public static double parseRate(String text) {
        Matcher m = RATE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("expected " + RATE_FORM + ", found '" + text + "'");
        }
        return Double.parseDouble(m.group(1)) * 1e9 / unitNanos(m.group(2));
    }

    /// A short readable form in the largest unit that keeps it whole: `250ms`, `1500us`, `2s`.
    public static String format(long nanos) {
        if (nanos == 0) {
            return "0";
        }
        String[] units = {"h", "m", "s", "ms", "us"};
        for (String unit : units) {
            long size = unitNanos(unit);
            if (nanos % size == 0) {
                return nanos / size + unit;
            }
        }
        return nanos + "ns";
    }

    static boolean looksLikeDuration(String text) {
        return text.strip().equals("0") || DURATION.matcher(text.strip().toLowerCase(Locale.ROOT)).matches();
    }

    private static long unitNanos(String unit) {
        return switch (unit) {
            case "ns" -> 1L;
            case "us", "µs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> throw new IllegalArgumentException("unknown unit " + unit);
        };
    }
}
