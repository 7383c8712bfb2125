package dev.asynclab.app.ui.run;

import dev.asynclab.engine.event.EventSink;
import dev.asynclab.lab.metrics.RunSummary;
import dev.asynclab.lab.scenario.RunOptions;
import dev.asynclab.lab.scenario.Scenario;
import dev.asynclab.lab.scenario.ScenarioRun;
import dev.asynclab.lab.scenario.ScenarioRunner;
import dev.asynclab.lab.scenario.ScenarioScripts;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/// A scenario run on the engine by its `ScenarioRunner`, on either clock; its events go to the sink from the
/// engine's event bus thread.
///
/// ```java
/// var source = new ScenarioRunSource(ScenarioLoader.load(path), RunOptions.DEFAULTS.withPoolSize(8));
/// source.start(feed);
/// source.summary().thenAccept(s -> System.out.println(s.throughput()));
/// ```
public final class ScenarioRunSource implements RunSource {

    private final Scenario scenario;
    private final RunOptions options;
    private final CompletableFuture<RunSummary> summary = new CompletableFuture<>();
    private volatile ScenarioRun run;

    public ScenarioRunSource(Scenario scenario, RunOptions options) {
        this.scenario = scenario;
        this.options = options;
    }

    @Override
    public void start(EventSink sink) {
        // Starting a paced or real run returns at once; an unpaced simulated run computes everything here,
        // so it goes to its own thread to keep the FX thread free.
        Thread.ofVirtual().name("scenario-run").start(() -> {
            try {
                run = ScenarioRunner.start(scenario, options, List.of(sink), ScenarioScripts.shared());
                run.completion().whenComplete((s, error) -> {
                    if (error != null) {
                        summary.completeExceptionally(error);
                    } else {
                        summary.complete(s);
                    }
                });
            } catch (RuntimeException e) {
                summary.completeExceptionally(e);
                sink.onClose();
            }
        });
    }

    @Override
    public void stop() {
        Optional.ofNullable(run).ifPresent(ScenarioRun::stop);
    }

    @Override
    public String title() {
        return scenario.name();
    }

    /// The run's figures once it has ended (or why it could not start).
    public CompletableFuture<RunSummary> summary() {
        return summary;
    }
}
