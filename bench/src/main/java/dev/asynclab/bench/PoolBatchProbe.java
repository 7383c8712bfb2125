package dev.asynclab.bench;

import dev.asynclab.engine.AsyncCallback;
import dev.asynclab.engine.AsyncCallbackPool;
import dev.asynclab.engine.AsyncCallbackRuntime;
import dev.asynclab.engine.event.EventBus;
import dev.asynclab.lab.audit.AuditHeader;
import dev.asynclab.lab.audit.AuditLogWriter;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/// Where the pool batch's wall time goes (`PoolThroughputBenchmark`'s batch: 100,000 trivial callbacks into a pool
/// of 2), per thread group, from the kernel's own accounting in `/proc/self/task`: CPU (`schedstat`'s run time),
/// time runnable but waiting for a core (`schedstat`'s run-queue wait), voluntary and involuntary context switches;
/// and how long the submitting thread took to submit, how many calls still waited when it had, and the bus's
/// stalls. JMH gives only the batch's rate, which on a shared 2-core VM moves ±50 % with whoever else runs.
///
/// What it showed (session 14): with events to memory the submitter is the batch's critical path (it submits for
/// nearly the whole batch, 7,000-25,000 calls waiting at its end); with no events, as with a raw `ThreadPoolExecutor`,
/// the submitter is done early and ~47,000 calls wait for the workers. Under load (7-10, other builds) the threads
/// take turns and the events cost the producers 55-80 ns each; in a quiet minute (load 1.4-1.7) they run at once, both
/// cores are busy the whole batch (CPU per call twice the wall time) and the same events cost 125-250 ns each (CPU per
/// call, memory against no events: submitter 330-420 against 80-115 ns, the two workers 940-960 against 450-690):
/// the bus's shared lines (`claimed`, the slots), crossing cores, not a wait, are what the batch's wall time is.
///
/// One mode a JVM, as JMH forks: `java -Xms2g -Xmx2g -XX:+AlwaysPreTouch -cp benchmarks.jar
/// dev.asynclab.bench.PoolBatchProbe memory 6 20` (mode raw, none, memory or file; rounds; batches a round). Each
/// round prints per-call figures in ns; round 0 includes the JIT's warm-up.
final class PoolBatchProbe {

    private static final int BATCH = PoolThroughputBenchmark.BATCH;
    private static final AsyncCallback TRIVIAL = ctx -> 1;
    private static final String[] GROUPS = {"submitter", "workers", "writer", "gc", "jit", "other"};

    private PoolBatchProbe() {
    }

    /// A thread's group by its kernel name (`comm`, 15 characters): the launcher's main thread is "java".
    private static String group(String comm) {
        if (comm.equals("java")) {
            return "submitter";
        }
        if (comm.startsWith("GC Thread") || comm.startsWith("G1")) {
            return "gc";
        }
        if (comm.startsWith("C1 ") || comm.startsWith("C2 ")) {
            return "jit";
        }
        if (comm.startsWith("ForkJoinPool") || comm.startsWith("pool-")) {
            return "workers"; // virtual threads' carriers, or the raw executor's threads
        }
        if (comm.startsWith("asynclab-events")) {
            return "writer";
        }
        return "other";
    }

    /// For each group: run ns, run-queue wait ns, voluntary and involuntary context switches, summed over its threads.
    private static Map<String, long[]> sample() throws IOException {
        Map<String, long[]> m = new HashMap<>();
        for (String g : GROUPS) {
            m.put(g, new long[4]);
        }
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path t : tasks) {
                try {
                    String[] sched = Files.readString(t.resolve("schedstat")).trim().split(" ");
                    long[] a = m.get(group(Files.readString(t.resolve("comm")).trim()));
                    a[0] += Long.parseLong(sched[0]);
                    a[1] += Long.parseLong(sched[1]);
                    for (String line : Files.readAllLines(t.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches")) {
                            a[2] += Long.parseLong(line.split("\\s+")[1]);
                        } else if (line.startsWith("nonvoluntary_ctxt_switches")) {
                            a[3] += Long.parseLong(line.split("\\s+")[1]);
                        }
                    }
                } catch (NoSuchFileException ended) {
                    // a thread that ended between the listing and the read: its time is gone from both samples
                }
            }
        }
        return m;
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int rounds = Integer.parseInt(args[1]);
        int batches = Integer.parseInt(args[2]);
        var events = new LongAdder();
        EventBus bus = null;
        AsyncCallbackRuntime runtime = null;
        ThreadPoolExecutor raw = null;
        Path log = null;
        switch (mode) {
            case "raw" -> {
                raw = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
                raw.prestartAllCoreThreads();
            }
            case "none" -> runtime = AsyncCallbackRuntime.builder().build();
            case "memory" -> {
                bus = EventBus.create(1 << 16, e -> events.increment()); // as PoolThroughputBenchmark
                runtime = AsyncCallbackRuntime.builder().events(bus).build();
            }
            case "file" -> {
                log = Files.createTempFile("asynclab-probe", ".jsonl");
                bus = EventBus.create(1 << 16, AuditLogWriter.open(log, AuditHeader.of("bench", "pool throughput",
                        Instant.now(), AsyncCallbackRuntime.ENGINE_VERSION, AuditHeader.CLOCK_REAL, 1)));
                runtime = AsyncCallbackRuntime.builder().events(bus).build();
            }
            default -> throw new IllegalArgumentException("mode: raw, none, memory or file, not " + mode);
        }
        try {
            for (int r = 0; r < rounds; r++) {
                System.out.println(round(r, mode, batches, raw, runtime, bus, events));
            }
        } finally {
            if (raw != null) {
                raw.shutdownNow();
            }
            if (bus != null) {
                bus.close();
            }
            if (log != null) {
                Files.deleteIfExists(log);
            }
        }
    }

    private static String round(int r, String mode, int batches, ThreadPoolExecutor raw, AsyncCallbackRuntime runtime,
                                EventBus bus, LongAdder events) throws Exception {
        if (bus != null) {
            bus.flush();
        }
        long stalls0 = bus == null ? 0 : bus.stalls();
        long events0 = events.sum();
        Map<String, long[]> before = sample();
        long submitting = 0;
        long waitingAtEnd = 0;
        long start = System.nanoTime();
        for (int b = 0; b < batches; b++) {
            long batchStart = System.nanoTime();
            if (raw != null) {
                var done = new CountDownLatch(BATCH);
                for (int i = 0; i < BATCH; i++) {
                    raw.execute(done::countDown);
                }
                submitting += System.nanoTime() - batchStart;
                waitingAtEnd += raw.getQueue().size();
                done.await();
            } else {
                var pool = AsyncCallbackPool.builder(runtime).size(2).build();
                for (int i = 0; i < BATCH; i++) {
                    pool.submit(TRIVIAL, "batch", Duration.ofSeconds(30));
                }
                submitting += System.nanoTime() - batchStart;
                waitingAtEnd += pool.queuedCount();
                pool.awaitAll(Duration.ofMinutes(5));
            }
        }
        long wall = System.nanoTime() - start;
        if (bus != null) {
            bus.flush(); // the writer's CPU for this round's events counts in this round
        }
        Map<String, long[]> after = sample();
        double calls = (double) BATCH * batches;
        long cpu = 0;
        for (String g : GROUPS) {
            cpu += after.get(g)[0] - before.get(g)[0];
        }
        var sb = new StringBuilder(String.format("%s r%02d wall %4.0f cpu %4.0f submitting %4.0f waitingAtEnd %6d"
                        + " ev/call %.2f |", mode, r, wall / calls, cpu / calls, submitting / calls,
                waitingAtEnd / batches, (events.sum() - events0) / calls));
        for (String g : GROUPS) {
            long[] x = after.get(g);
            long[] y = before.get(g);
            sb.append(String.format(" %s cpu %4.0f rq %4.0f vcs %5.3f ics %5.3f |", g, (x[0] - y[0]) / calls,
                    (x[1] - y[1]) / calls, (x[2] - y[2]) / calls, (x[3] - y[3]) / calls));
        }
        if (bus != null) {
            sb.append(String.format(" stalls/batch %.1f", (bus.stalls() - stalls0) / (double) batches));
        }
        return sb.toString();
    }
}
