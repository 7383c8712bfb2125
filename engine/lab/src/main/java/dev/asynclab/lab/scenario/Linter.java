package dev.asynclab.lab.scenario;

import dev.asynclab.engine.RetryPolicy;
import dev.asynclab.lab.metrics.LatencyStats;
import dev.asynclab.lab.metrics.NameStats;
import dev.asynclab.lab.metrics.HumanTime;
import dev.asynclab.lab.metrics.RunSummary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/// Finds what a run shows that is probably a mistake: timeouts below the work's p99, retries that cannot fit
/// their deadline, retries in synchronized waves, queues slower than the work, callbacks without a timeout,
/// races that every member lost, work that kept running after its timeout.
///
/// ```java
/// List<Lint> lints = Linter.check(scenario, run.await());    // scenario may be null for a replayed log
/// lints.forEach(System.out::println);
/// ```
public final class Linter {

    /// Share of timed-out attempts above which a timeout is called too tight.
    static final double TIMEOUT_SHARE = 0.01;

    private Linter() {
    }

    /// Lints of a run; `scenario` adds the lints that need its declarations (null for a replayed log).
    public static List<Lint> check(Scenario scenario, RunSummary summary) {
        List<Lint> lints = new ArrayList<>();
        for (Map.Entry<String, NameStats> entry : summary.byName().entrySet()) {
            runLints(entry.getKey(), entry.getValue(), summary, lints);
        }
        if (scenario != null) {
            for (Step step : scenario.steps()) {
                declarationLints(step, lints);
            }
        }
        return lints;
    }

    private static void runLints(String name, NameStats s, RunSummary summary, List<Lint> lints) {
        long ended = s.count("SUCCEEDED") + s.count("FAILED") + s.count("TIMED_OUT");
        long timedOut = s.count("TIMED_OUT");
        if (ended > 0 && timedOut > TIMEOUT_SHARE * ended) {
            lints.add(new Lint("timeout-below-p99", name, String.format(
                    "%d of %d attempts timed out (%.0f%%): the timeout is below the work's p99, so the slow tail "
                            + "always fails", timedOut, ended, 100.0 * timedOut / ended),
                    summary.examples("TIMED_OUT", name), false));
        }
        LatencyStats wait = s.queueWait();
        LatencyStats exec = s.execution();
        if (wait.count() > 0 && exec.count() > 0 && wait.mean() > exec.mean() && wait.mean() > 0) {
            lints.add(new Lint("queue-slower-than-work", name, String.format(
                    "invocations wait longer in the queue (mean %s) than they run (mean %s): the pool is too small "
                            + "for this load", HumanTime.format((long) wait.mean()),
                    HumanTime.format((long) exec.mean())), List.of(), false));
        }
        if (s.count("LATE_FINISH") > 0) {
            lints.add(new Lint("late-finish", name, s.count("LATE_FINISH")
                    + " callbacks kept running after their timeout or cancel: they ignore interrupts and hold "
                    + "their worker", summary.examples("LATE_FINISH", name), false));
        }
        for (String kind : List.of("RACE", "HEDGED")) {
            List<Long> groups = summary.examples(kind + "_FAILED", name);
            if (!groups.isEmpty()) {
                lints.add(new Lint("race-all-failed", name, s.count("GROUP_FAILED")
                        + " " + kind.toLowerCase() + " runs ended with every member failed or timed out",
                        groups, true));
            }
        }
    }

    private static void declarationLints(Step step, List<Lint> lints) {
        switch (step) {
            case CallbackSpec c -> {
                if (c.timeout() == null || c.timeout().isZero()) {
                    lints.add(new Lint("no-timeout", c.name(), "no timeout: a hung dependency holds its worker "
                            + "forever", List.of(), false));
                }
                RetryPolicy r = c.retry();
                if (r != null && RetryPolicies.retries(r)) {
                    if (!r.deadline().isZero()) {
                        long total = 0;
                        for (int n = 1; n < r.maxAttempts(); n++) {
                            total += r.delayNanos(n, 0.5); // a draw of 0.5: no jitter either way
                        }
                        if (total >= r.deadline().toNanos()) {
                            lints.add(new Lint("retries-past-deadline", c.name(), String.format(
                                    "the retry delays add up to %s, past the %s deadline: the last attempts can "
                                            + "never run", HumanTime.format(total),
                                    HumanTime.format(r.deadline().toNanos())), List.of(), false));
                        }
                    }
                    if (r.jitter() == 0 && c.count() > 1) {
                        lints.add(new Lint("retries-without-jitter", c.name(), "retries without jitter fire in "
                                + "synchronized waves when many calls fail together; add jitter (e.g. 0.2)",
                                List.of(), false));
                    }
                }
            }
            case GroupSpec g -> g.members().forEach(m -> declarationLints(m, lints));
        }
    }

}
