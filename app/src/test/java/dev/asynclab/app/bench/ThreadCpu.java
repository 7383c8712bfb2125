package dev.asynclab.app.bench;

import javafx.animation.AnimationTimer;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;

/// One thread's CPU time since a mark: on a shared machine a frame's CPU cost moves far less than its wall time
/// (another build's threads stretch the interval between frames, not the work done in one).
final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final long id;
    private long marked;

    private ThreadCpu(long id) {
        this.id = id;
    }

    static ThreadCpu of(long threadId) {
        return new ThreadCpu(threadId);
    }

    /// The first live thread whose name starts with `prefix` (the Prism renderer is `QuantumRenderer-0`).
    static ThreadCpu named(String prefix) {
        return new ThreadCpu(Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(prefix)).findFirst().orElseThrow().threadId());
    }

    void mark() {
        marked = THREADS.getThreadCpuTime(id);
    }

    double millisSinceMark() {
        return (THREADS.getThreadCpuTime(id) - marked) / 1e6;
    }

    /// The FX thread's CPU time between one frame and the next (an `AnimationTimer` reading it each frame): its
    /// 95th percentile says how long the FX thread's long frames are, whatever else the machine runs.
    static final class PerFrame extends AnimationTimer {

        private final ConcurrentLinkedQueue<Long> cpu = new ConcurrentLinkedQueue<>();

        @Override
        public void handle(long now) {
            cpu.add(THREADS.getCurrentThreadCpuTime());
        }

        void reset() {
            cpu.clear();
        }

        /// Median and 95th percentile of the per-frame CPU time, in milliseconds.
        double[] medianAndP95() {
            Long[] times = cpu.toArray(Long[]::new);
            double[] per = new double[Math.max(0, times.length - 1)];
            for (int i = 1; i < times.length; i++) {
                per[i - 1] = (times[i] - times[i - 1]) / 1e6;
            }
            Arrays.sort(per);
            if (per.length == 0) {
                return new double[] {Double.NaN, Double.NaN};
            }
            return new double[] {per[per.length / 2], per[Math.min(per.length - 1, (int) (per.length * 0.95))]};
        }
    }
}
