package dev.asynclab.bench;

import dev.asynclab.engine.AsyncCallback;
import dev.asynclab.engine.AsyncCallbackPool;
import dev.asynclab.engine.AsyncCallbackRuntime;
import dev.asynclab.lab.audit.AuditHeader;
import dev.asynclab.lab.audit.AuditLogWriter;
import dev.asynclab.engine.event.EventBus;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import dev.failsafe.Timeout;
import io.github.resilience4j.bulkhead.ThreadPoolBulkhead;
import io.github.resilience4j.bulkhead.ThreadPoolBulkheadConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.timelimiter.TimeLimiter;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/// (b) A batch of 100,000 trivial callbacks submitted to a pool of 2 and awaited; the score is callbacks per
/// second, with events to memory, with the audit log written to a file, and with no events at all (the engine's own
/// share of the cost, apart from the event bus's). Baseline: the same batch on a raw
/// 2-thread `ThreadPoolExecutor`. Peers, each with a 30 s timeout and a retry policy (neither fires) around every
/// call, as Async Lab has: resilience4j's `ThreadPoolBulkhead` of 2 with `Retry` and `TimeLimiter`, and Failsafe's
/// executor on a raw pool of 2 with `RetryPolicy` and `Timeout`. Neither peer records an event.
///
/// The heap is touched whole before the fork starts (`-XX:+AlwaysPreTouch`): without it, every fork spent its run
/// taking the kernel's first-touch page faults as the young generation grew into a fresh 2 GB heap, at a cost
/// that grows with what each side allocates: the process's CPU per call of the pool batch (events to memory, the
/// same jar, rounds of 500,000 calls, load 6-12) was 840-4,680 ns without it and 660-1,280 ns with it, the slow
/// rounds spending a quarter to a third of it in the kernel, so the figures measured the growing heap rather than the engine.
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PoolThroughputBenchmark {

    static final int BATCH = 100_000;
    private static final AsyncCallback TRIVIAL = ctx -> 1;

    private ThreadPoolExecutor raw;
    private final LongAdder events = new LongAdder();
    private EventBus memoryBus;
    private AsyncCallbackRuntime memory;
    private AsyncCallbackRuntime noEvents;
    private java.nio.file.Path logFile;
    private AuditLogWriter logWriter;
    private EventBus fileBus;
    private AsyncCallbackRuntime toFile;
    private ThreadPoolBulkhead r4jBulkhead;
    private Retry r4jRetry;
    private TimeLimiter r4jTimeLimiter;
    private ScheduledExecutorService r4jTimer;
    private ThreadPoolExecutor failsafePool;
    private FailsafeExecutor<Object> failsafe;

    @Setup(Level.Trial)
    public void setUp() {
        raw = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
        raw.prestartAllCoreThreads();
        memoryBus = EventBus.create(1 << 16, e -> events.increment());
        memory = AsyncCallbackRuntime.builder().events(memoryBus).build();
        noEvents = AsyncCallbackRuntime.builder().build();
        r4jBulkhead = ThreadPoolBulkhead.of("bench", ThreadPoolBulkheadConfig.custom().coreThreadPoolSize(2)
                .maxThreadPoolSize(2).queueCapacity(BATCH).build());
        r4jRetry = Retry.ofDefaults("bench");
        r4jTimeLimiter = TimeLimiter.of(Duration.ofSeconds(30));
        r4jTimer = Executors.newSingleThreadScheduledExecutor();
        failsafePool = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
        failsafePool.prestartAllCoreThreads();
        failsafe = Failsafe.with(RetryPolicy.ofDefaults(), Timeout.of(Duration.ofSeconds(30))).with(failsafePool);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        raw.shutdownNow();
        memoryBus.close();
        r4jTimer.shutdownNow();
        failsafePool.shutdownNow();
        try {
            r4jBulkhead.close();
        } catch (Exception ignored) {
            // a benchmark's teardown
        }
    }

    /// A fresh log file per iteration, so the disk holds one iteration's log at a time.
    @Setup(Level.Iteration)
    public void openLog() throws java.io.IOException {
        logFile = java.nio.file.Files.createTempFile("asynclab-bench", ".jsonl");
        logWriter = AuditLogWriter.open(logFile, AuditHeader.of("bench", "pool throughput",
                java.time.Instant.now(), AsyncCallbackRuntime.ENGINE_VERSION, AuditHeader.CLOCK_REAL, 1));
        fileBus = EventBus.create(1 << 16, logWriter);
        toFile = AsyncCallbackRuntime.builder().events(fileBus).build();
    }

    @TearDown(Level.Iteration)
    public void closeLog() throws java.io.IOException {
        fileBus.close();
        logWriter.close();
        java.nio.file.Files.deleteIfExists(logFile);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void rawThreadPoolExecutor() throws InterruptedException {
        var done = new CountDownLatch(BATCH);
        for (int i = 0; i < BATCH; i++) {
            raw.execute(done::countDown);
        }
        done.await();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long asyncLabPoolEventsToMemory() throws InterruptedException {
        return batch(memory);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long asyncLabPoolNoEvents() throws InterruptedException {
        return batch(noEvents);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long asyncLabPoolAuditLogToFile() throws InterruptedException {
        return batch(toFile);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object resilience4jBulkheadRetryTimeLimiter() {
        var all = new CompletableFuture<?>[BATCH];
        for (int i = 0; i < BATCH; i++) {
            all[i] = r4jTimeLimiter.executeCompletionStage(r4jTimer,
                    () -> r4jBulkhead.executeSupplier(Retry.decorateSupplier(r4jRetry, () -> 1)))
                    .toCompletableFuture();
        }
        return CompletableFuture.allOf(all).join();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object failsafeRetryTimeoutOnPool() {
        var all = new CompletableFuture<?>[BATCH];
        for (int i = 0; i < BATCH; i++) {
            all[i] = failsafe.getAsync(() -> 1);
        }
        return CompletableFuture.allOf(all).join();
    }

    private static long batch(AsyncCallbackRuntime runtime) throws InterruptedException {
        var pool = AsyncCallbackPool.builder(runtime).size(2).build();
        for (int i = 0; i < BATCH; i++) {
            pool.submit(TRIVIAL, "batch", Duration.ofSeconds(30));
        }
        pool.awaitAll(Duration.ofMinutes(5));
        return pool.completedCount();
    }
}
