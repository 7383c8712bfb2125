package dev.asynclab.app.tuning;

import dev.asynclab.lab.scenario.Scenario;
import javafx.scene.Parent;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

import java.nio.file.Path;

/// The tuning views as tabs (Sweep, Compare, What-if, sharing one scenario; and Advice, from an audit log), for
/// the main window to embed whole. Each view model stays reachable for wiring, e.g. the sweep's open-run hook.
///
/// ```java
/// var tuning = new TuningTabs();
/// tuning.sweep().onOpenRunProperty().set(size -> openRun(tuning.sweep().optionsFor(size)));
/// mainTabs.getTabs().add(new Tab("Tuning", tuning.root()));
/// tuning.load(Path.of("scenarios/14-mmc-queue.yaml"));
/// ```
public final class TuningTabs implements AutoCloseable {

    private final TuningViewModel sweep;
    private final CompareViewModel compare;
    private final WhatIfViewModel whatIf;
    private final AdviceViewModel advice = new AdviceViewModel();
    private final TabPane root = new TabPane();

    public TuningTabs() {
        this(new TuningViewModel(), new CompareViewModel(), new WhatIfViewModel());
    }

    public TuningTabs(TuningViewModel sweep, CompareViewModel compare, WhatIfViewModel whatIf) {
        this.sweep = sweep;
        this.compare = compare;
        this.whatIf = whatIf;
        root.setId("tuning-tabs");
        root.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        root.getTabs().addAll(new Tab("Sweep", new TuningView(sweep).root()),
                new Tab("Compare", new CompareView(compare).root()),
                new Tab("What-if", new WhatIfView(whatIf).root()),
                new Tab("Advice", new AdviceView(advice).root()));
    }

    /// Takes an audit log (a dropped `.jsonl`) for advice, and shows the Advice tab.
    public void openLog(Path log) {
        advice.open(log);
        root.getSelectionModel().select(root.getTabs().getLast());
    }

    public AdviceViewModel advice() {
        return advice;
    }

    /// The node to embed.
    public Parent root() {
        return root;
    }

    /// Loads a scenario file into all three views; a problem shows in the sweep's message (file, line, column).
    public boolean load(Path file) {
        if (!sweep.load(file)) {
            return false;
        }
        Scenario loaded = sweep.scenarioProperty().get();
        compare.setScenario(loaded);
        whatIf.setScenario(loaded);
        return true;
    }

    /// Uses a scenario the main window already loaded.
    public void setScenario(Scenario scenario) {
        sweep.setScenario(scenario);
        compare.setScenario(scenario);
        whatIf.setScenario(scenario);
    }

    public TuningViewModel sweep() {
        return sweep;
    }

    public CompareViewModel compare() {
        return compare;
    }

    public WhatIfViewModel whatIf() {
        return whatIf;
    }

    /// Stops the what-if's rerun thread.
    @Override
    public void close() {
        whatIf.close();
    }
}
