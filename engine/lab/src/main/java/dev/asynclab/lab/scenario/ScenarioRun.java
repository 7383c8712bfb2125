package dev.asynclab.lab.scenario;

import dev.asynclab.lab.metrics.RunSummary;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/// A scenario being run: its progress, a way to stop it, and its summary when it is over.
///
/// ```java
/// ScenarioRun run = ScenarioRunner.start(scenario, RunOptions.DEFAULTS, List.of(auditWriter));
/// RunSummary summary = run.await();
/// ```
public final class ScenarioRun {

    private final Scenario scenario;
    private final ClockMode clock;
    private final long seed;
    private final long total;
    private final AtomicLong launched = new AtomicLong();
    private final AtomicLong ended = new AtomicLong();
    private final CompletableFuture<RunSummary> done = new CompletableFuture<>();
    private volatile Runnable stopAction = () -> { };
    private volatile boolean stopped;
    private volatile long eventStalls;

    ScenarioRun(Scenario scenario, ClockMode clock, long seed, long total) {
        this.scenario = scenario;
        this.clock = clock;
        this.seed = seed;
        this.total = total;
    }

    public Scenario scenario() {
        return scenario;
    }

    public ClockMode clock() {
        return clock;
    }

    public long seed() {
        return seed;
    }

    /// Top-level tasks (callbacks or groups) the scenario launches in all.
    public long total() {
        return total;
    }

    public long launched() {
        return launched.get();
    }

    /// Top-level tasks that have ended.
    public long ended() {
        return ended.get();
    }

    /// From 0 to 1.
    public double progress() {
        return total == 0 ? 1 : (double) ended.get() / total;
    }

    public boolean isDone() {
        return done.isDone();
    }

    /// How many times the engine had to wait because the event sinks fell behind (nothing is dropped; a
    /// non-zero count means the sinks, e.g. a slow disk, slowed the run down). Final once the run is done.
    public long eventStalls() {
        return eventStalls;
    }

    /// True when `stop()` ended it early.
    public boolean wasStopped() {
        return stopped;
    }

    /// Stops the run: nothing more is launched, everything running is cancelled. The run then finishes as
    /// usual (its log ends with RUN_FINISHED) and `await` returns the summary so far.
    public void stop() {
        stopped = true;
        stopAction.run();
    }

    /// Waits for the end of the run and gives its summary.
    public RunSummary await() throws InterruptedException {
        try {
            return done.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("the run failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /// Waits at most `timeout`; throws `TimeoutException` if the run is still going.
    public RunSummary await(Duration timeout) throws InterruptedException, TimeoutException {
        try {
            return done.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("the run failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /// Completes when the run is over.
    public CompletableFuture<RunSummary> completion() {
        return done.copy();
    }

    void onStop(Runnable action) {
        this.stopAction = action;
        if (stopped) {
            action.run();
        }
    }

    void launchedOne() {
        launched.incrementAndGet();
    }

    void endedOne() {
        ended.incrementAndGet();
    }

    /// Sets both counts at once, from the one thread that counts them (the simulation thread): a release store each
    /// rather than an atomic increment, enough for a reader on another thread to see counts that only grow.
    void counted(long launchedSoFar, long endedSoFar) {
        launched.setRelease(launchedSoFar);
        ended.setRelease(endedSoFar);
    }

    void finish(RunSummary summary, long stalls) {
        this.eventStalls = stalls;
        finish(summary);
    }

    void finish(RunSummary summary) {
        done.complete(summary);
    }

    void fail(Throwable t) {
        done.completeExceptionally(t);
    }
}
