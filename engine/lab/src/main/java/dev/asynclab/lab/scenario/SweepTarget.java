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

    private static final Pattern LATENCY = Pattern.compile("(p50|p90|p95|p99|p99\\.9|max|mean)\\s*(<=|<)\\s*(\\S+)");
    private static final Pattern THROUGHPUT = Pattern.compile("throughput\\s*(>=|>)\\s*(\\S+)");

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

    /// Parses a target; throws `IllegalArgumentException` saying what was expected.
    public static SweepTarget parse(String text) {
        List<Bound> bounds = new ArrayList<>();
        for (String part : text.toLowerCase(Locale.ROOT).split("\\s*(,|\\band\\b)\\s*")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            Matcher m = LATENCY.matcher(p);
            Matcher t = THROUGHPUT.matcher(p);
            if (m.matches() || t.matches()) {
                try {
                    bounds.add(m.matches()
                            ? new Bound(m.group(1), m.group(2).equals("<="), Durations.parse(m.group(3)))
                            : new Bound("throughput", t.group(1).equals(">="), Durations.parseRate(t.group(2))));
                } catch (IllegalArgumentException e) {
                    // Say which target the number belongs to: `--target "p99<<5"` alone said "found '<5'".
                    throw new IllegalArgumentException("cannot read target '" + part + "': " + e.getMessage(), e);
                }
            } else {
                throw new IllegalArgumentException("cannot read target '" + part + "': expected like p99<50ms, "
                        + "p95<=20ms or throughput>100/s, joined with 'and'");
            }
        }
        if (bounds.isEmpty()) {
            throw new IllegalArgumentException("empty target: expected like p99<50ms or throughput>100/s");
        }
        return new SweepTarget(bounds, text);
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
