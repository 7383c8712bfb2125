package dev.asynclab.bench;

import dev.asynclab.lab.audit.AuditLogWriter;
import dev.asynclab.lab.metrics.RunSummary;
import dev.asynclab.lab.scenario.RunOptions;
import dev.asynclab.lab.scenario.Scenario;
import dev.asynclab.lab.scenario.ScenarioLoader;
import dev.asynclab.lab.scenario.ScenarioRun;
import dev.asynclab.lab.scenario.ScenarioRunner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/// The runner on the simulated clock: events per second it sustains with the audit log written to a file, and
/// the wall time of a 1,000,000-invocation scenario. Baseline in the same run: the same scenario with no sink
/// but the runner's own metrics. Both variants are warmed up once, then run three times each, interleaved.
///
/// Each round also prints the CPU time of the simulation thread (the run's one thread, `asynclab-run`) and of the
/// bus's writer thread, per event: on a machine shared with other work, wall time moves with whoever else runs
/// (the same jar 1.8x apart a minute apart), while the simulation thread's own CPU time is what a change to the
/// engine's or the runner's code moves. Both are read by a sink that does nothing with the events (`ThreadCpu`),
/// as the bus closes: the simulation thread is then waiting for the writer, its work done.
final class SimulationThroughput {

    static final String SCENARIO = """
            name: One million invocations
            seed: 1
            clock: simulated
            pool: { size: 16, queue: 1000 }
            callbacks:
              - name: api
                count: 1000000
                arrival: { poisson: 2000/s }
                work: { sleep: { lognormal: { median: 5ms, sigma: 0.8 } } }
                timeout: 40ms
                fail: { probability: 0.02, error: IOException, message: reset }
            """;

    private SimulationThroughput() {
    }

    /// Measured rounds of each variant; the goal is judged on their median.
    private static final int ROUNDS = 3;

    public static void main(String[] args) throws Exception {
        Scenario s = ScenarioLoader.load("million.yaml", SCENARIO);
        // A fresh file for every run with the log: rewriting the previous run's file would make ext4 (auto_da_alloc)
        // start writing all of it back to disk when it is closed, inside the measured time.
        Path log = Files.createTempDirectory("asynclab-bench").resolve("audit.jsonl");
        try {
            // Both variants are warmed up: with one metrics-only warm-up, the writer's code was compiled during the
            // measured run with the log, and that run paid for it.
            run(s, null);
            run(s, log);
            double[] metricsOnly = new double[ROUNDS];
            double[] logged = new double[ROUNDS];
            double[] simCpuMetricsOnly = new double[ROUNDS];
            double[] simCpuLogged = new double[ROUNDS];
            for (int r = 0; r < ROUNDS; r++) { // interleaved, so a busy moment of the machine hits both alike
                long[] base = run(s, null);
                long[] withLog = run(s, log);
                metricsOnly[r] = base[1] / (base[0] / 1e9) / 1e6;
                logged[r] = withLog[1] / (withLog[0] / 1e9) / 1e6;
                System.out.printf(java.util.Locale.ROOT, "simulation, 1,000,000 invocations, round %d: metrics only "
                                + "%.2f s (%.2f M events/s); audit log to file %.2f s (%.2f M events/s, %d MB)%n", r + 1,
                        base[0] / 1e9, metricsOnly[r], withLog[0] / 1e9, logged[r], Files.size(log) >> 20);
                // CPU time of the whole process (every thread, GC and JIT included) moves far less than wall time
                // when other work shares the machine: the figure to compare variants by on a loaded machine.
                System.out.printf(java.util.Locale.ROOT, "simulation, process CPU time: metrics only %.2f s (%.0f ns "
                                + "per event); audit log to file %.2f s (%.0f ns per event); load average %s%n",
                        base[2] / 1e9, (double) base[2] / base[1], withLog[2] / 1e9,
                        (double) withLog[2] / withLog[1], loadAverage());
                simCpuMetricsOnly[r] = (double) base[3] / base[1];
                simCpuLogged[r] = (double) withLog[3] / withLog[1];
                System.out.printf(java.util.Locale.ROOT, "simulation, thread CPU per event: simulation thread %.0f ns "
                                + "(writer %.0f ns) metrics only; %.0f ns (writer %.0f ns) audit log to file%n",
                        simCpuMetricsOnly[r], (double) base[4] / base[1], simCpuLogged[r],
                        (double) withLog[4] / withLog[1]);
            }
            System.out.printf(java.util.Locale.ROOT, "simulation, the simulation thread's CPU per event, median of %d: "
                    + "metrics only %.0f ns, audit log to file %.0f ns%n", ROUNDS, median(simCpuMetricsOnly),
                    median(simCpuLogged));
            double m = median(metricsOnly);
            double l = median(logged);
            System.out.printf(java.util.Locale.ROOT, "[goal] simulated clock, metrics only: %.2f M events/s, median of "
                    + "%d (goal at least 4: %s)%n", m, ROUNDS, m >= 4 ? "met" : "NOT met");
            System.out.printf(java.util.Locale.ROOT, "[goal] simulated clock, audit log to a file: %.2f M events/s, "
                    + "median of %d (goal at least 2: %s)%n", l, ROUNDS, l >= 2 ? "met" : "NOT met");
        } finally {
            Files.deleteIfExists(log);
            Files.deleteIfExists(log.getParent());
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String loadAverage() {
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "unknown" : String.format(java.util.Locale.ROOT, "%.2f", load);
    }

    /// Nanoseconds of CPU time this process has used (all its threads); 0 where the JVM cannot tell.
    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? Math.max(0, os.getProcessCpuTime()) : 0;
    }

    /// Returns {wall nanos, events, process CPU nanos, simulation thread CPU nanos, writer thread CPU nanos} (the last
    /// two -1 where the JVM cannot tell); `log` (null: none) is written afresh, and left for the caller to measure until
    /// the next run deletes it.
    private static long[] run(Scenario s, Path log) throws Exception {
        if (log != null) {
            Files.deleteIfExists(log); // dropping its cached pages is cheap; rewriting it in place is not, see main
        }
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        RunSummary summary;
        ThreadCpu threads;
        if (log == null) {
            threads = new ThreadCpu(null);
            ScenarioRun run = ScenarioRunner.start(s, RunOptions.DEFAULTS, List.of(threads));
            threads.findSimulationThread();
            summary = run.await();
        } else {
            try (var writer = AuditLogWriter.open(log, ScenarioRunner.header(s, RunOptions.DEFAULTS))) {
                threads = new ThreadCpu(writer);
                ScenarioRun run = ScenarioRunner.start(s, RunOptions.DEFAULTS, List.of(threads));
                threads.findSimulationThread();
                summary = run.await();
            }
        }
        return new long[]{System.nanoTime() - t0, summary.eventCount(), processCpuNanos() - cpu0,
                threads.simulationNanos(), threads.writerNanos()};
    }

    /// Reads the CPU time of a run's simulation thread and of its bus's writer thread as the bus closes (`onClose`, on
    /// the writer thread, while the simulation thread waits in `EventBus.close` with its work done). It wraps the run's
    /// one sink (the audit log's writer; none for metrics only) rather than joining the bus as a sink of its own: a
    /// third kind of sink makes the bus's call to its sinks megamorphic, and the writer's calls were then no longer
    /// inlined. So it adds one call per event to the writer thread and nothing to the simulation thread.
    private static final class ThreadCpu implements dev.asynclab.engine.event.EventSink {
        /// The sink it stands for, or null.
        private final dev.asynclab.engine.event.EventSink sink;
        /// Runs' simulation threads already found: the previous run's may not have ended yet when the next starts.
        private static final java.util.Set<Long> SEEN = new java.util.HashSet<>();
        private static final java.lang.management.ThreadMXBean MX =
                java.lang.management.ManagementFactory.getThreadMXBean();

        // Guarded by this: the bench's thread finds the simulation thread while the writer may already be closing.
        private long simulationThread = -1;
        private long simulationNanos = -1;
        private long writerNanos = -1;

        ThreadCpu(dev.asynclab.engine.event.EventSink sink) {
            this.sink = sink;
        }

        /// Finds the thread the runner just started (`asynclab-run`); call right after `ScenarioRunner.start`.
        synchronized void findSimulationThread() {
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().equals("asynclab-run") && SEEN.add(t.threadId())) {
                    simulationThread = t.threadId();
                }
            }
        }

        @Override
        public boolean readsEventViews() {
            return sink == null || sink.readsEventViews();
        }

        @Override
        public void onEventView(dev.asynclab.engine.event.EventView event) {
            if (sink != null) {
                sink.onEventView(event);
            }
        }

        @Override
        public void onEvent(dev.asynclab.engine.event.Event event) {
            if (sink != null) {
                sink.onEvent(event);
            }
        }

        @Override
        public void onBatchEnd() {
            if (sink != null) {
                sink.onBatchEnd();
            }
        }

        @Override
        public void onClose() {
            if (sink != null) {
                sink.onClose(); // the log's last writes are the writer thread's too
            }
            synchronized (this) {
                simulationNanos = simulationThread < 0 ? -1 : MX.getThreadCpuTime(simulationThread);
                writerNanos = MX.getCurrentThreadCpuTime();
            }
        }

        synchronized long simulationNanos() {
            return simulationNanos;
        }

        synchronized long writerNanos() {
            return writerNanos;
        }
    }
}
