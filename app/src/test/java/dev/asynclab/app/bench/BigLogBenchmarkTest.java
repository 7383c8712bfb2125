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
/// sampled, and what stays after a full GC); and logs larger than the heap (12,000,000 and 100,000,000 events)
/// opened through their on-disk index. The bench profile runs this with `-Xmx2g`. The logs (and their indexes)
/// are written under /tmp and deleted at the end. Asserts what was shown, nothing about time.
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
            double[] oldCpu = new double[3];
            double[] nowCpu = new double[3];
            double[] oldGc = new double[3];
            double[] nowGc = new double[3];
            double[] nowStoring = new double[3];
            for (int r = 0; r < old.length; r++) {
                try (HeapPeak heap = new HeapPeak()) {
                    long cpu = processCpuNanos();
                    long gc = gcMillis();
                    long begin = System.nanoTime();
                    EventStore store = oldWay(log);
                    old[r] = (System.nanoTime() - begin) / 1e6;
                    oldCpu[r] = (processCpuNanos() - cpu) / 1e6;
                    oldGc[r] = gcMillis() - gc;
                    oldHeap[r] = heap.peakMb();
                    assertThat(store.size()).isEqualTo(n);
                }
                try (HeapPeak heap = new HeapPeak()) {
                    long cpu = processCpuNanos();
                    long gc = gcMillis();
                    long storing = threadCpuNanos();
                    long begin = System.nanoTime();
                    LogLoader.Loaded loaded = LogLoader.load(log, LogLoader.PROGRESS_EVERY, k -> { });
                    nowStoring[r] = (threadCpuNanos() - storing) / 1e6;
                    RunHistory history = StoreHistory.APP.whole(loaded.store());
                    now[r] = (System.nanoTime() - begin) / 1e6;
                    nowCpu[r] = (processCpuNanos() - cpu) / 1e6;
                    nowGc[r] = gcMillis() - gc;
                    nowHeap[r] = heap.peakMb();
                    assertThat(history.events()).hasSize((int) n);
                }
            }
            print("1M-event log (%,d events), before: read into a list + fold + story index + store: median %.0f ms"
                    + " (runs %s), peak heap median %.0f MB", n, median(old), round(old), median(oldHeap));
            print("1M-event log, now: LogLoader (parse and verify, store, fold: each on its own"
                    + " thread) + story index:"
                    + " median %.0f ms (runs %s), peak heap median %.0f MB; now / before %.2fx time, %.2fx heap",
                    median(now), round(now), median(nowHeap), median(now) / median(old),
                    median(nowHeap) / median(oldHeap));
            // CPU, not time, is what a load costs on two cores shared with other work: every thread of the process
            // (the loader's, the collector's, the JIT's), and the collectors' own accounting of their pauses.
            print("1M-event log, process CPU per open: before median %.0f ms (runs %s, GC %s ms), now median %.0f ms"
                    + " (runs %s, GC %s ms); now / before %.2fx", median(oldCpu), round(oldCpu), round(oldGc),
                    median(nowCpu), round(nowCpu), round(nowGc), median(nowCpu) / median(oldCpu));
            // The storing thread is the one that calls LogLoader.load: its CPU alone is the figure an A/B of the
            // store's side compares (repeatable under other work, unlike the wall time).
            print("1M-event log, now: the storing thread's CPU per open median %.0f ms (runs %s)", median(nowStoring),
                    round(nowStoring));
        } finally {
            delete(dir);
        }
    }

    /// CPU time of every thread of this JVM so far, the collector's and the JIT's too (through the platform MBean
    /// server: the app's module does not read jdk.management, where the bean's interface lives).
    private static long processCpuNanos() {
        try {
            return (Long) java.lang.management.ManagementFactory.getPlatformMBeanServer().getAttribute(
                    new javax.management.ObjectName("java.lang:type=OperatingSystem"), "ProcessCpuTime");
        } catch (javax.management.JMException e) {
            throw new IllegalStateException(e);
        }
    }

    /// CPU time of the calling thread so far.
    private static long threadCpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /// Time the collectors report so far (pauses, and for a concurrent collector its cycles), all of them.
    private static long gcMillis() {
        long sum = 0;
        for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, gc.getCollectionTime());
        }
        return sum;
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
            assertThat(vm.replay().windows().windowProperty().get()).as("read whole, not through an index").isNull();
            app.close();
        } finally {
            delete(dir);
        }
    }

    /// A log with more events than `-Xmx2g` holds by `LogLoader.fittingEvents` (half as many again as fit, and
    /// at least 12,000,000 events, 1.7 GB) opens through its on-disk index: its first window, as many whole blocks
    /// as fit, without running out of memory.
    @Test
    void aLogLargerThanTheHeapHoldsOpensItsFirstWindowThroughAnIndex() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "asynclab-biglog-");
        String cache = System.getProperty("asynclab.cache");
        try {
            System.setProperty("asynclab.cache", dir.resolve("cache").toString());
            Path log = dir.resolve("big.jsonl");
            long n = write(log, Math.max(12_000_000, LogLoader.fittingEvents(
                    dev.asynclab.app.ui.session.HeapRoom.free()) * 3 / 2));
            String what = String.format(Locale.ROOT, "%,d-event log (more than the heap holds)", n);
            Opened app = openInWindow(log, WINDOW, what, Double.NaN);
            print("%s: the app says %s · %s", what, app.vm().replay().windows().textProperty().get(),
                    app.vm().replay().verificationProperty().get());
            long window = app.vm().replay().windows().windowProperty().get().events();
            assertThat(n).isGreaterThan(window);
            assertThat(app.seen()[0]).isEqualTo(window);
            assertThat(app.vm().replay().verificationProperty().get()).startsWith("window verified");
            app.close();
        } finally {
            restore(cache);
            delete(dir);
        }
    }

    /// Issue 15's goal: a 100,000,000-event log (about 14 GB) opens by streaming through an on-disk index, with
    /// `-Xmx2g`. Prints the index pass's time, the time to the first window shown (first open: indexing included;
    /// second open: the kept index), a move of the window to the middle of the run, the peak heap of each, and the
    /// same-run baseline of reading the file's bytes alone. Skipped (saying so) when /tmp has no room for the log.
    @Test
    void aHundredMillionEventLogOpensThroughItsIndex() throws Exception {
        long events = Long.getLong("asynclab.bench.hugeEvents", 100_000_000L);
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "asynclab-biglog-");
        String cache = System.getProperty("asynclab.cache");
        try {
            long room = dir.toFile().getUsableSpace();
            long need = events * 150 + (2L << 30);
            org.junit.jupiter.api.Assumptions.assumeTrue(room > need, String.format(Locale.ROOT,
                    "[bench] skipped: %,d MB free under /tmp, the %,d-event log needs about %,d MB", room >> 20,
                    events, need >> 20));
            System.setProperty("asynclab.cache", dir.resolve("cache").toString());
            Path log = dir.resolve("huge.jsonl");
            long n = write(log, events);

            long begin = System.nanoTime();
            long bytes = 0;
            try (var in = Files.newInputStream(log)) {
                byte[] buf = new byte[1 << 20];
                for (int k; (k = in.read(buf)) > 0; ) {
                    bytes += k;
                }
            }
            double readBytes = (System.nanoTime() - begin) / 1e6;
            print("baseline: read the %,d-event log's %,d bytes alone (1 MiB reads, nothing parsed): %.0f ms (%.0f MB/s)",
                    n, bytes, readBytes, bytes / readBytes / 1e3);

            // In a method of its own, so that nothing of the first open is reachable when the second sizes its window
            // (kept in this frame, the heap held 1,944 MB after a full GC once the second was open, and the second
            // window came out 0.34x the first's).
            long window = openFirstAndMove(log, n, readBytes);

            Opened warm = openInWindow(log, WINDOW, String.format(Locale.ROOT, "%,d-event log, second open (index"
                    + " kept)", n), readBytes, vm -> { });
            long warmWindow = warm.vm().replay().windows().windowProperty().get().events();
            assertThat(warm.seen()[0]).isEqualTo(warmWindow);
            print("%,d-event log, second open: its window holds %,d events, the first open's %,d (%.2fx)", n,
                    warmWindow, window, warmWindow / (double) window);
            warm.close();
        } finally {
            restore(cache);
            delete(dir);
        }
    }

    /// The first open of the huge log (indexing included) and a move of its window to the middle of the run, each
    /// printed; returns how many events the first window held. Closes what it opened.
    private static long openFirstAndMove(Path log, long n, double readBytes) throws Exception {
        long[] indexed = {0};
        Opened cold = openInWindow(log, WINDOW, String.format(Locale.ROOT, "%,d-event log, first open (indexing"
                + " included)", n), readBytes, vm -> vm.replay().windows().loadingProperty().addListener(
                (o, was, loading) -> {
                    if (loading && indexed[0] == 0) {
                        indexed[0] = System.nanoTime();
                    }
                }));
        print("%,d-event log: index pass (parse, verify the chain, blocks, overview) %.0f ms, then the first"
                        + " window read through the index %.0f ms; index file %,d bytes; the app says %s · %s", n,
                (indexed[0] - cold.begin()) / 1e6, (cold.shown() - indexed[0]) / 1e6,
                Files.size(dev.asynclab.lab.audit.LogIndexCache.user().fileFor(log)),
                cold.vm().replay().windows().textProperty().get(), cold.vm().replay().verificationProperty().get());
        long window = cold.vm().replay().windows().windowProperty().get().events();
        assertThat(cold.seen()[0]).isEqualTo(window);
        assertThat(cold.vm().replay().verificationProperty().get())
                .contains(String.format(Locale.ROOT, "whole log: chain verified over %,d events", n));

        var replay = cold.vm().replay();
        double middle = replay.windows().runSecondsProperty().get() / 2;
        try (HeapPeak heap = new HeapPeak()) {
            long moveBegin = System.nanoTime();
            onFx(() -> {
                replay.moveWindowTo(middle);
                return null;
            });
            WaitForAsyncUtils.waitFor(600, TimeUnit.SECONDS, () -> onFx(() ->
                    !replay.windows().loadingProperty().get() && replay.lengthProperty().get() > 0));
            double moved = (System.nanoTime() - moveBegin) / 1e6;
            long movedEvents = onFx(() -> replay.windows().windowProperty().get().events());
            print("%,d-event log: window moved to the middle of the run (%s) in %.0f ms; peak heap %.0f MB; the"
                    + " moved window holds %,d events, the first %,d (%.2fx: sized from the heap free once the"
                    + " first was let go)", n, onFx(() -> replay.windows().textProperty().get()), moved,
                    heap.peakMb(), movedEvents, window, movedEvents / (double) window);
        }
        cold.close();
        return window;
    }

    /// What `openInWindow` waits for instead of a number of events: the window the app shows of a log larger than
    /// the heap, whose size the app settles from the heap free when it reads it.
    private static final long WINDOW = -1;

    private static boolean awaited(MainViewModel vm, EventStore store, long n) {
        if (n != WINDOW) {
            return store.size() == n;
        }
        var shown = vm.replay().windows().windowProperty().get();
        return shown != null && store.size() > 0 && store.size() == shown.events();
    }

    private static void restore(String cache) {
        if (cache == null) {
            System.clearProperty("asynclab.cache");
        } else {
            System.setProperty("asynclab.cache", cache);
        }
    }

    private record Opened(MainViewModel vm, MainView view, long[] seen, java.util.prefs.Preferences prefs, long begin,
                          long shown) {
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
        return openInWindow(log, n, what, readAlone, vm -> { });
    }

    private static Opened openInWindow(Path log, long n, String what, double readAlone,
                                       java.util.function.Consumer<MainViewModel> watch) throws Exception {
        var prefs = java.util.prefs.Preferences.userRoot().node("asynclab-bench-" + System.nanoTime());
        MainViewModel vm = new MainViewModel(new RecentFiles(prefs));
        watch.accept(vm);
        long[] adoptBegin = {0};
        vm.storeProperty().addListener((o, was, store) -> {
            if (awaited(vm, store, n)) {
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
            if (awaited(vm, store, n)) {
                adopted[0] = System.nanoTime();
                adopted[1] = view.timeline().drawCount();
            }
        });
        WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);
        List<String> progress = new ArrayList<>();
        vm.replay().headerProperty().addListener((o, a, b) -> progress.add(b));

        HeapPeak heap = new HeapPeak();
        ThreadCpu cpu = new ThreadCpu();
        long processCpu = processCpuNanos();
        long begin = System.nanoTime();
        onFx(() -> {
            vm.open(log);
            return null;
        });
        WaitForAsyncUtils.waitFor(600, TimeUnit.SECONDS, () -> adopted[0] != 0);
        java.util.Map<String, Double> byThread = cpu.stop();
        double processMs = (processCpuNanos() - processCpu) / 1e6;
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
                what, seen[0], Files.size(log), (adoptBegin[0] - begin) / 1e6, (adopted[0] - adoptBegin[0]) / 1e6,
                (shown - begin) / 1e6, peak, retained, Runtime.getRuntime().maxMemory() / 1e6,
                (shown - begin) / 1e6 / readAlone, progress.size());
        // CPU, not wall time, is what an A/B compares on a shared machine: per thread kind, open -> store adopted.
        // The storing thread is the virtual `audit-read`: its carrier (a ForkJoinPool worker) is what is measured.
        print("%s, CPU open -> store adopted: reading thread (audit-parse) %.0f ms, storing thread (virtual"
                + " audit-read's carriers) %.0f ms, folding thread (audit-fold) %.0f ms, GC threads %.0f ms, JIT %.0f"
                + " ms, process %.0f ms (the rest: the FX thread, the window's views, the JVM's other threads)", what, byThread.getOrDefault("audit-parse", 0.0),
                byThread.getOrDefault("carrier", 0.0), byThread.getOrDefault("audit-fold", 0.0),
                byThread.getOrDefault("gc", 0.0), byThread.getOrDefault("jit", 0.0), processMs);
        print("%s shown: %,d rows in the events table (virtual), %,d latencies in the charts,"
                + " summary %s; last progress line before: %s", what, seen[0], seen[1], vm.summaryProperty().get(),
                progress.stream().filter(p -> p.startsWith("reading")).reduce((a, b) -> b).orElse("none"));

        return new Opened(vm, view, seen, prefs, begin, shown);
    }

    /// CPU of this JVM's platform threads by kind over a stretch of time, sampled every 20 ms (a thread's last
    /// sample before it ends counts, so a thread loses at most 20 ms). Kinds: the loader's `audit-parse` and
    /// `audit-fold`, `carrier` (the virtual threads' ForkJoinPool workers: the store's side of an open runs on a
    /// virtual thread); a thread alive at the start counts from its CPU then. The collector's and the compilers'
    /// threads are not Java threads, so `ThreadMXBean` does not list them: `gc` and `jit` are read from Linux's
    /// /proc/self/task (10 ms ticks; absent elsewhere).
    static final class ThreadCpu {
        private final java.lang.management.ThreadMXBean bean =
                java.lang.management.ManagementFactory.getThreadMXBean();
        private final java.util.Map<Long, long[]> firstAndLast = new java.util.HashMap<>();
        private final java.util.Map<Long, String> kinds = new java.util.HashMap<>();
        private volatile boolean running = true;
        private final Thread sampler;

        private final long[] nativeAtStart = nativeTicks();

        ThreadCpu() {
            sample();
            sampler = Thread.ofPlatform().daemon().name("bench-thread-cpu").start(() -> {
                while (running) {
                    sample();
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        private void sample() {
            for (var info : bean.getThreadInfo(bean.getAllThreadIds())) {
                if (info == null) {
                    continue;
                }
                String kind = kindOf(info.getThreadName());
                if (kind == null) {
                    continue;
                }
                long cpu = bean.getThreadCpuTime(info.getThreadId());
                if (cpu < 0) {
                    continue;
                }
                kinds.put(info.getThreadId(), kind);
                firstAndLast.computeIfAbsent(info.getThreadId(), id -> new long[] {cpu, cpu})[1] = cpu;
            }
        }

        private static String kindOf(String name) {
            if (name.equals("audit-parse") || name.equals("audit-fold")) {
                return name;
            }
            if (name.startsWith("ForkJoinPool-")) {
                return "carrier";
            }
            return null;
        }

        /// Stops sampling; ms of CPU by kind.
        java.util.Map<String, Double> stop() throws InterruptedException {
            running = false;
            sampler.join();
            sample();
            java.util.Map<String, Double> ms = new java.util.HashMap<>();
            firstAndLast.forEach((id, v) -> ms.merge(kinds.get(id), (v[1] - v[0]) / 1e6, Double::sum));
            long[] nativeNow = nativeTicks();
            ms.put("gc", (nativeNow[0] - nativeAtStart[0]) * 10.0);
            ms.put("jit", (nativeNow[1] - nativeAtStart[1]) * 10.0);
            return ms;
        }

        /// Clock ticks (utime + stime) of the collector's threads (`GC Thread#n`, `G1 ...`) and the compilers'
        /// (`C1/C2 CompilerThre`) so far, from /proc/self/task/<tid>/stat; zeros where there is no /proc.
        static long[] nativeTicks() {
            long[] ticks = new long[2];
            try (var tasks = Files.list(Path.of("/proc/self/task"))) {
                for (Path task : tasks.toList()) {
                    String stat;
                    try {
                        stat = Files.readString(task.resolve("stat"));
                    } catch (IOException e) {
                        continue; // the thread ended
                    }
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String comm = stat.substring(open + 1, close);
                    int kind = comm.startsWith("GC Thread") || comm.startsWith("G1 ") ? 0
                            : comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler") ? 1 : -1;
                    if (kind < 0) {
                        continue;
                    }
                    // After ") ": state is field 3; utime and stime are fields 14 and 15.
                    String[] f = stat.substring(close + 2).split(" ");
                    ticks[kind] += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                }
            } catch (IOException | RuntimeException e) {
                return new long[2];
            }
            return ticks;
        }
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
