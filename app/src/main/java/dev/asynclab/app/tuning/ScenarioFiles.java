package dev.asynclab.app.tuning;

import dev.asynclab.lab.scenario.Scenario;
import dev.asynclab.lab.scenario.ScenarioException;
import dev.asynclab.lab.scenario.ScenarioLoader;

import java.nio.file.Path;
import java.util.function.Consumer;

/// How the tuning view models load a scenario file: on success they take the scenario, on a problem they show
/// its message (file, line, column) and keep what they had.
final class ScenarioFiles {

    private ScenarioFiles() {
    }

    static boolean load(Path file, Consumer<Scenario> use, Consumer<String> problem) {
        Scenario loaded;
        try {
            loaded = ScenarioLoader.load(file);
        } catch (ScenarioException e) {
            problem.accept(e.getMessage());
            return false;
        }
        use.accept(loaded);
        return true;
    }
}
