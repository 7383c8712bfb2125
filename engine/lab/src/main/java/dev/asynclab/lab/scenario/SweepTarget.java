package dev.asynclab.lab.scenario;

import dev.asynclab.lab.metrics.RunSummary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// What a pool size must achieve: latency percentiles under bounds and/or throughput over a bound, e.g.
/// `p99<50ms`, `throughput>180/s`, or both joined with `and` or a comma.
///
/// ```java
/// SweepTarget target = SweepTarget.parse("p99<50ms and throughput>100/s");
/// boolean ok = target.isMetBy(summary);
/// ```
public record SweepTarget(List<Bound> bounds, String text) {

    /// One condition: a measure, a comparison, a value (`p99 <= 20ms`); what each part may be is checked after, so a
    /// wrong part is named rather than the whole condition refused with a generic message.
    private static final Pattern CONDITION = Pattern.compile("([a-z][a-z0-9.]*)\\s*(<=|>=|==|!=|=<|=>|<|>|=)\\s*(.*)");
    /// What joins conditions. Split keeping the empty pieces: `p99<5ms and` has an empty condition after its `and`.
    private static final Pattern JOINER = Pattern.compile("\\s*(?:,|\\band\\b)\\s*", Pattern.CASE_INSENSITIVE);
    private static final List<String> LATENCIES = List.of("p50", "p90", "p95", "p99", "p99.9", "max", "mean");
    private static final String EXPECTED = "expected like p99<50ms, p95<=20ms or throughput>100/s, joined with 'and'";

    /// One condition: a latency percentile (nanoseconds) below `limit`, or throughput (per second) above it.
    public record Bound(String measure, boolean inclusive, double limit) {
        boolean test(RunSummary s) {
            return test(measure.equals("throughput") ? s.throughput() : s.overall().latency().byName(measure));
        }

        boolean test(double value) {
            if (measure.equals("throughput")) {
                return inclusive ? value >= limit : value > limit;
            }
            return inclusive ? value <= limit : value < limit;
        }
    }

    public SweepTarget {
        bounds = List.copyOf(bounds);
    }

    /// Parses a target; throws `IllegalArgumentException` naming the target and saying what was expected. Strict:
    /// every condition between the joiners must be whole (`p99<5ms and`, `and p99<5ms`, `p99<5ms and and p95<9ms`
    /// are refused, not read as `p99<5ms`), a measure is one of p50, p90, p95, p99, p99.9, max, mean (a latency,
    /// which takes `<` or `<=` and a duration with its unit) or throughput (`>` or `>=` and a rate like `100/s`).
    public static SweepTarget parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty target: expected like p99<50ms or throughput>100/s");
        }
        List<Bound> bounds = new ArrayList<>();
        Matcher joiner = JOINER.matcher(text);
        int from = 0;
        String before = null; // the joiner in front of the current condition, for saying where one is missing
        while (true) {
            boolean more = joiner.find();
            String part = text.substring(from, more ? joiner.start() : text.length()).strip();
            if (part.isEmpty()) {
                String after = more ? "'" + joiner.group().strip() + "'" : null;
                throw new IllegalArgumentException("cannot read target '" + text + "': "
                        + (before == null ? "no condition before its first " + after
                        : after == null ? "no condition after its last '" + before + "'"
                        : "no condition between '" + before + "' and " + after) + "; " + EXPECTED);
            }
            bounds.add(bound(part));
            if (!more) {
                break;
            }
            before = joiner.group().strip();
            from = joiner.end();
        }
        return new SweepTarget(bounds, text);
    }

    /// One condition, or `IllegalArgumentException` naming it and the part of it that is wrong.
    private static Bound bound(String part) {
        Matcher m = CONDITION.matcher(part.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("cannot read target '" + part + "': " + EXPECTED);
        }
        String measure = m.group(1);
        String op = m.group(2);
        boolean latency = LATENCIES.contains(measure);
        if (!latency && !measure.equals("throughput")) {
            throw new IllegalArgumentException("cannot read target '" + part + "': unknown measure '" + measure
                    + "' (expected p50, p90, p95, p99, p99.9, max, mean or throughput)");
        }
        if (latency ? !op.equals("<") && !op.equals("<=") : !op.equals(">") && !op.equals(">=")) {
            throw new IllegalArgumentException("cannot read target '" + part + "': " + measure + " takes "
                    + (latency ? "< or <= (a latency stays under its bound)" : "> or >= (throughput stays over "
                    + "its bound)") + ", not " + op);
        }
        boolean inclusive = op.length() == 2;
        try {
            if (latency) {
                long nanos = Durations.parse(m.group(3));
                if (nanos == 0 && !inclusive) {
                    throw new IllegalArgumentException("no latency is below 0, so no size could meet it");
                }
                return new Bound(measure, inclusive, nanos);
            }
            return new Bound(measure, inclusive, Durations.parseRate(m.group(3)));
        } catch (IllegalArgumentException e) {
            // Say which target the number belongs to: `--target "p99<<5"` alone said "found '<5'".
            throw new IllegalArgumentException("cannot read target '" + part + "': " + e.getMessage(), e);
        }
    }

    public boolean isMetBy(RunSummary summary) {
        return bounds.stream().allMatch(b -> b.test(summary));
    }

    /// Whether figures from elsewhere (a prediction) meet it: `value` gives each measure the target names
    /// (`p99`, `throughput`, …), latencies in nanoseconds and throughput per second.
    public boolean isMetBy(java.util.function.ToDoubleFunction<String> value) {
        return bounds.stream().allMatch(b -> b.test(value.applyAsDouble(b.measure())));
    }
}
