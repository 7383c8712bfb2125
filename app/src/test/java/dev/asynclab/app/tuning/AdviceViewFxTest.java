package dev.asynclab.app.tuning;

import dev.asynclab.app.FxWait;
import dev.asynclab.app.cli.Cli;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/// The Advice tab on a headless screen: a log handed to the tuning tabs (as a dropped `.jsonl` is) fills the
/// table with a row per size, the interval shown, the recommended size marked.
class AdviceViewFxTest {

    private final FxRobot robot = new FxRobot();
    private TuningTabs tabs;

    @BeforeAll
    static void startToolkit() throws Exception {
        TuningStage.prepare();
    }

    @AfterEach
    void close() {
        tabs.close();
    }

    @Test
    void aLogGivesTheAdviceTable(@TempDir Path dir) throws Exception {
        var quiet = new PrintWriter(new StringWriter());
        assertThat(Cli.execute(new String[] {"run", Scenarios.file(Scenarios.MMC).toString(), "--clock",
                "simulated", "--out", dir.toString()}, quiet, quiet)).isZero();
        FxToolkit.setupSceneRoot(() -> {
            tabs = new TuningTabs();
            return tabs.root();
        });
        FxToolkit.showStage();
        robot.interact(() -> {
            tabs.openLog(dir.resolve("audit.jsonl"));
            tabs.advice().fromSizeProperty().set(2);
            tabs.advice().toSizeProperty().set(5);
            tabs.advice().replicatesProperty().set(4);
            tabs.advice().targetProperty().set("p99<1s");
        });
        // the Advice tab's content joins the scene with the tab pane's skin and is laid out at a later pulse
        FxWait.node(robot, "#advice-run");
        FxWait.pulses(robot, 2);
        robot.clickOn("#advice-run");
        WaitForAsyncUtils.waitFor(2, TimeUnit.MINUTES, () -> !tabs.advice().runningProperty().get()
                && !tabs.advice().rows().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        TableView<?> table = robot.lookup("#advice-table").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(4);
        assertThat(robot.lookup("#advice-message").queryAs(Label.class).getText()).isNotBlank();
        assertThat(robot.lookup("#advice-verdict").queryAs(Label.class).getText()).contains("CPU-bound");
        assertThat(robot.lookup("#advice-run").queryAs(Button.class).isDisabled()).isFalse();
    }
}
