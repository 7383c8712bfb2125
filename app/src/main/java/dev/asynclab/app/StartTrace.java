package dev.asynclab.app;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

/// Marks on the way from the process's start to the first frame, for measuring where a start's time goes: with
/// `-Dasynclab.startTrace=true` each mark prints one line to standard error: the wall-clock time since the JVM
/// started (its uptime, in milliseconds: the process's own start time is kept only to the second) and the CPU
/// time the process has used, all threads together. Without the property a mark costs one field read.
///
/// ```java
/// StartTrace.mark("view built");   // asynclab start: view built at 1234 ms, cpu 1810 ms
/// ```
///
/// `jlink/src/measure/first-window.sh` turns it on with `TRACE=1`.
public final class StartTrace {

    /// The process's own trace, on when the system property says so.
    private static final StartTrace PROCESS = Boolean.getBoolean("asynclab.startTrace")
            ? new StartTrace(System.err, StartTrace::jvmUptime, StartTrace::processCpu)
            : null;

    private final PrintStream out;
    private final Supplier<Duration> uptime;
    private final Supplier<Duration> cpu;

    /// A trace writing to `out`, with the clocks given (the tests pass fixed ones).
    StartTrace(PrintStream out, Supplier<Duration> uptime, Supplier<Duration> cpu) {
        this.out = out;
        this.uptime = uptime;
        this.cpu = cpu;
    }

    /// Prints `what` with the time since the process started and its CPU time so far, when tracing is on.
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
        out.println(String.format(Locale.ROOT, "asynclab start: %s at %d ms, cpu %d ms", what,
                uptime.get().toMillis(), cpu.get().toMillis()));
    }

    private static Duration jvmUptime() {
        return Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime());
    }

    private static Duration processCpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }
}
