package dev.asynclab.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.asynclab.lab.metrics.LatencyStats;
import dev.asynclab.lab.metrics.NameStats;
import dev.asynclab.lab.metrics.RunSummary;
import dev.asynclab.lab.scenario.ClockMode;
import dev.asynclab.lab.metrics.HumanTime;
import dev.asynclab.lab.scenario.Lint;
import dev.asynclab.lab.story.RedFlag;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// The summary table printed after `run` and `summarize`, and its `summary.json`.
final class SummaryReport {

    private SummaryReport() {
    }

    /// The table: the run's figures, a row per callback name (a race's or parallel group's row has the group's own
    /// outcomes and durations), and the overall row.
    static void print(PrintWriter out, String title, ClockMode clock, Long seed, RunSummary s) {
        out.printf("%s%s%n", title, clock == null ? "" : "  (" + clock.name().toLowerCase() + " clock, seed "
                + seed + ")");
        out.printf("duration %s   throughput %.1f/s   peak active %d   peak queued %d   utilization %s%n",
                HumanTime.format(s.durationNanos()), s.throughput(), s.peakActive(), s.peakQueued(),
                s.utilization() > 0 ? String.format("%.0f%%", s.utilization() * 100) : "-");
        out.printf("%-18s %6s %6s %6s %6s %6s %6s %5s | %9s %9s %9s %9s %9s | %9s%n", "name", "ok", "failed",
                "t/out", "cancel", "reject", "late", "retry", "p50", "p90", "p99", "p99.9", "max", "wait p99");
        for (NameStats n : s.byName().values()) {
            row(out, n);
        }
        if (s.byName().size() > 1) {
            row(out, s.overall());
        }
    }

    /// The lints as ranked red flags, at every level (`--quiet` too): they are problems. Each names the invocations
    /// that show it and the `explain` command that tells one of their stories.
    static void printRedFlags(Output say, List<RedFlag> flags, Path log) {
        if (!flags.isEmpty()) {
            say.problem("red flags, most serious first:");
            for (RedFlag f : flags) {
                say.problem("  " + f.rank() + ". [" + f.code() + "] " + f.sentence());
                if (!f.ids().isEmpty()) {
                    say.problem("     shown by " + f.idList(5) + "; asynclab explain " + log + " --id "
                            + f.ids().getFirst());
                }
            }
        }
    }

    private static void row(PrintWriter out, NameStats n) {
        LatencyStats l = n.latency();
        out.printf("%-18s %6d %6d %6d %6d %6d %6d %5d | %9s %9s %9s %9s %9s | %9s%n", trim(n.name()),
                n.count("SUCCEEDED"), n.count("FAILED"), n.count("TIMED_OUT"), n.count("CANCELLED"),
                n.count("REJECTED"), n.count("LATE_FINISH"), n.count("RETRY_SCHEDULED"), d(l.p50()), d(l.p90()),
                d(l.p99()), d(l.p999()), d(l.max()), d(n.queueWait().p99()));
    }

    private static String trim(String s) {
        return s.length() <= 18 ? s : s.substring(0, 17) + "…";
    }

    private static String d(long nanos) {
        return HumanTime.format(nanos);
    }

    /// Writes `summary.json`; `file` has been checked with `OutputFiles`.
    static void writeJson(Path file, String title, RunSummary s, List<Lint> lints, List<RedFlag> flags)
            throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("scenario", title);
        doc.put("counts", s.observedCounts());
        doc.put("summary", s);
        doc.put("lints", lints);
        doc.put("redFlags", flags);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), doc);
    }
}
