package dev.asynclab.app.ui.welcome;

import java.util.List;

/// The built-in scenarios the welcome view offers.
///
/// ```java
/// List<ScenarioEntry> all = new FolderScenarioCatalog(FolderScenarioCatalog.defaultFolders()).scenarios();
/// ```
public interface ScenarioCatalog {

    List<ScenarioEntry> scenarios();
}
