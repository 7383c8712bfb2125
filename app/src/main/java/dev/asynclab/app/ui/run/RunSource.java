package dev.asynclab.app.ui.run;

import dev.asynclab.engine.event.EventSink;

/// Where a run's events come from: a scenario run on the engine, or an audit log followed as it grows. The
/// source calls the sink from its own thread and closes it when it is done.
///
/// ```java
/// RunSource source = new ScenarioRunSource(scenario, RunOptions.DEFAULTS);
/// source.start(feed);
/// source.stop();
/// ```
public interface RunSource {

    /// Starts producing events into `sink`; returns at once.
    void start(EventSink sink);

    /// Stops early; the sink is still closed. Idempotent.
    void stop();

    /// What the source shows in the title bar.
    String title();
}
