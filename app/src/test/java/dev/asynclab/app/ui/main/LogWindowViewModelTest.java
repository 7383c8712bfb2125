package dev.asynclab.app.ui.main;

import dev.asynclab.app.SyntheticRun;
import dev.asynclab.app.ui.session.LogWindow;
import dev.asynclab.engine.event.Event;
import dev.asynclab.lab.audit.AuditHeader;
import dev.asynclab.lab.audit.AuditLogWriter;
import dev.asynclab.lab.audit.LogIndex;
import dev.asynclab.lab.audit.LogIndexer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/// The window bar's state without a screen: indexing progress, the window shown, where moves go.
class LogWindowViewModelTest {

    @TempDir
    static Path dir;
    private static List<Event> events;
    private static LogIndex index;
    private final LogWindowViewModel windows = new LogWindowViewModel();

    @BeforeAll
    static void index() throws Exception {
        events = new SyntheticRun(8, 20_000, 100_000, 3).events(10_000);
        Path log = dir.resolve("run.jsonl");
        try (AuditLogWriter writer = new AuditLogWriter(log, AuditHeader.of("window-test", "synthetic",
                Instant.EPOCH, "test", AuditHeader.CLOCK_SIMULATED, 3))) {
            events.forEach(writer::onEvent);
        }
        index = LogIndexer.index(log, 1_000, n -> { }, () -> false);
    }

    @Test
    void whileIndexingItSaysHowFarAndNeverClaimsToBeDone() {
        windows.indexing("big.jsonl", 25_000_000, 100_000_000);
        assertThat(windows.indexingProperty().get()).isTrue();
        assertThat(windows.shownProperty().get()).isFalse();
        assertThat(windows.progressProperty().get()).isEqualTo(0.25);
        assertThat(windows.textProperty().get()).isEqualTo("indexing big.jsonl (more events than the heap holds) …"
                + " 25,000,000 of about 100,000,000 events (25 %)");
        windows.indexing("big.jsonl", 120, 100);
        assertThat(windows.progressProperty().get()).isLessThan(1);
        assertThat(windows.textProperty().get()).contains("(99 %)");
        windows.indexing("big.jsonl", 7, 0);
        assertThat(windows.progressProperty().get()).isNegative();
    }

    @Test
    void aShownWindowSaysWhichEventsAndSetsTheSliderOverTheRun() {
        windows.indexing("run.jsonl", 0, 10_000);
        LogWindow second = LogWindow.first(index, 3_000).next();
        windows.show(second);
        assertThat(windows.indexingProperty().get()).isFalse();
        assertThat(windows.shownProperty().get()).isTrue();
        assertThat(windows.textProperty().get()).isEqualTo(second.describe()).startsWith("events 3,000–5,999 of ");
        assertThat(windows.runSecondsProperty().get()).isEqualTo(index.lastTime() / 1e9);
        assertThat(windows.startSecondsProperty().get()).isEqualTo(second.startTime() / 1e9);
    }

    @Test
    void movesAreTheWindowsAroundTheOneShown() {
        assertThat(windows.target(1.0)).as("no window shown").isNull();
        LogWindow first = LogWindow.first(index, 3_000);
        windows.show(first);
        assertThat(windows.nextTarget().firstBlock()).isEqualTo(3);
        assertThat(windows.previousTarget().firstBlock()).isZero();
        double at = events.get(5_500).t() / 1e9;
        assertThat(windows.target(at).firstBlock()).isEqualTo(index.blockAt((long) (at * 1e9)));

        windows.loading(windows.nextTarget());
        assertThat(windows.loadingProperty().get()).isTrue();
        assertThat(windows.textProperty().get()).startsWith("loading events from 3,000 of ");
        windows.clear();
        assertThat(windows.shownProperty().get()).isFalse();
        assertThat(windows.textProperty().get()).isEmpty();
    }
}
