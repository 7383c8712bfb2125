package dev.asynclab.app.ui.main;

import dev.asynclab.app.ui.session.Session;
import dev.asynclab.app.ui.session.SessionSource;
import dev.asynclab.app.ui.session.StoreHistory;
import dev.asynclab.lab.audit.AuditHeader;
import dev.asynclab.lab.audit.AuditLogReader;
import dev.asynclab.lab.audit.AuditLogWriter;
import dev.asynclab.lab.audit.LogIndexCache;
import dev.asynclab.app.ui.session.LogWindow;
import dev.asynclab.lab.scenario.ClockMode;
import dev.asynclab.lab.scenario.RunOptions;
import dev.asynclab.lab.scenario.ScenarioLoader;
import dev.asynclab.lab.scenario.ScenarioRunner;
import dev.asynclab.lab.metrics.RunSummary;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.asynclab.app.store.EventStore;
import javafx.application.Platform;

import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/// The replay's view model without a view: a log read into a session through its feed, seeks back and forth,
/// steps, and a close that leaves nothing behind. (The FX toolkit runs, for the feed's frames; no window shows.)
@ExtendWith(ApplicationExtension.class)
class ReplayViewModelTest {

    private final ReplayViewModel replay = new ReplayViewModel();
    private Path log;
    private RunSummary summary;

    @Start
    void start(Stage stage) {
    }

    @BeforeEach
    void writeLog(@TempDir Path dir) throws Exception {
        log = dir.resolve("run.jsonl");
        var scenario = ScenarioLoader.load(MainViewTest.SCENARIOS.resolve("04-retry-fixed-delay.yaml"));
        try (AuditLogWriter writer = new AuditLogWriter(log, AuditHeader.of("replay-test", scenario.name(),
                Instant.EPOCH, "test", AuditHeader.CLOCK_SIMULATED, scenario.seed()))) {
            summary = ScenarioRunner.start(scenario, RunOptions.DEFAULTS.withClock(ClockMode.SIMULATED),
                    List.of(writer)).await();
        }
    }

    private Session open(FxRobot robot) throws Exception {
        Session session = new Session(new SessionSource.ReplayedLog(log));
        robot.interact(() -> replay.open(session, log));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> replay.activeProperty().get());
        awaitSize(session, summary.eventCount());
        return session;
    }

    private static void awaitSize(Session session, long size) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> session.store().size() == size);
    }

    @Test
    void aLogIsShownWholeWithItsHeaderVerificationAndLints(FxRobot robot) throws Exception {
        Session session = open(robot);
        assertThat(replay.lengthProperty().get()).isEqualTo(summary.eventCount());
        assertThat(replay.positionProperty().get()).isEqualTo(summary.eventCount());
        assertThat(replay.headerProperty().get()).contains("Retry").contains("replay-test");
        assertThat(replay.verificationProperty().get()).startsWith("chain verified");
        assertThat(session.resultProperty().get().eventCount()).isEqualTo(summary.eventCount());
        assertThat(session.summaryProperty().get()).isNotEmpty();
    }

    @Test
    void seekingBackRewindsTheStoreAndSteppingMovesOneEvent(FxRobot robot) throws Exception {
        Session session = open(robot);
        var before = session.store();
        robot.interact(() -> replay.seek(5));
        awaitSize(session, 5);
        assertThat(session.store()).as("a backward seek starts a fresh store").isNotSameAs(before);
        robot.interact(() -> replay.step(1));
        awaitSize(session, 6);
        robot.interact(() -> replay.step(-2));
        awaitSize(session, 4);
        assertThat(replay.positionProperty().get()).isEqualTo(4);
        robot.interact(() -> replay.seek(1_000_000));
        awaitSize(session, summary.eventCount());
        assertThat(replay.positionProperty().get()).isEqualTo(summary.eventCount());
    }

    @Test
    void theCurrentEventsTimeFollowsSeeksAndIsNoneWithoutALog(FxRobot robot) throws Exception {
        assertThat(replay.eventTimeProperty().get()).isNaN();
        Session session = open(robot);
        assertThat(replay.eventTimeProperty().get()).isEqualTo((double) session.store().lastTime()).isPositive();
        robot.interact(() -> replay.seek(7));
        awaitSize(session, 7);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(replay.eventTimeProperty().get()).isEqualTo((double) session.store().time(6));
        robot.interact(() -> replay.seek(0));
        assertThat(replay.eventTimeProperty().get()).isZero();
        robot.interact(replay::close);
        assertThat(replay.eventTimeProperty().get()).isNaN();
    }

    @Test
    void playingFromTheStartShowsEveryEventAgain(FxRobot robot) throws Exception {
        Session session = open(robot);
        robot.interact(() -> {
            replay.speedProperty().set(100);
            replay.seek(0);
            replay.play();
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !replay.playingProperty().get());
        awaitSize(session, summary.eventCount());
    }

    @Test
    void aLogPastTheHistoryLimitIsShownWholeAndCaptionedFromTheEventsNearEachStep(FxRobot robot) throws Exception {
        ReplayViewModel tiny = new ReplayViewModel(new StoreHistory(10, 50));
        Session session = new Session(new SessionSource.ReplayedLog(log));
        robot.interact(() -> tiny.open(session, log));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> tiny.activeProperty().get());
        awaitSize(session, summary.eventCount());
        var whole = session.store();
        assertThat(tiny.verificationProperty().get()).startsWith("chain verified")
                .contains("too many events to index whole");
        assertThat(tiny.captionProperty().get()).isNotEmpty();
        int half = (int) (summary.eventCount() / 2);
        robot.interact(() -> tiny.seek(half));
        awaitSize(session, half);
        assertThat(session.store()).isNotSameAs(whole);
        assertThat(tiny.captionProperty().get()).isNotEmpty();
        robot.interact(() -> tiny.seek(Integer.MAX_VALUE));
        assertThat(session.store()).as("all of the log is its store again, handed over whole").isSameAs(whole);
        robot.interact(tiny::close);
    }

    /// With room for 12 events and blocks of 4, the log opens through its index a window of three blocks at a time.
    @Test
    void aLogLargerThanTheHeapOpensAWindowThroughItsIndexAndTheWindowMovesToAnyTime(FxRobot robot,
                                                                                   @TempDir Path cacheDir)
            throws Exception {
        var cache = new LogIndexCache(cacheDir, 4);
        ReplayViewModel small = new ReplayViewModel(StoreHistory.APP, () -> 12, cache);
        List<dev.asynclab.engine.event.Event> all = AuditLogReader.read(log).events();
        assertThat(all).hasSizeGreaterThan(30);
        Session session = new Session(new SessionSource.ReplayedLog(log));
        robot.interact(() -> small.open(session, log));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> small.activeProperty().get()
                && small.windows().shownProperty().get());
        awaitSize(session, 12);
        assertThat(session.store().event(0)).isEqualTo(all.get(0));
        assertThat(small.verificationProperty().get()).startsWith("window verified (chain, seq, t) over its 12 events")
                .contains(String.format("whole log: chain verified over %,d events", all.size()));
        assertThat(small.windows().textProperty().get()).startsWith("events 0–11 of " + all.size());
        assertThat(small.lengthProperty().get()).isEqualTo(12);
        assertThat(cache.kept(log)).isPresent();

        long lastT = all.getLast().t();
        robot.interact(() -> small.moveWindowTo(lastT / 1e9));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !small.windows().loadingProperty().get()
                && session.store().size() > 0 && session.store().event(session.store().size() - 1).equals(all.getLast()));
        LogWindow last = small.windows().windowProperty().get();
        assertThat(session.store().event(0)).isEqualTo(all.get((int) last.fromEvent()));

        robot.interact(small::previousWindow);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !small.windows().loadingProperty().get()
                && session.store().size() == 12 && session.store().event(0).equals(all.get((int) last.fromEvent() - 12)));
        assertThat(small.verificationProperty().get()).startsWith("window verified");

        robot.interact(small::close);
        assertThat(small.windows().shownProperty().get()).isFalse();
    }

    /// Each window is sized from the heap free just before it is read, on a background thread (measuring collects),
    /// and only once the window shown before has been let go: here the room reported drops from 12 events to 8,
    /// and the moved window holds two blocks of 4, not three. Before, a window was sized once, from the maximum heap, on the FX thread, and
    /// a move kept that size whatever the heap then held (with `-Xmx512m` the first window ran out of memory).
    @Test
    void eachWindowIsSizedFromTheHeapFreeOnceThePreviousWindowIsLetGo(FxRobot robot, @TempDir Path cacheDir)
            throws Exception {
        var cache = new LogIndexCache(cacheDir, 4);
        AtomicReference<WeakReference<EventStore>> shownBefore = new AtomicReference<>();
        AtomicBoolean previousGoneWhenSized = new AtomicBoolean();
        List<Boolean> askedOnFx = new CopyOnWriteArrayList<>();
        AtomicInteger asked = new AtomicInteger();
        LongSupplier room = () -> {
            askedOnFx.add(Platform.isFxApplicationThread());
            WeakReference<EventStore> before = shownBefore.get();
            if (before != null) {
                previousGoneWhenSized.set(collected(before));
            }
            return asked.incrementAndGet() <= 2 ? 12 : 8; // the open's check and the first window; then less
        };
        ReplayViewModel small = new ReplayViewModel(StoreHistory.APP, room, cache);
        List<dev.asynclab.engine.event.Event> all = AuditLogReader.read(log).events();
        Session session = new Session(new SessionSource.ReplayedLog(log));
        robot.interact(() -> small.open(session, log));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> small.windows().shownProperty().get()
                && !small.windows().loadingProperty().get());
        awaitSize(session, 12);
        shownBefore.set(weakly(session));

        long lastT = all.getLast().t();
        robot.interact(() -> small.moveWindowTo(lastT / 1e9));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !small.windows().loadingProperty().get()
                && session.store().size() > 0);
        LogWindow moved = small.windows().windowProperty().get();
        assertThat(moved.span()).as("the moved window, sized from the room then").isEqualTo(2);
        assertThat(session.store().size()).isEqualTo(moved.events()).isLessThanOrEqualTo(8);
        assertThat(session.store().event(0)).isEqualTo(all.get((int) moved.fromEvent()));
        assertThat(moved.endTime()).as("it holds the time asked for").isGreaterThanOrEqualTo(lastT);
        assertThat(previousGoneWhenSized).as("the first window's store was let go before the next was sized").isTrue();
        assertThat(askedOnFx).hasSize(3).doesNotContain(true);
        robot.interact(small::close);
    }

    private static WeakReference<EventStore> weakly(Session session) {
        return new WeakReference<>(session.store());
    }

    private static boolean collected(WeakReference<?> ref) {
        for (int i = 0; i < 20 && ref.get() != null; i++) {
            System.gc();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return ref.get() == null;
    }

    @Test
    void closingLeavesNoReplayAndIgnoresLaterSeeks(FxRobot robot) throws Exception {
        Session session = open(robot);
        robot.interact(() -> {
            session.close();
            replay.close();
            replay.seek(3);
        });
        assertThat(replay.activeProperty().get()).isFalse();
        assertThat(replay.lengthProperty().get()).isZero();
        assertThat(replay.headerProperty().get()).isEmpty();
        assertThat(session.store().size()).isEqualTo(summary.eventCount());
    }

    @Test
    void aFileThatIsNotALogFailsItsSessionWithOneLine(FxRobot robot, @TempDir Path dir) throws Exception {
        Path notALog = dir.resolve("notes.jsonl");
        Files.writeString(notALog, "hello\n");
        Session session = new Session(new SessionSource.ReplayedLog(notALog));
        robot.interact(() -> replay.open(session, notALog));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !session.errorProperty().get().isEmpty());
        assertThat(session.errorProperty().get()).contains("notes.jsonl").doesNotContain("\n");
        assertThat(replay.activeProperty().get()).isFalse();
    }
}
