package dev.asynclab.app.cli;

import dev.asynclab.engine.AsyncCallback;
import dev.asynclab.engine.scenario.Work;

import java.util.function.Function;

/// How the command line and the app turn a scenario's script bodies into callbacks.
public final class ScenarioScripts {

    private ScenarioScripts() {
    }

    public static Function<Work.Script, AsyncCallback> factory() {
        return script -> {
            throw new IllegalArgumentException("script callbacks are not available in this build ("
                    + script.origin() + ")");
        };
    }
}
