package dev.asynclab.lab.story;

import java.util.Locale;

/// Times, durations and counts as they are said in a sentence: `100 ms`, `53.1 ms`, `2.4 s`, `1 call`,
/// `3 calls`. Durations keep three significant digits and drop zeros that say nothing (`40 ms`, not `40.0ms`);
/// a moment on the timeline keeps one decimal of a millisecond (`12.0 ms`) so captions line up as they step.
///
/// ```java
/// Spoken.duration(53_124_117);   // "53.1 ms"
/// Spoken.moment(12_000_000);     // "12.0 ms"
/// Spoken.count(3, "call");       // "3 calls"
/// ```
public final class Spoken {

    private Spoken() {
    }

    /// A length of time.
    public static String duration(long nanos) {
        double abs = Math.abs((double) nanos);
        if (abs < 1_000) {
            return nanos + " ns";
        }
        if (abs < 1_000_000) {
            return digits(nanos / 1e3) + " µs";
        }
        if (abs < 1_000_000_000) {
            return digits(nanos / 1e6) + " ms";
        }
        if (abs < 60e9) {
            return digits(nanos / 1e9) + " s";
        }
        long seconds = Math.round(nanos / 1e9);
        return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
    }

    /// A point on the run's timeline (`t`, nanoseconds since the run started).
    public static String moment(long t) {
        if (t < 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.1f ms", t / 1e6);
        }
        return String.format(Locale.ROOT, "%.3f s", t / 1e9);
    }

    /// `n` and the noun, plural unless `n` is one (regular English plurals only).
    public static String count(long n, String noun) {
        return n + " " + (n == 1 ? noun : noun + "s");
    }

    private static String digits(double v) {
        double a = Math.abs(v);
        String s = a >= 100 ? String.format(Locale.ROOT, "%.0f", v)
                : a >= 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2f", v);
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "");
            s = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        }
        return s;
    }
}
