package dev.asynclab.bench;

import dev.asynclab.engine.AsyncCallbackRuntime;
import dev.asynclab.engine.event.EventBus;
import dev.asynclab.engine.event.EventType;
import dev.asynclab.lab.audit.AuditHeader;
import dev.asynclab.lab.audit.AuditLogWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/// (e) What one event costs the thread that emits it: `EventBus.publish` as the engine calls it on every state
/// change (stamp the time, claim a sequence number, build the event, store it in the ring), measured on the
/// caller's thread while the bus's writer drains on its own.
///
/// - `publishNoSink`: a bus nobody listens to (the writer still drains the ring);
/// - `publishCountingSink`: a listening sink that counts, as the app's metrics would;
/// - `publishAtCountingSink`: the same, stamped with a clock reading the caller holds (`publishAt`), as the engine's
///   invocations stamp their events with the readings they take for their own bookkeeping: the bus reads no clock
///   (on this VM a `System.nanoTime` read was about 30 of the caller's 45 ns of CPU per event);
/// - `publishAuditLogToFile`: the audit log writer behind the bus, to a file;
/// - `baselineAllocateEvent`: the same-run floor — building the event object alone, with no bus.
///
/// The goal (issue 15) is at most 100 ns per event with a listening sink.
///
/// The heap is touched whole before the fork starts (`-XX:+AlwaysPreTouch`): without it, every fork spent its run
/// taking the kernel's first-touch page faults as the young generation grew into a fresh 2 GB heap, at a cost
/// that grows with what each side allocates: the process's CPU per call of the pool batch (events to memory, the
/// same jar, rounds of 500,000 calls, load 6-12) was 840-4,680 ns without it and 660-1,280 ns with it, the slow
/// rounds spending a quarter to a third of it in the kernel, so the figures measured the growing heap rather than the engine.
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RecordingCostBenchmark {

    private EventBus noSink;
    private EventBus counting;
    private long counted;
    private EventBus toFile;
    private AuditLogWriter writer;
    private Path logFile;
    private long id;
    private long cpuAtSetUp;
    private long writersCpuAtSetUp;
    /// A reading of the bus's clock taken before the measured calls: what a caller that holds one hands to `publishAt`.
    private long heldReading;
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    @Setup(Level.Iteration)
    public void setUp() throws java.io.IOException {
        noSink = EventBus.create(System::nanoTime, 1 << 16, List.of());
        counting = EventBus.create(1 << 16, e -> counted++);
        logFile = Files.createTempFile("asynclab-recording", ".jsonl");
        writer = AuditLogWriter.open(logFile, AuditHeader.of("bench", "recording cost", Instant.now(),
                AsyncCallbackRuntime.ENGINE_VERSION, AuditHeader.CLOCK_REAL, 1));
        toFile = EventBus.create(1 << 16, writer);
        heldReading = System.nanoTime();
        cpuAtSetUp = THREADS.getCurrentThreadCpuTime(); // JMH runs set-up and tear-down on the benchmark's thread
        writersCpuAtSetUp = writersCpu();
    }

    /// Prints, per iteration, how often a producer found the ring full and waited for the writer (when it did, the
    /// figure measured is the writer's cost per event rather than the caller's), what the calling thread spent of
    /// CPU per event, and what the three buses' writer threads spent together (on two shared cores the time per
    /// event also counts the time the caller waited for a CPU, which the writers and everything else running take).
    @TearDown(Level.Iteration)
    public void tearDown() throws java.io.IOException {
        long cpu = THREADS.getCurrentThreadCpuTime() - cpuAtSetUp;
        long writers = writersCpu() - writersCpuAtSetUp;
        long events = noSink.published() + counting.published() + toFile.published();
        System.out.printf(java.util.Locale.ROOT, " [ring full] stalls: no sink %d, counting %d, audit log %d, of %d "
                + "events; the caller's CPU %.1f ns/event, the writers' %.1f ns/event%n", noSink.stalls(),
                counting.stalls(), toFile.stalls(), events, events == 0 ? 0.0 : cpu / (double) events,
                events == 0 ? 0.0 : writers / (double) events);
        noSink.close();
        counting.close();
        toFile.close();
        writer.close();
        Files.deleteIfExists(logFile);
    }

    /// The CPU time of the live buses' writer threads (named `asynclab-events`), summed: this iteration's three.
    private static long writersCpu() {
        long sum = 0;
        for (java.lang.management.ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && info.getThreadName().equals("asynclab-events")) {
                long cpu = THREADS.getThreadCpuTime(info.getThreadId());
                sum += Math.max(0, cpu);
            }
        }
        return sum;
    }

    @Benchmark
    public Object baselineAllocateEvent() {
        return new dev.asynclab.engine.event.Event(id, System.nanoTime(), EventType.STARTED, ++id, 1, 0, "fetch",
                "w0", 1_000, null, null, null, -1);
    }

    @Benchmark
    public void publishNoSink() {
        noSink.publish(EventType.STARTED, ++id, 1, 0, "fetch", "w0", 1_000, null, null, null, -1);
    }

    @Benchmark
    public void publishCountingSink() {
        counting.publish(EventType.STARTED, ++id, 1, 0, "fetch", "w0", 1_000, null, null, null, -1);
    }

    @Benchmark
    public void publishAtCountingSink() {
        counting.publishAt(heldReading, EventType.STARTED, ++id, 1, 0, "fetch", "w0", 1_000, null, null, null, -1);
    }

    @Benchmark
    public void publishAuditLogToFile() {
        toFile.publish(EventType.STARTED, ++id, 1, 0, "fetch", "w0", 1_000, null, null, null, -1);
    }
}
