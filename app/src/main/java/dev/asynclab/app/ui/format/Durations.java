package dev.asynclab.app.ui.format;

import java.util.Locale;

/// The one way the app writes a duration: in the unit that suits its size, with a space before the unit
/// ("850 ns", "12.5 µs", "53.1 ms", "2.00 s"), in every window, tooltip, table and chart.
///
/// ```java
/// Durations.format(53_124_117);   // "53.1 ms"
/// ```
public final class Durations {

    private Durations() {
    }

    public static String format(long nanos) {
        long abs = Math.abs(nanos);
        if (abs >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
        }
        if (abs >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
        }
        if (abs >= 1_000L) {
            return String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
        }
        return nanos + " ns";
    }

    /// A duration given in (fractional) nanoseconds, as percentiles and means come.
    public static String format(double nanos) {
        return format(Math.round(nanos));
    }
}
