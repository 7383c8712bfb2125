package dev.asynclab.app.ui.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/// Tick positions and labels for a time axis in readable units: a 1-2-5 step chosen so ticks are about
/// `spacing` pixels apart, labelled in ns, µs, ms, s or min:s as the step calls for.
///
/// ```java
/// List<TimeAxis.Tick> ticks = TimeAxis.ticks(0, 1_000_000, 800, 90);   // 1 ms a pixel → "0 ms", "100 ms", ...
/// ```
public final class TimeAxis {

    /// One labelled tick, `x` pixels from the left edge.
    public record Tick(double x, long t, String label) {
    }

    private TimeAxis() {
    }

    /// The ticks between `t0` and `t0 + width * nsPerPixel`.
    public static List<Tick> ticks(long t0, double nsPerPixel, double width, double spacing) {
        long step = step(nsPerPixel * spacing);
        List<Tick> ticks = new ArrayList<>();
        long first = Math.floorDiv(t0, step) * step;
        if (first < t0) {
            first += step;
        }
        long t1 = t0 + (long) (width * nsPerPixel);
        for (long t = first; t <= t1 && ticks.size() < 1000; t += step) {
            ticks.add(new Tick((t - t0) / nsPerPixel, t, label(t, step)));
        }
        return ticks;
    }

    /// The smallest 1, 2 or 5 times a power of ten nanoseconds at least `raw` (at least 1 ns).
    static long step(double raw) {
        long magnitude = 1;
        while (magnitude <= Long.MAX_VALUE / 10) {
            for (long m : new long[] {1, 2, 5}) {
                if (m * magnitude >= raw) {
                    return m * magnitude;
                }
            }
            magnitude *= 10;
        }
        return magnitude;
    }

    /// `t` written in the unit that suits `step`, with as many decimals as the step needs.
    public static String label(long t, long step) {
        if (step >= 60_000_000_000L) {
            long seconds = t / 1_000_000_000L;
            return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
        }
        // A unit is used from half of it on: a 500 µs step reads "1.5 ms", a 200 µs step "1400 µs".
        if (step >= 500_000_000L) {
            return scaled(t, 1_000_000_000L, step, "s");
        }
        if (step >= 500_000L) {
            return scaled(t, 1_000_000L, step, "ms");
        }
        if (step >= 500L) {
            return scaled(t, 1_000L, step, "µs");
        }
        return t + " ns";
    }

    /// A duration as the whole app writes it (`Durations`).
    public static String duration(long nanos) {
        return dev.asynclab.app.ui.format.Durations.format(nanos);
    }

    private static String scaled(long t, long unit, long step, String suffix) {
        int decimals = 0;
        for (long fraction = unit; step % fraction != 0 && decimals < 3; fraction /= 10) {
            decimals++;
        }
        return String.format(Locale.ROOT, "%." + decimals + "f %s", t / (double) unit, suffix);
    }
}
