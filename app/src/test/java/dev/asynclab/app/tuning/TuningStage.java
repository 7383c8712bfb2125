package dev.asynclab.app.tuning;

import org.testfx.api.FxToolkit;

/// The headless stage the tuning views' TestFX tests show them on: large enough for their tables and charts.
final class TuningStage {

    private TuningStage() {
    }

    static void prepare() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            stage.setWidth(1200); // within Monocle's 1280x800 headless screen
            stage.setHeight(760);
        });
    }
}
