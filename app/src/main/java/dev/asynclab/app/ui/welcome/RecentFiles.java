package dev.asynclab.app.ui.welcome;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/// The last files opened, most recent first, kept in `java.util.prefs` between runs.
public final class RecentFiles {

    private static final int MAX = 8;
    private static final String KEY = "recent.";

    private final Preferences prefs;

    public RecentFiles(Preferences prefs) {
        this.prefs = prefs;
    }

    public List<Path> files() {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < MAX; i++) {
            String value = prefs.get(KEY + i, null);
            if (value != null) {
                files.add(Path.of(value));
            }
        }
        return files;
    }

    public void add(Path file) {
        List<Path> files = new ArrayList<>(files());
        Path absolute = file.toAbsolutePath().normalize();
        files.remove(absolute);
        files.addFirst(absolute);
        for (int i = 0; i < MAX; i++) {
            if (i < files.size()) {
                prefs.put(KEY + i, files.get(i).toString());
            } else {
                prefs.remove(KEY + i);
            }
        }
    }
}
