package dev.asynclab.app.ui.main;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/// Notices that the open scenario file was edited on disk since it was loaded, so Run (F5) runs the new version.
/// It compares the file's modification time and size at Run, rather than keeping a `WatchService` thread: Run is
/// the only moment the answer matters, and a stat is cheap.
///
/// ```java
/// watch.watch(file);                        // when loaded
/// if (watch.changedSinceWatched(file)) ...  // at Run: load it again first
/// ```
final class ScenarioFileWatch {

    private Path file;
    private FileTime modified;
    private long size = -1;

    void watch(Path file) {
        this.file = file;
        try {
            modified = Files.getLastModifiedTime(file);
            size = Files.size(file);
        } catch (IOException e) {
            modified = null;
            size = -1;
        }
    }

    void clear() {
        file = null;
        modified = null;
        size = -1;
    }

    /// True when `file` is the watched file and it now differs in modification time or size.
    boolean changedSinceWatched(Path file) {
        if (this.file == null || !this.file.equals(file)) {
            return false;
        }
        try {
            return !Files.getLastModifiedTime(file).equals(modified) || Files.size(file) != size;
        } catch (IOException e) {
            return modified != null;
        }
    }
}
