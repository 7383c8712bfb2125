package dev.asynclab.app.ui.main;

import dev.asynclab.app.SyntheticRun;
import dev.asynclab.app.ui.session.LogWindow;
import dev.asynclab.app.ui.session.StoreHistory;
import dev.asynclab.lab.audit.AuditHeader;
import dev.asynclab.lab.audit.AuditLogWriter;
import dev.asynclab.lab.audit.LogIndexCache;
import dev.asynclab.lab.audit.LogIndexer;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/// The window bar in the replay bar, headless: hidden for a log that fits, shown with its line and buttons for a
/// window of a larger log, its Cancel only while indexing.
@ExtendWith(ApplicationExtension.class)
class WindowBarTest {

    @TempDir
    Path dir;
    private final ReplayViewModel replay = new ReplayViewModel(StoreHistory.APP, () -> 1_000,
            new LogIndexCache(Path.of("/nonexistent-cache"), 100));
    private ReplayBar bar;

    @Start
    void start(Stage stage) {
        bar = new ReplayBar();
        bar.bind(replay);
        stage.setScene(new Scene(bar, 900, 200));
        stage.show();
    }

    @Test
    void theBarSaysWhichWindowIsShownAndOffersCancelOnlyWhileIndexing(FxRobot robot) throws Exception {
        Path log = dir.resolve("run.jsonl");
        try (AuditLogWriter writer = new AuditLogWriter(log, AuditHeader.of("bar-test", "synthetic", Instant.EPOCH,
                "test", AuditHeader.CLOCK_SIMULATED, 3))) {
            new SyntheticRun(8, 20_000, 100_000, 3).events(5_000).forEach(writer::onEvent);
        }
        var index = LogIndexer.index(log, 100, n -> { }, () -> false);
        WindowBar windowBar = robot.lookup("#window-text").queryAs(Label.class).getParent() instanceof WindowBar w
                ? w : null;
        assertThat(windowBar).isNotNull();
        assertThat(windowBar.isVisible()).isFalse();

        robot.interact(() -> replay.windows().indexing("run.jsonl", 2_000, 5_000));
        assertThat(bar.isVisible()).as("the replay bar shows while indexing").isTrue();
        assertThat(windowBar.isVisible()).isTrue();
        assertThat(robot.lookup("#window-cancel").queryAs(Button.class).isVisible()).isTrue();
        assertThat(robot.lookup("#window-next").queryAs(Button.class).isVisible()).isFalse();

        LogWindow first = LogWindow.first(index, 1_000);
        robot.interact(() -> replay.windows().show(first));
        assertThat(robot.lookup("#window-text").queryAs(Label.class).getText()).isEqualTo(first.describe());
        assertThat(robot.lookup("#window-cancel").queryAs(Button.class).isVisible()).isFalse();
        assertThat(robot.lookup("#window-next").queryAs(Button.class).isVisible()).isTrue();

        robot.interact(() -> replay.windows().clear());
        assertThat(windowBar.isVisible()).isFalse();
    }
}
