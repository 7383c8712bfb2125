package dev.asynclab.app.ui.welcome;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/// A catalog read ahead on a thread of its own: the window starts reading the built-in scenarios (27 YAML files
/// parsed by the engine's loader) before the JavaFX toolkit starts, so on two cores the reading overlaps the
/// toolkit's start instead of following it on the FX thread. `scenarios()` waits for the reading if it has not
/// finished yet: the welcome page lists the scenarios in its first frame.
///
/// ```java
/// ScenarioCatalog catalog = PreloadedCatalog.start(new FolderScenarioCatalog(FolderScenarioCatalog.defaultFolders()));
/// List<ScenarioEntry> entries = catalog.scenarios();   // the same list as the folder's, read once
/// ```
public final class PreloadedCatalog implements ScenarioCatalog {

    private final CompletableFuture<List<ScenarioEntry>> entries;

    private PreloadedCatalog(CompletableFuture<List<ScenarioEntry>> entries) {
        this.entries = entries;
    }

    /// Starts reading `source` on a new daemon thread (a daemon: a window closed before the reading ends does not
    /// keep the process alive) and returns at once.
    public static PreloadedCatalog start(ScenarioCatalog source) {
        var entries = new CompletableFuture<List<ScenarioEntry>>();
        Thread.ofPlatform().daemon().name("scenario-catalog").start(() -> {
            try {
                entries.complete(source.scenarios());
            } catch (RuntimeException | Error e) {
                entries.completeExceptionally(e);
            }
        });
        return new PreloadedCatalog(entries);
    }

    /// The source's scenarios, read once; waits for the reading to end. A failure of the source is thrown here,
    /// as the source would have thrown it.
    @Override
    public List<ScenarioEntry> scenarios() {
        try {
            return entries.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
