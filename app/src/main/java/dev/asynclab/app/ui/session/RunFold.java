package dev.asynclab.app.ui.session;

import dev.asynclab.app.ui.format.Durations;
import dev.asynclab.engine.event.Event;
import dev.asynclab.lab.metrics.RunMetrics;
import dev.asynclab.lab.metrics.RunSummary;
import dev.asynclab.lab.scenario.Lint;
import dev.asynclab.lab.scenario.Linter;
import dev.asynclab.lab.scenario.Scenario;

import java.util.List;
import java.util.Locale;

/// The one fold that turns a session's events into its summary and lints, whatever the source: the lab's
/// `RunMetrics` and `Linter`, exactly as the command line's `run` (with the scenario) and `summarize` (without)
/// use them, so a replayed or followed log shows the lints `asynclab summarize` prints for it.
///
/// Not thread-safe: one thread feeds it (the FX thread for a live source, the storing thread for a replay).
///
/// ```java
/// RunFold fold = new RunFold(null);      // a log: no scenario to check against
/// fold.take(events);
/// RunFold.Result r = fold.result();      // r.lints(), r.line()
/// ```
public final class RunFold {

    private final Scenario scenario;
    private final RunMetrics metrics = new RunMetrics(0);

    /// @param scenario what the events ran (its settings are linted too), or null for a log
    public RunFold(Scenario scenario) {
        this.scenario = scenario;
    }

    public void take(List<Event> batch) {
        for (Event e : batch) {
            metrics.onEvent(e);
        }
    }

    public void take(Event e) {
        metrics.onEvent(e);
    }

    public Result result() {
        RunSummary summary = metrics.summary();
        return new Result(summary, Linter.check(scenario, summary), line(summary), shortLine(summary));
    }

    /// The summary and lints of a session, and the summary in one line for the status bar, in words and
    /// abbreviated (for a narrow window).
    public record Result(RunSummary summary, List<Lint> lints, String line, String shortLine) {
        public Result {
            lints = List.copyOf(lints);
        }
    }

    static String shortLine(RunSummary s) {
        return String.format(Locale.ROOT, "%,d ev · p50 %s · p99 %s · %.0f/s · q≤%d", s.eventCount(),
                Durations.format(s.overall().latency().p50()), Durations.format(s.overall().latency().p99()),
                s.throughput(), s.peakQueued());
    }

    static String line(RunSummary s) {
        return String.format(Locale.ROOT, "%,d events · p50 %s · p99 %s · %.1f/s · peak queue %d", s.eventCount(),
                Durations.format(s.overall().latency().p50()), Durations.format(s.overall().latency().p99()),
                s.throughput(), s.peakQueued());
    }
}
