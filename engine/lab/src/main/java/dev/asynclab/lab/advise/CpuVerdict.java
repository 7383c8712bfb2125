package dev.asynclab.lab.advise;

/// Whether the machine, not the pool, decides how many callbacks really run at once: CPU-bound work on a
/// machine with fewer cores than the pool has workers. Read from how the recorded run behaved.
///
/// Two signs, either enough: attempts that found a free pool slot yet waited to start while no more than
/// `cores` were running (virtual threads spinning on every carrier: the next one cannot be mounted), or
/// attempts that ran at least 30 % slower when `cores` or more others were running (platform threads sharing
/// the CPUs). When the recorded pool was never larger than the cores the log cannot tell, and says so.
///
/// ```java
/// CpuVerdict v = CpuVerdict.of(recorded, 2);
/// int servers = v.effective(8); // 2 when CPU-bound, else 8
/// ```
///
/// @param state  what the log shows
/// @param cores  the cores assumed (`--cores`, by default this machine's)
/// @param reason one sentence for the report
public record CpuVerdict(State state, int cores, String reason) {

    /// What the log shows.
    public enum State { CPU_BOUND, NOT_CPU_BOUND, CANNOT_TELL }

    static final double LATE_SHARE = 0.05;
    static final double SLOWDOWN = 1.3;

    public static CpuVerdict of(Recorded run, int cores) {
        Recorded.Contention c = run.contention();
        double lateShare = c.freeSlotStarts() == 0 ? 0 : (double) c.lateStarts() / c.freeSlotStarts();
        if (run.poolSize() > cores && c.peakRunning() <= cores && lateShare >= LATE_SHARE) {
            return new CpuVerdict(State.CPU_BOUND, cores, String.format(java.util.Locale.ROOT,
                    "CPU-bound: with %d workers free to run, never more than %d ran at once and %.0f %% of the "
                            + "calls that found a free worker waited for a CPU; at most %d run at once on %d cores, "
                            + "so more workers will not help", run.poolSize(), c.peakRunning(), lateShare * 100,
                    cores, cores));
        }
        if (!Double.isNaN(c.slowdown()) && c.slowdown() >= SLOWDOWN) {
            return new CpuVerdict(State.CPU_BOUND, cores, String.format(java.util.Locale.ROOT,
                    "CPU-bound: calls ran %.1f times slower with %d or more others running; the replay runs at "
                            + "most %d at once on %d cores, so more workers will not help", c.slowdown(), cores,
                    cores, cores));
        }
        if (run.poolSize() <= cores && c.peakRunning() <= cores) {
            return new CpuVerdict(State.CANNOT_TELL, cores, "cannot tell whether the work is CPU-bound: never more "
                    + "than " + c.peakRunning() + " ran at once on " + cores + " cores; the replay assumes it is "
                    + "not (record at a pool larger than the cores to find out)");
        }
        return new CpuVerdict(State.NOT_CPU_BOUND, cores, "not CPU-bound: up to " + c.peakRunning()
                + " ran at once without waiting for a CPU or slowing down");
    }

    public boolean cpuBound() {
        return state == State.CPU_BOUND;
    }

    /// How many of `poolSize` workers can really run at once.
    public int effective(int poolSize) {
        return cpuBound() ? Math.min(poolSize, cores) : poolSize;
    }
}
