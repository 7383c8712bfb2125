package dev.asynclab.app.bench;

import dev.asynclab.app.store.EventStore;
import dev.asynclab.app.ui.main.MainView;
import dev.asynclab.app.ui.main.MainViewModel;
import dev.asynclab.app.ui.session.LogLoader;
import dev.asynclab.app.ui.session.RunFold;
import dev.asynclab.app.ui.session.StoreHistory;
import dev.asynclab.app.ui.theme.Theme;
import dev.asynclab.app.ui.timeline.DrawStats;
import dev.asynclab.app.ui.timeline.TimelineView;
import dev.asynclab.app.ui.welcome.FolderScenarioCatalog;
import dev.asynclab.app.ui.welcome.RecentFiles;
import dev.asynclab.engine.event.Event;
import dev.asynclab.lab.audit.AuditVerifier;
import dev.asynclab.lab.story.RunHistory;
import javafx.scene.Scene;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static dev.asynclab.app.bench.BenchReport.median;
import static dev.asynclab.app.bench.BenchReport.onFx;
import static dev.asynclab.app.bench.BenchReport.print;
import static dev.asynclab.app.bench.BenchReport.round;
import static dev.asynclab.app.bench.BenchReport.timeRedraws;
import static org.assertj.core.api.Assertions.assertThat;

/// Opening big audit logs: a 1,000,000-event log the way the app did before (a list of every event, its fold and
/// story index, then a store) against the way it does now ([LogLoader]), interleaved; and a 10,000,000-event log
/// opened in the app's window, from `open` until the timeline has drawn it fit-all with its charts and events
/// table, against reading and verifying the same file alone. Each figure with the heap it took (the most in use,
/// sampled, and what stays after a full GC). The bench profile runs this with `-Xmx2g`. The logs are written
/// under /tmp and deleted at the end. Asserts what was shown, nothing about time.
///
/// Run: `./mvnw -B -q -pl app -am test -Pbench -Dtest=BigLogBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false`
/// then `grep -h '\[bench\]' app/target/surefire-reports/*BigLogBenchmarkTest-output.txt`.
@Tag("bench")
class BigLogBenchmarkTest {

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aMillionEventLogOpenedTheOldWayAndTheNewWay() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "asynclab-biglog-");
        try {
            Path log = dir.resolve("1m.jsonl");
            long n = write(log, 1_000_000);
            double[] old = new double[3];
            double[] now = new double[3];
            double[] oldHeap = new double[3];
            double[] nowHeap = new double[3];
            for (int r = 0; r < old.length; r++) {
                try (HeapPeak heap = new HeapPeak()) {
                    long begin = System.nanoTime();
                    EventStore store = oldWay(log);
                    old[r] = (System.nanoTime() - begin) / 1e6;
                    oldHeap[r] = heap.peakMb();
                    assertThat(store.size()).isEqualTo(n);
                }
                try (HeapPeak heap = new HeapPeak()) {
                    long begin = System.nanoTime();
                    LogLoader.Loaded loaded = LogLoader.load(log, LogLoader.PROGRESS_EVERY, k -> { });
                    RunHistory history = StoreHistory.APP.whole(loaded.store());
                    now[r] = (System.nanoTime() - begin) / 1e6;
                    nowHeap[r] = heap.peakMb();
                    assertThat(history.events()).hasSize((int) n);
                }
            }
            print("1M-event log (%,d events), before: read into a list + fold + story index + store: median %.0f ms"
                    + " (runs %s), peak heap median %.0f MB", n, median(old), round(old), median(oldHeap));
            print("1M-event log, now: LogLoader (parse on one thread, fold + store on another) + story index:"
                    + " median %.0f ms (runs %s), peak heap median %.0f MB; now / before %.2fx time, %.2fx heap",
                    median(now), round(now), median(nowHeap), median(now) / median(old),
                    median(nowHeap) / median(oldHeap));
        } finally {
            delete(dir);
        }
    }

    /// What `ReplayViewModel.open` did before: every event in a list, folded, indexed whole, then a store (which
    /// it filled through the feed, a frame's budget at a time; here in one go).
    private static EventStore oldWay(Path log) {
        List<Event> read = new ArrayList<>();
        RunFold fold = new RunFold(null);
        AuditVerifier.read(log, h -> { }, e -> {
            read.add(e);
            fold.take(e);
        });
        fold.result();
        RunHistory.of(read);
        EventStore store = new EventStore();
        store.appendAll(read);
        return store;
    }

    @Test
    void aTenMillionEventLogOpensInTheAppWindow() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "asynclab-biglog-");
        try {
            Path log = dir.resolve("10m.jsonl");
            long n = write(log, 10_000_000);

            AtomicLong count = new AtomicLong();
            double readAlone;
            double readHeap;
            try (HeapPeak heap = new HeapPeak()) {
                long begin = System.nanoTime();
                AuditVerifier.read(log, h -> { }, e -> count.incrementAndGet());
                readAlone = (System.nanoTime() - begin) / 1e6;
                readHeap = heap.peakMb();
            }
            print("baseline: read and verify the 10M-event log alone (AuditVerifier.read, one thread, events"
                    + " dropped): %.0f ms (%.2f M events/s), peak heap %.0f MB", readAlone,
                    count.get() / readAlone / 1e3, readHeap);

            Opened app = openInWindow(log, n, "10M-event log", readAlone);
            MainViewModel vm = app.vm();
            MainView view = app.view();
            long[] seen = app.seen();
            EventStore store = vm.storeProperty().get();
            TimelineView timeline = view.timeline();
            measure("fit all", timeline, timeline::fitAll);
            measure("zoomed in (2 ms in the middle)", timeline, () -> timeline.viewport().show(
                    store.lastTime() / 2, store.lastTime() / 2 + 2_000_000, 1200));
            double[] select = new double[5];
            for (int r = 0; r < select.length; r++) {
                int slot = store.invocations().size() / 2 + r * 1_001;
                select[r] = onFx(() -> {
                    long b = System.nanoTime();
                    vm.session().selectedSlotProperty().set(slot);
                    return (System.nanoTime() - b) / 1e6;
                });
            }
            print("10M-event log: selecting an invocation (details and its Why? story from %,d events before it):"
                    + " median %.1f ms of FX thread (runs %s)", StoreHistory.APP.margin(), median(select),
                    round(select));
            assertThat(seen[0]).isEqualTo(n);
            assertThat(seen[2]).isOne();
            app.close();
        } finally {
            delete(dir);
        }
    }

    /// A log with more events than the heap holds (100,000,000 in the goal; here 12,000,000, past what `-Xmx2g`
    /// holds by `LogLoader.fittingEvents`, because the read stops at that limit whatever the file's size, and a
    /// 14 GB log took longer to write on this shared disk than the benchmark may run) opens as far as it fits.
    @Test
    void aLogLargerThanTheHeapHoldsOpensAsFarAsItFitsWithoutRunningOutOfMemory() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "asynclab-biglog-");
        try {
            Path log = dir.resolve("12m.jsonl");
            long n = write(log, 12_000_000);
            long fitting = LogLoader.fittingEvents(Runtime.getRuntime().maxMemory());
            assertThat(n).isGreaterThan(fitting);
            Opened app = openInWindow(log, fitting, "12M-event log (more than the heap holds)", Double.NaN);
            print("12M-event log: the app says %s", app.vm().replay().verificationProperty().get());
            assertThat(app.seen()[0]).isEqualTo(fitting);
            assertThat(app.vm().replay().verificationProperty().get()).contains("showing the first");
            app.close();
        } finally {
            delete(dir);
        }
    }

    private record Opened(MainViewModel vm, MainView view, long[] seen, java.util.prefs.Preferences prefs) {
        /// Drops the window's view of the log, so that the next figure's heap does not hold it.
        void close() throws Exception {
            onFx(() -> {
                vm.showWelcome();
                FxToolkit.registerPrimaryStage().setScene(new Scene(new javafx.scene.layout.StackPane()));
                return null;
            });
            prefs.removeNode(); // last: the welcome view still writes the recent files
        }
    }

    /// Opens `log` in the app's main window and waits until a store of `n` events is drawn fit-all; prints the
    /// time and heap it took.
    private static Opened openInWindow(Path log, long n, String what, double readAlone) throws Exception {
        var prefs = java.util.prefs.Preferences.userRoot().node("asynclab-bench-" + System.nanoTime());
        MainViewModel vm = new MainViewModel(new RecentFiles(prefs));
        long[] adoptBegin = {0};
        vm.storeProperty().addListener((o, was, store) -> {
            if (store.size() == n) {
                adoptBegin[0] = System.nanoTime();
            }
        });
        MainView view = onFx(() -> {
            MainView v = new MainView(vm, new FolderScenarioCatalog(List.of()), x -> { });
            Scene scene = new Scene(v, 1440, 900);
            dev.asynclab.app.AsyncLabApp.applyTheme(v, Theme.LIGHT);
            FxToolkit.registerPrimaryStage().setScene(scene);
            FxToolkit.registerPrimaryStage().show();
            return v;
        });
        long[] adopted = {0, 0};
        vm.storeProperty().addListener((o, was, store) -> {
            if (store.size() == n) {
                adopted[0] = System.nanoTime();
                adopted[1] = view.timeline().drawCount();
            }
        });
        WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);
        List<String> progress = new ArrayList<>();
        vm.replay().headerProperty().addListener((o, a, b) -> progress.add(b));

        HeapPeak heap = new HeapPeak();
        long begin = System.nanoTime();
        onFx(() -> {
            vm.open(log);
            return null;
        });
        WaitForAsyncUtils.waitFor(600, TimeUnit.SECONDS, () -> adopted[0] != 0);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> onFx(() -> view.timeline().drawCount() > adopted[1]));
        long shown = System.nanoTime();
        double peak = heap.peakMb();
        double retained = HeapPeak.retainedMb();
        long[] seen = onFx(() -> new long[] {view.events().rowCount(), view.charts().model().latencyCount(),
                vm.summaryProperty().get().isEmpty() ? 0 : 1});
        print("%s (%,d events shown, %,d bytes) opened in the app window 1440x900: open -> store handed"
                        + " over %.0f ms; FX thread on the hand-over (timeline, events table, charts take the"
                        + " store) %.0f ms; open -> timeline drawn fit-all %.0f ms; peak heap %.0f MB, %.0f MB"
                        + " after a full GC (max heap %.0f MB); open / read alone %.2fx; %d progress lines",
                what, n, Files.size(log), (adoptBegin[0] - begin) / 1e6, (adopted[0] - adoptBegin[0]) / 1e6,
                (shown - begin) / 1e6, peak, retained, Runtime.getRuntime().maxMemory() / 1e6,
                (shown - begin) / 1e6 / readAlone, progress.size());
        print("%s shown: %,d rows in the events table (virtual), %,d latencies in the charts,"
                + " summary %s; last progress line before: %s", what, seen[0], seen[1], vm.summaryProperty().get(),
                progress.stream().filter(p -> p.startsWith("reading")).reduce((a, b) -> b).orElse("none"));

        return new Opened(vm, view, seen, prefs);
    }

    private static long write(Path log, long events) throws IOException {
        long begin = System.nanoTime();
        long n = BigLogs.write(log, events, 5);
        double ms = (System.nanoTime() - begin) / 1e6;
        print("wrote a %,d-event log (synthetic pool run, AuditLogWriter) in %.0f ms: %,d bytes, %.0f bytes a line",
                n, ms, Files.size(log), Files.size(log) / (double) n);
        return n;
    }

    private static void measure(String what, TimelineView view, Runnable setUp) throws Exception {
        double[] record = new double[20];
        DrawStats stats = onFx(() -> {
            setUp.run();
            DrawStats s = view.redraw();
            timeRedraws(view, record);
            return s;
        });
        print("10M-event log: timeline %s redraw median %.2f ms (max %.2f); %,d bars, %,d attempts binned, %,d"
                + " markers", what, median(record), Arrays.stream(record).max().orElse(0), stats.bars(),
                stats.binned(), stats.markers());
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
