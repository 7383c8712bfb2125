package dev.asynclab.lab.metrics;

import java.util.Locale;

/// Durations for people: three significant digits and the unit that fits (`812ns`, `53.1ms`, `2.40s`, `3m05s`).
///
/// ```java
/// HumanTime.format(53_124_117);   // "53.1ms"
/// ```
public final class HumanTime {

    private HumanTime() {
    }

    public static String format(double nanos) {
        double abs = Math.abs(nanos);
        if (abs < 1_000) {
            return String.format(Locale.ROOT, "%.0fns", nanos);
        }
        if (abs < 1_000_000) {
            return digits(nanos / 1e3) + "us";
        }
        if (abs < 1_000_000_000) {
            return digits(nanos / 1e6) + "ms";
        }
        if (abs < 60e9) {
            return digits(nanos / 1e9) + "s";
        }
        long seconds = Math.round(nanos / 1e9);
        return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
    }

    private static String digits(double v) {
        double a = Math.abs(v);
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
