package dev.asynclab.app;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

/// Marks on the way from the process's start to the first frame, for measuring where a start's time goes: with
/// `-Dasynclab.startTrace=true` each mark prints one line to standard error: the wall-clock time since the JVM
/// started (its uptime, in milliseconds: the process's own start time is kept only to the second), the CPU
/// time the process has used, all threads together, and the CPU time of the thread making the mark (on the FX
/// thread, what the window's own work took, apart from the JIT compilers and the toolkit's other threads that
/// share the cores with it). Without the property a mark costs one field read.
///
/// ```java
/// StartTrace.mark("view built");   // asynclab start: view built at 1234 ms, cpu 1810 ms, thread 420 ms
/// ```
///
/// `jlink/src/measure/first-window.sh` turns it on with `TRACE=1`.
public final class StartTrace {

    /// The process's own trace, on when the system property says so.
    private static final StartTrace PROCESS = Boolean.getBoolean("asynclab.startTrace")
            ? new StartTrace(System.err, StartTrace::jvmUptime, StartTrace::processCpu, StartTrace::threadCpu)
            : null;

    private final PrintStream out;
    private final Supplier<Duration> uptime;
    private final Supplier<Duration> cpu;
    private final Supplier<Duration> threadCpu;

    /// A trace writing to `out`, with the clocks given (the tests pass fixed ones): the uptime, the process's CPU
    /// time and the calling thread's.
    StartTrace(PrintStream out, Supplier<Duration> uptime, Supplier<Duration> cpu, Supplier<Duration> threadCpu) {
        this.out = out;
        this.uptime = uptime;
        this.cpu = cpu;
        this.threadCpu = threadCpu;
    }

    /// Prints `what` with the time since the process started, its CPU time so far and the calling thread's, when
    /// tracing is on.
    public static void mark(String what) {
        if (PROCESS != null) {
            PROCESS.print(what);
        }
    }

    /// True when `-Dasynclab.startTrace=true` was given.
    public static boolean on() {
        return PROCESS != null;
    }

    void print(String what) {
        out.println(String.format(Locale.ROOT, "asynclab start: %s at %d ms, cpu %d ms, thread %d ms", what,
                uptime.get().toMillis(), cpu.get().toMillis(), threadCpu.get().toMillis()));
    }

    private static Duration jvmUptime() {
        return Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime());
    }

    /// The calling thread's CPU time; zero where the JVM does not measure it.
    private static Duration threadCpu() {
        long nanos = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        return Duration.ofNanos(Math.max(nanos, 0));
    }

    private static Duration processCpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }
}
