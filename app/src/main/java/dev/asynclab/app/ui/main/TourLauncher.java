package dev.asynclab.app.ui.main;

import dev.asynclab.app.ui.session.RunFold;
import dev.asynclab.app.ui.session.Session;
import dev.asynclab.app.ui.teach.TourPlayerViewModel;
import dev.asynclab.engine.event.Event;
import dev.asynclab.lab.scenario.ClockMode;
import dev.asynclab.lab.scenario.RunOptions;
import dev.asynclab.lab.scenario.Scenario;
import dev.asynclab.lab.scenario.ScenarioRunner;
import dev.asynclab.lab.scenario.ScenarioScripts;
import dev.asynclab.lab.story.RedFlag;
import dev.asynclab.lab.story.RedFlags;
import dev.asynclab.lab.story.RunHistory;
import dev.asynclab.lab.story.TourPlan;
import dev.asynclab.lab.story.TourStop;
import javafx.application.Platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/// Starts a scenario's tour in its session: runs the scenario on the simulated clock with its own seed and pool
/// (the run its tour was written for, and the one the tests check every tour against), off the FX thread; then
/// hands the whole run to the replay, from its start, and a tour player over it to `ready`.
final class TourLauncher {

    private TourLauncher() {
    }

    static void launch(Session session, Scenario scenario, ReplayViewModel replay,
                       Consumer<TourPlayerViewModel> ready) {
        Thread.ofVirtual().name("tour-run").start(() -> {
            List<Event> events = new ArrayList<>();
            try {
                ScenarioRunner.start(scenario, RunOptions.DEFAULTS.withClock(ClockMode.SIMULATED),
                        List.of(events::add), ScenarioScripts.shared()).await(Duration.ofMinutes(5));
                RunFold fold = new RunFold(scenario);
                fold.take(events);
                RunFold.Result result = fold.result();
                RunHistory history = RunHistory.of(events);
                List<RedFlag> flags = RedFlags.rank(result.lints(), history);
                List<TourStop> stops = TourPlan.of(scenario.tour(), history, result.summary());
                Platform.runLater(() -> {
                    if (session.isClosed()) {
                        return; // something else was opened while the tour's run was made
                    }
                    replay.openRun(session, events, history, result, flags);
                    ready.accept(new TourPlayerViewModel(stops, events, new SessionTourStage(session, replay)));
                });
            } catch (Exception e) {
                Platform.runLater(() -> session.fail("The tour's run failed: " + e.getMessage()));
            }
        });
    }
}
