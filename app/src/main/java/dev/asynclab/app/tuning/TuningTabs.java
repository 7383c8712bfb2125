package dev.asynclab.app.tuning;

import dev.asynclab.app.ui.charts.ChartTheme;
import dev.asynclab.app.ui.fxml.Fxml;
import dev.asynclab.app.ui.timeline.OutcomePalette;
import dev.asynclab.lab.scenario.Scenario;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

import java.nio.file.Path;

/// The tuning views as tabs (`TuningTabs.fxml`: Sweep, Compare, What-if, sharing one scenario; and Advice, from
/// an audit log), for the Tuning window to show whole. Each view model stays reachable for wiring, e.g. the
/// sweep's open-run hook.
///
/// ```java
/// var tuning = new TuningTabs();
/// tuning.sweep().onOpenRunProperty().set(size -> openRun(tuning.sweep().optionsFor(size)));
/// stage.setScene(new Scene(tuning));
/// tuning.load(Path.of("scenarios/14-mmc-queue.yaml"));
/// ```
public final class TuningTabs extends TabPane implements AutoCloseable {

    @FXML
    private Tab sweepTab;
    @FXML
    private Tab compareTab;
    @FXML
    private Tab whatIfTab;
    @FXML
    private Tab adviceTab;

    private final TuningViewModel sweep;
    private final CompareViewModel compare;
    private final WhatIfViewModel whatIf;
    private final AdviceViewModel advice = new AdviceViewModel();
    private TuningView sweepView;

    public TuningTabs() {
        this(new TuningViewModel(), new CompareViewModel(), new WhatIfViewModel());
    }

    public TuningTabs(TuningViewModel sweep, CompareViewModel compare, WhatIfViewModel whatIf) {
        this.sweep = sweep;
        this.compare = compare;
        this.whatIf = whatIf;
        Fxml.load(this);
    }

    @FXML
    private void initialize() {
        sweepView = new TuningView(sweep);
        sweepTab.setContent(sweepView);
        compareTab.setContent(new CompareView(compare));
        whatIfTab.setContent(new WhatIfView(whatIf));
        adviceTab.setContent(new AdviceView(advice));
    }

    /// Takes an audit log (a dropped `.jsonl`) for advice, and shows the Advice tab.
    public void openLog(Path log) {
        advice.open(log);
        getSelectionModel().select(adviceTab);
    }

    public AdviceViewModel advice() {
        return advice;
    }

    /// The node to show (these tabs).
    public Parent root() {
        return this;
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

    /// Colours every chart of the tabs, and the sweep's markers, from the theme's palette.
    public void applyPalette(OutcomePalette palette) {
        ChartTheme.applyAll(this, palette);
        sweepView.charts().usePalette(palette);
    }

    /// Stops the what-if's rerun thread.
    @Override
    public void close() {
        whatIf.close();
    }
}
