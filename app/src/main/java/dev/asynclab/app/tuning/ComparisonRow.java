package dev.asynclab.app.tuning;

import java.util.Locale;

/// One line of the comparison table: a measure of each run and their difference.
///
/// ```java
/// var row = new ComparisonRow("p99", "ms", 200, 150);
/// row.difference();   // -50
/// row.percent();      // -25
/// ```
public record ComparisonRow(String measure, String unit, double left, double right) {

    /// Right minus left.
    public double difference() {
        return right - left;
    }

    /// The difference as a percentage of the left value: 0 when both are 0, NaN when only the left one is.
    public double percent() {
        if (left == 0) {
            return right == 0 ? 0 : Double.NaN;
        }
        return difference() / left * 100;
    }

    public boolean isZero() {
        return difference() == 0;
    }

    /// The difference as shown: "+12.5 ms (+8.3%)", "0", or "+3 (new)" when the left value was 0.
    public String differenceText() {
        if (isZero()) {
            return "0";
        }
        String abs = String.format(Locale.ROOT, "%+.2f", difference()).replaceAll("\\.?0+$", "")
                + (unit.isEmpty() ? "" : " " + unit);
        double pct = percent();
        return abs + (Double.isNaN(pct) ? " (from 0)" : String.format(Locale.ROOT, " (%+.1f%%)", pct));
    }

    public String leftText() {
        return value(left);
    }

    public String rightText() {
        return value(right);
    }

    private String value(double v) {
        String n = v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%.2f", v);
        return unit.isEmpty() ? n : n + " " + unit;
    }
}
