package dev.asynclab.lab.scenario;

import dev.asynclab.engine.AsyncCallback;
import dev.asynclab.lab.metrics.RunSummary;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/// Runs one scenario at each pool size of a range and finds the smallest size that meets a target.
///
/// ```java
/// var sweep = PoolSweep.run(scenario, RunOptions.DEFAULTS, 1, 16, null, (size, summary) -> {});
/// sweep.smallestMeeting(SweepTarget.parse("p99<50ms")).ifPresent(row -> System.out.println(row.poolSize()));
/// ```
public final class PoolSweep {

    /// One pool size's run.
    public record Row(int poolSize, RunSummary summary, List<Lint> lints) {
    }

    /// Called after each size; return normally to go on.
    @FunctionalInterface
    public interface Progress {
        void sizeDone(int poolSize, RunSummary summary);
    }

    /// The rows of a sweep, in size order.
    public record Result(List<Row> rows) {
        public Result {
            rows = List.copyOf(rows);
        }

        /// The smallest size that meets `target`, if any does.
        public Optional<Row> smallestMeeting(SweepTarget target) {
            return rows.stream().filter(r -> target.isMetBy(r.summary())).findFirst();
        }
    }

    private PoolSweep() {
    }

    /// The scenario's adaptive limit run on the same arrivals as the fixed sizes (the same seed and clock), for
    /// the sweep's last row; empty when its pool has no `limit`.
    public static Optional<RunSummary> runAdaptive(Scenario scenario, RunOptions options,
                                                   Function<Work.Script, AsyncCallback> scripts)
            throws InterruptedException {
        if (scenario.pool().flatMap(PoolSpec::limit).isEmpty()) {
            return Optional.empty();
        }
        RunOptions base = options.clock().isPresent() ? options : options.withClock(ClockMode.SIMULATED);
        ScenarioRun run = ScenarioRunner.start(scenario, base.withPaced(false), List.of(), scripts);
        try {
            return Optional.of(run.await());
        } catch (InterruptedException e) {
            run.stop();
            throw e;
        }
    }

    /// Runs sizes `from..to` (inclusive), each with `options` (simulated clock unless it says otherwise).
    /// Stops early, with the rows so far, when the thread is interrupted.
    public static Result run(Scenario scenario, RunOptions options, int from, int to,
                             Function<Work.Script, AsyncCallback> scripts, Progress progress)
            throws InterruptedException {
        if (from < 1 || to < from) {
            throw new IllegalArgumentException("pool sizes must be a range like 1..32, was " + from + ".." + to);
        }
        RunOptions base = options.clock().isPresent() ? options : options.withClock(ClockMode.SIMULATED);
        List<Row> rows = new ArrayList<>();
        for (int size = from; size <= to; size++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("sweep cancelled at pool size " + size);
            }
            ScenarioRun run = ScenarioRunner.start(scenario, base.withPoolSize(size).withPaced(false), List.of(),
                    scripts);
            RunSummary summary;
            try {
                summary = run.await();
            } catch (InterruptedException e) {
                run.stop();
                throw e;
            }
            rows.add(new Row(size, summary, Linter.check(scenario, summary)));
            progress.sizeDone(size, summary);
        }
        return new Result(rows);
    }
}
