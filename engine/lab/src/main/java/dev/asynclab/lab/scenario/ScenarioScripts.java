package dev.asynclab.lab.scenario;

import dev.asynclab.engine.AsyncCallback;
import dev.asynclab.lab.polyglot.ScriptCallback;
import dev.asynclab.lab.polyglot.ScriptHost;
import dev.asynclab.lab.polyglot.ScriptSource;

import java.util.Objects;
import java.util.function.Function;

/// Turns a scenario's `work: { js: ... }` and `work: { python: ... }` into script callbacks, for
/// `ScenarioRunner.start(scenario, options, sinks, scripts)`. Error lines name the scenario file's line for an
/// inline body, the script file's for `{ file: ... }`.
///
/// It lives with the scenarios, not with the script callbacks: the scenario model knows the polyglot layer (a
/// `Work.Script` names its `ScriptLanguage`), and the polyglot layer knows nothing of scenarios.
///
/// ```java
/// ScenarioRun run = ScenarioRunner.start(scenario, RunOptions.DEFAULTS, sinks, ScenarioScripts.shared());
/// ```
public final class ScenarioScripts implements Function<Work.Script, AsyncCallback> {

    private static final ScenarioScripts SHARED = new ScenarioScripts(ScriptHost.shared());

    private final ScriptHost host;

    public ScenarioScripts(ScriptHost host) {
        this.host = Objects.requireNonNull(host, "host");
    }

    /// Script callbacks on the process-wide host.
    public static ScenarioScripts shared() {
        return SHARED;
    }

    @Override
    public AsyncCallback apply(Work.Script script) {
        var source = new ScriptSource(script.language(), script.source(), script.origin(), Math.max(1, script.line()));
        return ScriptCallback.of(source, host);
    }
}
