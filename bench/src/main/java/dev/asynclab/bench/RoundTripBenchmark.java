package dev.asynclab.bench;

import dev.asynclab.engine.AsyncCallback;
import dev.asynclab.engine.AsyncCallbackResult;
import dev.asynclab.engine.AsyncCallbackRuntime;
import dev.asynclab.engine.AsyncCallbackWrapper;
import dev.asynclab.engine.event.EventBus;
import dev.asynclab.engine.spi.RealScheduler;
import dev.asynclab.engine.spi.RealScheduler.ThreadMode;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import dev.failsafe.Timeout;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.timelimiter.TimeLimiter;
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

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/// (a) The sequential round trip of one trivial call: submit, run on another thread, get the result.
/// The raw executors are the baselines; Async Lab, Failsafe and resilience4j each guard the call with a
/// 30 s timeout (and Failsafe/resilience4j with a retry policy, as people use them).
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RoundTripBenchmark {

    private ThreadPoolExecutor raw;
    private ExecutorService virtual;
    private RealScheduler platformScheduler;
    private AsyncCallbackRuntime asyncLabVirtual;
    private AsyncCallbackRuntime asyncLabPlatform;
    private EventBus bus;
    private FailsafeExecutor<Object> failsafe;
    private TimeLimiter timeLimiter;
    private Retry retry;
    private final LongAdder events = new LongAdder();
    private static final AsyncCallback TRIVIAL = ctx -> 1;

    @Setup(Level.Trial)
    public void setUp() {
        raw = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
        raw.prestartAllCoreThreads();
        virtual = Executors.newVirtualThreadPerTaskExecutor();
        bus = EventBus.create(1 << 16, e -> events.increment());
        platformScheduler = new RealScheduler(ThreadMode.PLATFORM);
        asyncLabVirtual = AsyncCallbackRuntime.builder().events(bus).build();
        asyncLabPlatform = AsyncCallbackRuntime.builder().scheduler(platformScheduler).events(bus).build();
        failsafe = Failsafe.with(RetryPolicy.ofDefaults(), Timeout.of(Duration.ofSeconds(30))).with(raw);
        timeLimiter = TimeLimiter.of(Duration.ofSeconds(30));
        retry = Retry.ofDefaults("bench");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        raw.shutdownNow();
        virtual.shutdownNow();
        platformScheduler.close();
        bus.close();
    }

    @Benchmark
    public Object rawThreadPoolExecutor() throws Exception {
        return raw.submit(() -> 1).get();
    }

    @Benchmark
    public Object rawVirtualThreadExecutor() throws Exception {
        return virtual.submit(() -> 1).get();
    }

    @Benchmark
    public AsyncCallbackResult asyncLabVirtualThreads() {
        return new AsyncCallbackWrapper(asyncLabVirtual, TRIVIAL, "bench", Duration.ofSeconds(30)).executeBlocking();
    }

    @Benchmark
    public AsyncCallbackResult asyncLabPlatformThreads() {
        return new AsyncCallbackWrapper(asyncLabPlatform, TRIVIAL, "bench", Duration.ofSeconds(30)).executeBlocking();
    }

    @Benchmark
    public Object failsafeRetryAndTimeout() throws Exception {
        return failsafe.getAsync(() -> 1).get();
    }

    @Benchmark
    public Object resilience4jRetryAndTimeLimiter() throws Exception {
        return retry.executeCallable(() -> timeLimiter.executeFutureSupplier(() -> raw.submit(() -> 1)));
    }
}
