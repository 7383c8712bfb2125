package dev.asynclab.app.tuning;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/// The sweep table as CSV, with the same columns as `asynclab sweep --out`.
///
/// ```java
/// SweepCsv.write(points, true, Path.of("sweep.csv"));   // true: a target was set, the last column says if met
/// ```
public final class SweepCsv {

    static final String HEADER =
            "pool,p50_ms,p95_ms,p99_ms,max_ms,throughput_per_s,utilization,timed_out,rejected,meets_target";

    private SweepCsv() {
    }

    /// The lines of the file, header first.
    public static List<String> lines(List<SweepPoint> points, boolean hasTarget) {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        for (SweepPoint p : points) {
            var l = p.latency();
            lines.add(String.format(Locale.ROOT, "%d,%.3f,%.3f,%.3f,%.3f,%.2f,%.4f,%d,%d,%s", p.poolSize(),
                    l.p50() / 1e6, l.p95() / 1e6, l.p99() / 1e6, l.max() / 1e6, p.throughput(), p.utilization(),
                    p.summary().overall().count("TIMED_OUT"), p.summary().overall().count("REJECTED"),
                    hasTarget ? Boolean.toString(p.meetsTarget()) : ""));
        }
        return lines;
    }

    public static void write(List<SweepPoint> points, boolean hasTarget, Path file) throws IOException {
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        Files.write(file, lines(points, hasTarget));
    }
}
