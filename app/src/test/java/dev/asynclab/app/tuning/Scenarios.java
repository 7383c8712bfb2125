package dev.asynclab.app.tuning;

import dev.asynclab.lab.scenario.Scenario;
import dev.asynclab.lab.scenario.ScenarioLoader;

import java.nio.file.Path;

/// The built-in scenarios folder, as the build names it.
final class Scenarios {

    static final String MMC = "14-mmc-queue.yaml";

    private Scenarios() {
    }

    static Path file(String name) {
        return Path.of(System.getProperty("asynclab.project.root", ".."), "scenarios", name).normalize();
    }

    static Scenario load(String name) throws Exception {
        return ScenarioLoader.load(file(name));
    }
}
