package dev.asynclab.app.ui.welcome;

import dev.asynclab.lab.scenario.Scenario;
import dev.asynclab.lab.scenario.ScenarioException;
import dev.asynclab.lab.scenario.ScenarioLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/// The `*.yaml` files of the first `scenarios` folder found, each read by the engine's `ScenarioLoader` for its
/// name and description (a file that does not load is listed with its first problem).
public final class FolderScenarioCatalog implements ScenarioCatalog {

    private final List<Path> candidates;

    public FolderScenarioCatalog(List<Path> candidates) {
        this.candidates = List.copyOf(candidates);
    }

    /// `scenarios/` under the working directory, then beside the app's install directory.
    public static List<Path> defaultFolders() {
        List<Path> folders = new ArrayList<>();
        folders.add(Path.of("scenarios"));
        String root = System.getProperty("asynclab.project.root");
        if (root != null) {
            folders.add(Path.of(root, "scenarios"));
        }
        ProcessHandle.current().info().command().map(Path::of).map(Path::getParent).map(Path::getParent)
                .ifPresent(home -> folders.add(home.resolve("scenarios")));
        return folders;
    }

    @Override
    public List<ScenarioEntry> scenarios() {
        for (Path folder : candidates) {
            if (Files.isDirectory(folder)) {
                return list(folder);
            }
        }
        return List.of();
    }

    private static List<ScenarioEntry> list(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted()
                    .map(FolderScenarioCatalog::entry).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static ScenarioEntry entry(Path file) {
        try {
            Scenario s = ScenarioLoader.load(file);
            return new ScenarioEntry(file, s.name(), s.description() == null ? "" : s.description(), "");
        } catch (ScenarioException e) {
            return new ScenarioEntry(file, file.getFileName().toString(), "", e.problems().getFirst().toString());
        }
    }
}
