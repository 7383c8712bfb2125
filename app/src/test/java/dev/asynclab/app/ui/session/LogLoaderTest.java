package dev.asynclab.app.ui.session;

import dev.asynclab.app.SyntheticRun;
import dev.asynclab.app.store.EventStore;
import dev.asynclab.engine.event.Event;
import dev.asynclab.lab.audit.AuditHeader;
import dev.asynclab.lab.audit.AuditLogException;
import dev.asynclab.lab.audit.AuditLogWriter;
import dev.asynclab.lab.audit.LogIndex;
import dev.asynclab.lab.audit.LogIndexer;
import dev.asynclab.lab.story.RunHistory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/// A log read into a store on two threads, with no list of its events, gives the store and fold that appending
/// the same events one by one gives; and the windowed histories of a store past a (tiny) limit tell each call
/// from the same events as the whole history does.
class LogLoaderTest {

    private List<Event> events;
    private Path log;

    @BeforeEach
    void writeLog(@TempDir Path dir) throws Exception {
        // More than a few batches, so the reading thread waits on the bounded queue at times.
        events = new SyntheticRun(8, 20_000, 100_000, 3).events(40_000);
        log = dir.resolve("run.jsonl");
        try (AuditLogWriter writer = new AuditLogWriter(log, AuditHeader.of("loader-test", "synthetic",
                Instant.EPOCH, "test", AuditHeader.CLOCK_SIMULATED, 3))) {
            events.forEach(writer::onEvent);
        }
    }

    @Test
    void aLogLoadsIntoTheStoreThatAppendingItsEventsMakes() {
        List<Long> progress = new ArrayList<>();
        LogLoader.Loaded loaded = LogLoader.load(log, 10_000, progress::add);

        EventStore expected = new EventStore();
        expected.appendAll(events);
        EventStore store = loaded.store();
        assertThat(store.size()).isEqualTo(events.size());
        for (int i = 0; i < store.size(); i++) {
            assertThat(store.event(i)).isEqualTo(expected.event(i));
        }
        assertThat(store.invocations().size()).isEqualTo(expected.invocations().size());
        assertThat(store.laneCount()).isEqualTo(expected.laneCount());
        assertThat(loaded.report().ok()).isTrue();
        assertThat(loaded.header().scenario()).isEqualTo("synthetic");
        RunFold fold = new RunFold(null);
        fold.take(events);
        assertThat(loaded.result().line()).isEqualTo(fold.result().line());
        assertThat(progress).hasSize(events.size() / 10_000).isSorted();
    }

    /// The loading thread failing with an Error (out of memory, in a 100 M-event log's window that did not fit)
    /// left the reading thread blocked on the full queue for good, and the open never ended. The Error goes to
    /// the caller and the reading thread ends, and so does the folding thread.
    @Test
    void anErrorWhileLoadingEndsTheReadingThreadToo(@TempDir Path dir) throws Exception {
        // More batches than the queue holds (16 of 4,096), so the reader has to wait for the loader.
        Path big = dir.resolve("big.jsonl");
        try (AuditLogWriter writer = new AuditLogWriter(big, AuditHeader.of("loader-test", "synthetic",
                Instant.EPOCH, "test", AuditHeader.CLOCK_SIMULATED, 3))) {
            new SyntheticRun(8, 20_000, 100_000, 3).events(150_000).forEach(writer::onEvent);
        }
        class Full extends Error {
        }
        assertThatThrownBy(() -> LogLoader.load(big, 4_096, n -> {
            throw new Full();
        })).isInstanceOf(Full.class);

        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (readerAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(readerAlive()).as("the reading and folding threads ended").isFalse();
    }

    private static boolean readerAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("audit-parse") || t.getName().equals("audit-fold"));
    }

    @Test
    void aReadStopsAtItsLimitWithTheLogsFirstEventsAndNoVerdictOnTheChain() {
        LogLoader.Loaded loaded = LogLoader.load(log, 1_000, 5_000, n -> { });
        assertThat(loaded.cut()).isTrue();
        assertThat(loaded.store().size()).isEqualTo(5_000);
        assertThat(loaded.store().event(4_999)).isEqualTo(events.get(4_999));
        assertThat(loaded.result().summary().eventCount())
                .as("the summary is of the events stored, not of those read ahead").isEqualTo(5_000);
        assertThat(loaded.header().scenario()).isEqualTo("synthetic");
        LogLoader.Loaded all = LogLoader.load(log, 1_000, events.size(), n -> { });
        assertThat(all.cut()).as("a limit the log does not pass").isFalse();
        assertThat(all.store().size()).isEqualTo(events.size());
    }

    @Test
    void aWindowReadThroughTheIndexHoldsTheSameEventsAsTheWholeLogThere() {
        LogIndex index = LogIndexer.index(log, 1_000, n -> { }, () -> false);
        LogWindow window = LogWindow.first(index, 5_000).at(events.get(23_456).t());
        List<Long> progress = new ArrayList<>();
        LogLoader.Loaded loaded = LogLoader.loadWindow(window, 1_000, progress::add);

        assertThat(window.fromEvent()).isEqualTo(23_000);
        assertThat(loaded.store().size()).isEqualTo(5_000);
        for (int i = 0; i < 5_000; i++) {
            assertThat(loaded.store().event(i)).isEqualTo(events.get(23_000 + i));
        }
        assertThat(loaded.cut()).isFalse();
        assertThat(loaded.report().ok()).as(loaded.report().reason()).isTrue();
        assertThat(loaded.report().events()).isEqualTo(5_000);
        assertThat(loaded.result()).isNotNull();
        assertThat(progress).isNotEmpty().isSorted().last().isEqualTo(5_000L);
    }

    @Test
    void theHeapLimitGrowsWithTheHeap() {
        assertThat(LogLoader.fittingEvents(2L << 30)).isLessThan(LogLoader.fittingEvents(4L << 30)).isPositive();
    }

    @Test
    void theEventCountIsEstimatedFromTheFirstLines() {
        long estimate = LogLoader.estimateEvents(log);
        assertThat(estimate).isBetween(events.size() * 8L / 10, events.size() * 12L / 10);
    }

    @Test
    void aFileThatIsNotALogIsOneClearProblem(@TempDir Path dir) throws Exception {
        Path notALog = Files.writeString(dir.resolve("notes.jsonl"), "hello\n");
        assertThatThrownBy(() -> LogLoader.load(notALog, 10, n -> { }))
                .isInstanceOf(AuditLogException.class).hasMessageContaining("notes.jsonl");
    }

    @Test
    void windowsPastATinyLimitHoldEveryEventOfTheCallTheyTell() {
        EventStore store = LogLoader.load(log, 10_000, n -> { }).store();
        StoreHistory tiny = new StoreHistory(100, 200);
        StoreHistory roomy = new StoreHistory(Integer.MAX_VALUE, 0);
        assertThat(tiny.covers(store)).isFalse();
        assertThat(roomy.covers(store)).isTrue();
        RunHistory whole = roomy.whole(store);
        for (int slot = 0; slot < store.invocations().size(); slot += 97) {
            long id = store.invocations().id(slot);
            List<Event> window = tiny.eventsAround(store, slot);
            assertThat(window.size()).isLessThan(store.size() / 10);
            assertThat(window.getFirst().seq()).as("the run's start, for the pool's size").isZero();
            assertThat(RunHistory.of(window).eventsOf(id)).isEqualTo(whole.eventsOf(id));
            for (long attempt : whole.callOf(id)) {
                assertThat(tiny.around(store, slot).eventsOf(attempt)).isEqualTo(whole.eventsOf(attempt));
            }
        }
        assertThat(tiny.head(store).events()).hasSize(100);
    }
}
