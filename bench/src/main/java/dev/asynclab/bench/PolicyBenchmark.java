package dev.asynclab.bench;

import dev.asynclab.engine.AsyncCallbackResult;
import dev.asynclab.engine.AsyncCallbackRuntime;
import dev.asynclab.engine.AsyncCallbacks;
import dev.asynclab.engine.Bulkhead;
import dev.asynclab.engine.CircuitBreaker;
import dev.asynclab.engine.Fallback;
import dev.asynclab.engine.FaultInjection;
import dev.asynclab.engine.RateLimiter;
import dev.asynclab.engine.RetryBudget;
import dev.asynclab.engine.RetryPolicy;
import dev.asynclab.engine.Task;
import dev.asynclab.engine.event.EventBus;
import dev.asynclab.engine.spi.RealScheduler;
import dev.asynclab.engine.spi.RealScheduler.ThreadMode;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
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
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/// The cost of each resilience policy on the round trip of one trivial call (submit, run on another thread, get
/// the result), on platform threads, against resilience4j's and Failsafe's equivalents in the same run. Each
/// policy is set so that it lets the call through (closed breaker, a limit far above the call rate, a bulkhead
/// with room, a fallback and faults that never fire): what is measured is the price of asking it. The
/// `...Plain` benchmarks are the baselines of each library.
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PolicyBenchmark {

    private ThreadPoolExecutor raw;
    private RealScheduler scheduler;
    private EventBus bus;
    private final LongAdder events = new LongAdder();
    private AsyncCallbackRuntime runtime;

    private Task.Call plain;
    private Task.Call breaker;
    private Task.Call limiter;
    private Task.Call bulkhead;
    private Task.Call fallback;
    private Task.Call budget;
    private Task.Call faults;
    private Task.Call all;

    private io.github.resilience4j.circuitbreaker.CircuitBreaker r4jBreaker;
    private io.github.resilience4j.ratelimiter.RateLimiter r4jLimiter;
    private io.github.resilience4j.bulkhead.Bulkhead r4jBulkhead;

    private FailsafeExecutor<Object> fsPlain;
    private FailsafeExecutor<Object> fsBreaker;
    private FailsafeExecutor<Object> fsLimiter;
    private FailsafeExecutor<Object> fsBulkhead;
    private FailsafeExecutor<Object> fsFallback;

    @Setup(Level.Trial)
    public void setUp() {
        raw = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
        raw.prestartAllCoreThreads();
        scheduler = new RealScheduler(ThreadMode.PLATFORM);
        bus = EventBus.create(1 << 16, e -> events.increment());
        runtime = AsyncCallbackRuntime.builder().scheduler(scheduler).events(bus).build();
        Duration timeout = Duration.ofSeconds(30);
        plain = Task.call("bench", ctx -> 1, timeout);
        breaker = Task.call("bench", ctx -> 1, timeout)
                .withCircuitBreaker(CircuitBreaker.builder("bench").runtime(runtime).build());
        limiter = Task.call("bench", ctx -> 1, timeout).withRateLimiter(RateLimiter.builder("bench")
                .runtime(runtime).limit(1_000_000_000, Duration.ofSeconds(1)).burst(1_000_000).build());
        bulkhead = Task.call("bench", ctx -> 1, timeout).withBulkhead(Bulkhead.of("bench", 1_000));
        fallback = Task.call("bench", ctx -> 1, timeout).withFallback(Fallback.value(0));
        budget = Task.call("bench", ctx -> 1, timeout).withRetry(RetryPolicy.ofDefaults())
                .withRetryBudget(RetryBudget.builder("bench").runtime(runtime).build());
        faults = Task.call("bench", ctx -> 1, timeout).withFaults(FaultInjection.failure(0, "IOException", "never"));
        all = Task.call("bench", ctx -> 1, timeout).withRetry(RetryPolicy.ofDefaults()).withPolicies(
                breaker.policies().withRateLimiter(limiter.policies().rateLimiter())
                        .withBulkhead(bulkhead.policies().bulkhead()).withFallback(Fallback.value(0))
                        .withRetryBudget(budget.policies().retryBudget()));

        r4jBreaker = io.github.resilience4j.circuitbreaker.CircuitBreaker.ofDefaults("bench");
        r4jLimiter = io.github.resilience4j.ratelimiter.RateLimiter.of("bench", RateLimiterConfig.custom()
                .limitForPeriod(1_000_000_000).limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ZERO).build());
        r4jBulkhead = io.github.resilience4j.bulkhead.Bulkhead.of("bench", BulkheadConfig.custom()
                .maxConcurrentCalls(1_000).build());

        fsPlain = Failsafe.none().with(raw);
        fsBreaker = Failsafe.with(dev.failsafe.CircuitBreaker.ofDefaults()).with(raw);
        fsLimiter = Failsafe.with(dev.failsafe.RateLimiter.smoothBuilder(1_000_000_000, Duration.ofSeconds(1))
                .build()).with(raw);
        fsBulkhead = Failsafe.with(dev.failsafe.Bulkhead.of(1_000)).with(raw);
        fsFallback = Failsafe.with(dev.failsafe.Fallback.of((Object) 0)).with(raw);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        raw.shutdownNow();
        scheduler.close();
        bus.close();
    }

    // ---- Async Lab

    @Benchmark
    public AsyncCallbackResult asyncLabPlain() {
        return AsyncCallbacks.execute(runtime, plain).join();
    }

    @Benchmark
    public AsyncCallbackResult asyncLabCircuitBreaker() {
        return AsyncCallbacks.execute(runtime, breaker).join();
    }

    @Benchmark
    public AsyncCallbackResult asyncLabRateLimiter() {
        return AsyncCallbacks.execute(runtime, limiter).join();
    }

    @Benchmark
    public AsyncCallbackResult asyncLabBulkhead() {
        return AsyncCallbacks.execute(runtime, bulkhead).join();
    }

    @Benchmark
    public AsyncCallbackResult asyncLabFallback() {
        return AsyncCallbacks.execute(runtime, fallback).join();
    }

    @Benchmark
    public AsyncCallbackResult asyncLabRetryAndBudget() {
        return AsyncCallbacks.execute(runtime, budget).join();
    }

    @Benchmark
    public AsyncCallbackResult asyncLabFaultInjection() {
        return AsyncCallbacks.execute(runtime, faults).join();
    }

    @Benchmark
    public AsyncCallbackResult asyncLabAllPolicies() {
        return AsyncCallbacks.execute(runtime, all).join();
    }

    // ---- resilience4j (decorating a blocking submit/get on the same kind of executor)

    @Benchmark
    public Object resilience4jPlain() throws Exception {
        return raw.submit(() -> 1).get();
    }

    @Benchmark
    public Object resilience4jCircuitBreaker() throws Exception {
        return r4jBreaker.executeCallable(() -> raw.submit(() -> 1).get());
    }

    @Benchmark
    public Object resilience4jRateLimiter() throws Exception {
        return r4jLimiter.executeCallable(() -> raw.submit(() -> 1).get());
    }

    @Benchmark
    public Object resilience4jBulkhead() throws Exception {
        return r4jBulkhead.executeCallable(() -> raw.submit(() -> 1).get());
    }

    // ---- Failsafe (its async executor on the same kind of executor)

    @Benchmark
    public Object failsafePlain() throws Exception {
        return fsPlain.getAsync(() -> 1).get();
    }

    @Benchmark
    public Object failsafeCircuitBreaker() throws Exception {
        return fsBreaker.getAsync(() -> 1).get();
    }

    @Benchmark
    public Object failsafeRateLimiter() throws Exception {
        return fsLimiter.getAsync(() -> 1).get();
    }

    @Benchmark
    public Object failsafeBulkhead() throws Exception {
        return fsBulkhead.getAsync(() -> 1).get();
    }

    @Benchmark
    public Object failsafeFallback() throws Exception {
        return fsFallback.getAsync(() -> 1).get();
    }
}
