package dev.asynclab.app.ui.session;

import dev.asynclab.app.FxWait;
import dev.asynclab.app.ui.run.ScenarioRunSource;
import dev.asynclab.app.ui.timeline.Highlight;
import dev.asynclab.lab.scenario.ClockMode;
import dev.asynclab.lab.scenario.Linter;
import dev.asynclab.lab.scenario.RunOptions;
import dev.asynclab.lab.scenario.Scenario;
import dev.asynclab.lab.scenario.ScenarioLoader;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/// A session without a view: a run's events arrive through its feed, fold into the summary and lints the engine
/// gives, a lint focuses every invocation it names, and a closed session takes nothing more in.
@ExtendWith(ApplicationExtension.class)
class SessionTest {

    static final Path SCENARIOS = Path.of(System.getProperty("asynclab.project.root", "..")).resolve("scenarios");

    @Start
    void start(Stage stage) {
    }

    private static Session run(FxRobot robot, Scenario scenario, ScenarioRunSource[] source) throws Exception {
        Session session = new Session(new SessionSource.ScenarioRun(null, scenario, "test"));
        source[0] = new ScenarioRunSource(scenario, RunOptions.DEFAULTS.withClock(ClockMode.SIMULATED)
                .withPaced(false));
        robot.interact(() -> session.start(source[0]));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !session.runningProperty().get()
                && session.resultProperty().get() != null);
        return session;
    }

    @Test
    void aRunsFoldGivesTheEnginesSummaryAndLints(FxRobot robot) throws Exception {
        Scenario scenario = ScenarioLoader.load(SCENARIOS.resolve("12-late-finish.yaml"));
        ScenarioRunSource[] source = new ScenarioRunSource[1];
        Session session = run(robot, scenario, source);
        var engine = source[0].summary().get(10, TimeUnit.SECONDS);
        assertThat(session.resultProperty().get().observedCounts()).isEqualTo(engine.observedCounts());
        assertThat(session.lints()).containsExactlyElementsOf(Linter.check(scenario, engine)).isNotEmpty();
        assertThat(session.store().size()).isEqualTo(engine.eventCount());
        assertThat(session.summaryProperty().get()).contains(String.format(java.util.Locale.ROOT, "%,d events", engine.eventCount()));
    }

    @Test
    void aLintSelectsItsFirstInvocationAndHighlightsThemAll(FxRobot robot) throws Exception {
        Scenario scenario = ScenarioLoader.load(SCENARIOS.resolve("12-late-finish.yaml"));
        Session session = run(robot, scenario, new ScenarioRunSource[1]);
        var lint = session.lints().stream().filter(l -> !l.ids().isEmpty()).findFirst().orElseThrow();
        int slot = WaitForAsyncUtils.asyncFx(() -> session.focus(lint)).get();
        var inv = session.store().invocations();
        assertThat(session.selectedSlotProperty().get()).isEqualTo(slot).isNotNegative();
        Highlight h = session.highlightProperty().get();
        int lit = 0;
        for (int s = 0; s < inv.size(); s++) {
            if (h.test(inv, s)) {
                lit++;
                assertThat(lint.ids()).contains(lint.groupIds() ? inv.group(s) : inv.id(s));
            }
        }
        assertThat(lit).isEqualTo(session.slotsOf(lint).length).isPositive();
    }

    @Test
    void aClosedSessionTakesNothingMoreIn(FxRobot robot) throws Exception {
        Scenario scenario = ScenarioLoader.load(SCENARIOS.resolve("10-pool-saturation.yaml"));
        Session session = new Session(new SessionSource.ScenarioRun(null, scenario, "test"));
        var source = new ScenarioRunSource(scenario, RunOptions.DEFAULTS.withClock(ClockMode.SIMULATED)
                .withPaced(false));
        robot.interact(() -> {
            session.start(source);
            session.close();
        });
        source.summary().get(60, TimeUnit.SECONDS);
        // Anything still on its way would come in with the feed's drains, one per pulse: let a few pass (a fixed
        // 300 ms sleep held no pulse at all on a busy machine, and the test then passed without looking).
        FxWait.pulses(robot, 5);
        assertThat(session.isClosed()).isTrue();
        assertThat(session.store().size()).isZero();
        assertThat(session.lints()).isEmpty();
        assertThat(session.runningProperty().get()).isFalse();
    }
}
