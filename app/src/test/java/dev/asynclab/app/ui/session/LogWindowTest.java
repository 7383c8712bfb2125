package dev.asynclab.app.ui.session;

import dev.asynclab.lab.audit.LogIndex;
import dev.asynclab.lab.audit.LogIndexer;
import dev.asynclab.app.SyntheticRun;
import dev.asynclab.engine.event.Event;
import dev.asynclab.lab.audit.AuditHeader;
import dev.asynclab.lab.audit.AuditLogWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/// Which blocks of a log's index a window holds: as many as fit, from the block holding the time asked for,
/// never past the log's end.
class LogWindowTest {

    @TempDir
    static Path dir;
    private static List<Event> events;
    private static LogIndex index;

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
    void theFirstWindowHoldsTheWholeBlocksThatFit() {
        LogWindow w = LogWindow.first(index, 3_500);
        assertThat(w.span()).isEqualTo(3);
        assertThat(w.fromEvent()).isZero();
        assertThat(w.events()).isEqualTo(3_000);
        assertThat(w.whole()).isFalse();
        assertThat(LogWindow.first(index, 10).span()).as("at least a block, however small the heap").isOne();
        assertThat(LogWindow.first(index, 20_000).whole()).isTrue();
    }

    @Test
    void aWindowMovedToATimeStartsWithTheBlockHoldingIt() {
        LogWindow w = LogWindow.first(index, 3_000).at(events.get(4_321).t());
        assertThat(w.firstBlock()).isEqualTo(4);
        assertThat(w.startTime()).isLessThanOrEqualTo(events.get(4_321).t());
        assertThat(w.endTime()).isEqualTo(events.get(6_999).t());
    }

    @Test
    void aWindowNeverRunsPastTheLogsEndNorBeforeItsStart() {
        LogWindow w = LogWindow.first(index, 3_000);
        int lastStart = index.blocks().size() - 3;
        assertThat(w.at(Long.MAX_VALUE).firstBlock()).isEqualTo(lastStart);
        assertThat(w.at(Long.MAX_VALUE).fromEvent() + w.at(Long.MAX_VALUE).events()).isEqualTo(events.size());
        assertThat(w.next().next().next().next().firstBlock()).isEqualTo(lastStart);
        assertThat(w.previous().firstBlock()).isZero();
        assertThat(w.at(-5).firstBlock()).isZero();
    }

    @Test
    void itSaysWhichEventsOfHowManyAndWhenInTheRun() {
        LogWindow w = LogWindow.first(index, 3_000).next();
        assertThat(w.describe()).startsWith(String.format(java.util.Locale.ROOT, "events 3,000–5,999 of %,d · ", events.size())).contains(" of ");
        assertThat(LogWindow.seconds(1_500_000_000L)).isEqualTo("1.5 s");
        assertThat(LogWindow.seconds(125_000_000_000L)).isEqualTo("2m 05s");
        assertThat(LogWindow.seconds(3_725_000_000_000L)).isEqualTo("1h 02m 05s");
    }
}
