package dev.asynclab.app.ui.welcome;

import java.nio.file.Path;

/// A scenario file as the welcome view lists it; `problem` is empty for a file that loads.
public record ScenarioEntry(Path file, String name, String description, String problem) {

    public boolean isBroken() {
        return !problem.isEmpty();
    }
}
