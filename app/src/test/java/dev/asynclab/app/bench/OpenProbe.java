package dev.asynclab.app.bench;

import dev.asynclab.app.store.EventStore;
import dev.asynclab.app.ui.session.LogLoader;
import dev.asynclab.engine.event.Event;
import dev.asynclab.lab.audit.AuditVerifier;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/// A headless probe of a big log's open: CPU by thread kind, without a window. Each run is a fresh JVM, as the
/// app's open is (a cold JIT is part of what an open costs: the window test's 10 M open alone spent 4.7-5.1 s in the
/// compilers against 1.8 s after a 1 M open in the same JVM), so A/B comparisons alternate JVMs of two builds:
///
/// ```
/// java -Xmx2g -cp CLASSPATH dev.asynclab.app.bench.OpenProbe write /tmp/big.jsonl 2000000
/// java -Xmx2g -cp CLASSPATH dev.asynclab.app.bench.OpenProbe open /tmp/big.jsonl 1
/// ```
///
/// `open` prints one line per open: wall, the reading thread (`audit-parse`), the storing thread (the caller), the
/// folding thread (`audit-fold`), GC and JIT threads (from /proc, which `ThreadMXBean` cannot see) and the whole
/// process (from /proc/self/stat), in ms of CPU; then the bytes each of the three threads allocated, an event (the
/// collector's work follows the garbage, and unlike CPU a count of bytes does not move with the machine's load).
/// `read` and `store` print their thread's CPU and allocation an event.
public final class OpenProbe {

    private OpenProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        if (args[0].equals("write")) {
            long n = BigLogs.write(file, Long.parseLong(args[2]), 5);
            System.out.printf("wrote %,d events, %,d bytes%n", n, Files.size(file));
            return;
        }
        int rounds = Integer.parseInt(args[2]);
        if (args[0].equals("store")) {
            store(file, rounds);
            return;
        }
        if (args[0].equals("read")) {
            read(file, rounds);
            return;
        }
        for (int r = 0; r < rounds; r++) {
            System.gc();
            Sampler sampler = new Sampler(Thread.currentThread().threadId());
            long[] nativeBefore = BigLogBenchmarkTest.ThreadCpu.nativeTicks();
            long processBefore = processTicks();
            long begin = System.nanoTime();
            LogLoader.Loaded loaded = LogLoader.load(file, LogLoader.PROGRESS_EVERY, n -> { });
            double wall = (System.nanoTime() - begin) / 1e6;
            Map<String, Double> ms = sampler.stop();
            long[] nativeAfter = BigLogBenchmarkTest.ThreadCpu.nativeTicks();
            double process = (processTicks() - processBefore) * 10.0;
            int n = loaded.store().size();
            System.out.printf("open %d: %,d events, wall %.0f ms; cpu ms: read %.0f store %.0f fold %.0f gc %.0f jit %.0f"
                            + " process %.0f; bytes an event: read %.0f store %.0f fold %.0f%n", r, n, wall,
                    ms.getOrDefault("audit-parse", 0.0), ms.getOrDefault("store", 0.0),
                    ms.getOrDefault("audit-fold", 0.0), (nativeAfter[0] - nativeBefore[0]) * 10.0,
                    (nativeAfter[1] - nativeBefore[1]) * 10.0, process, sampler.bytes("audit-parse") / n,
                    sampler.bytes("store") / n, sampler.bytes("audit-fold") / n);
        }
    }

    /// The storing thread's work alone: the log's events read once into a list, then appended to a new store
    /// `rounds` times, this thread's CPU per round (ns an event).
    private static void store(Path file, int rounds) {
        List<Event> events = new ArrayList<>();
        AuditVerifier.read(file, h -> { }, events::add);
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        for (int r = 0; r < rounds; r++) {
            long cpu = bean.getCurrentThreadCpuTime();
            long bytes = allocated();
            EventStore store = new EventStore();
            for (int i = 0; i < events.size(); i += 4096) {
                store.appendAll(events.subList(i, Math.min(events.size(), i + 4096)));
            }
            double ms = (bean.getCurrentThreadCpuTime() - cpu) / 1e6;
            System.out.printf("store %d: %,d events, cpu %.0f ms, %.0f ns an event, %.1f bytes an event%n", r,
                    store.size(), ms, ms * 1e6 / store.size(), (allocated() - bytes) / (double) store.size());
        }
    }

    /// The reading thread's work alone: parse and verify into a consumer that keeps nothing.
    private static void read(Path file, int rounds) {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        for (int r = 0; r < rounds; r++) {
            long cpu = bean.getCurrentThreadCpuTime();
            long bytes = allocated();
            long[] n = {0};
            AuditVerifier.read(file, h -> { }, e -> n[0]++);
            double ms = (bean.getCurrentThreadCpuTime() - cpu) / 1e6;
            System.out.printf("read %d: %,d events, cpu %.0f ms, %.0f ns an event, %.1f bytes an event%n", r, n[0],
                    ms, ms * 1e6 / n[0], (allocated() - bytes) / (double) n[0]);
        }
    }

    /// `com.sun.management.ThreadMXBean.getThreadAllocatedBytes`, through reflection: the app's module does not read
    /// `jdk.management`, and its tests run in that module (reflection reads any exported package).
    private static final java.lang.reflect.Method ALLOCATED_BYTES = allocatedBytesMethod();

    private static java.lang.reflect.Method allocatedBytesMethod() {
        try {
            return Class.forName("com.sun.management.ThreadMXBean").getMethod("getThreadAllocatedBytes", long.class);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this JVM cannot count a thread's allocated bytes", e);
        }
    }

    /// Bytes thread `id` has allocated so far, -1 once it has ended.
    private static long allocated(long id) {
        try {
            return (long) ALLOCATED_BYTES.invoke(ManagementFactory.getThreadMXBean(), id);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long allocated() {
        return allocated(Thread.currentThread().threadId());
    }

    /// Samples the loader's threads' CPU and allocated bytes every 10 ms, so that the reading and folding threads count although they
    /// end before the load returns (a thread loses at most its last 10 ms).
    private static final class Sampler {
        private final ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        private final Map<Long, long[]> firstAndLast = new HashMap<>();
        /// Bytes allocated by thread: first and last sample, as `firstAndLast` holds CPU.
        private final Map<Long, long[]> bytesFirstAndLast = new HashMap<>();
        private final Map<Long, String> kinds = new HashMap<>();
        private final long storing;
        private volatile boolean running = true;
        private final Thread thread;

        Sampler(long storing) {
            this.storing = storing;
            sample();
            thread = Thread.ofPlatform().daemon().start(() -> {
                while (running) {
                    sample();
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        private synchronized void sample() {
            for (var info : bean.getThreadInfo(bean.getAllThreadIds())) {
                if (info == null) {
                    continue;
                }
                String name = info.getThreadName();
                String kind = info.getThreadId() == storing ? "store"
                        : name.equals("audit-parse") || name.equals("audit-fold") ? name : null;
                long cpu = kind == null ? -1 : bean.getThreadCpuTime(info.getThreadId());
                if (cpu < 0) {
                    continue;
                }
                kinds.put(info.getThreadId(), kind);
                firstAndLast.computeIfAbsent(info.getThreadId(), id -> new long[] {cpu, cpu})[1] = cpu;
                long bytes = allocated(info.getThreadId());
                if (bytes >= 0) {
                    bytesFirstAndLast.computeIfAbsent(info.getThreadId(), id -> new long[] {bytes, bytes})[1] = bytes;
                }
            }
        }

        /// Bytes the threads of `kind` allocated between the first sample and the last (after [#stop]).
        synchronized double bytes(String kind) {
            double sum = 0;
            for (var entry : bytesFirstAndLast.entrySet()) {
                if (kind.equals(kinds.get(entry.getKey()))) {
                    sum += entry.getValue()[1] - entry.getValue()[0];
                }
            }
            return sum;
        }

        Map<String, Double> stop() throws InterruptedException {
            running = false;
            thread.join();
            sample();
            Map<String, Double> ms = new TreeMap<>();
            firstAndLast.forEach((id, v) -> ms.merge(kinds.get(id), (v[1] - v[0]) / 1e6, Double::sum));
            return ms;
        }
    }

    private static long processTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

}
