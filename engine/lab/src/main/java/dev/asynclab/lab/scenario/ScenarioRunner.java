package dev.asynclab.lab.scenario;

import dev.asynclab.engine.AsyncCallback;
import dev.asynclab.engine.AsyncCallbackPool;
import dev.asynclab.engine.AsyncCallbackResult;
import dev.asynclab.engine.AsyncCallbackRuntime;
import dev.asynclab.engine.AsyncCallbacks;
import dev.asynclab.engine.AsyncCallbackRuntime;
import dev.asynclab.lab.audit.AuditHeader;
import dev.asynclab.engine.Task;
import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventBus;
import dev.asynclab.engine.event.EventSink;
import dev.asynclab.engine.event.EventType;
import dev.asynclab.lab.limit.AdaptivePool;
import dev.asynclab.lab.limit.ConcurrencyLimit;
import dev.asynclab.lab.metrics.RunMetrics;
import dev.asynclab.engine.spi.Scheduler.Cancellable;
import dev.asynclab.engine.spi.Scheduler;
import dev.asynclab.engine.spi.RealScheduler;
import dev.asynclab.engine.spi.SimulatedScheduler;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/// Runs a scenario on the real engine, on either clock, and streams its events to the given sinks.
///
/// On the simulated clock the whole run happens on one thread without sleeping (or paced at `speed` times wall
/// time, to watch it), and the same seed gives the same events. On the real clock arrivals fire on the
/// scheduler's timer and work really sleeps or spins on real threads. Either way the run ends with a
/// `RUN_FINISHED` event, the bus is closed (sinks get `onClose`), and `ScenarioRun.await()` gives the summary.
///
/// ```java
/// Scenario s = ScenarioLoader.load(Path.of("scenarios/10-pool-saturation.yaml"));
/// ScenarioRun run = ScenarioRunner.start(s, RunOptions.DEFAULTS.withClock(ClockMode.SIMULATED), List.of());
/// System.out.println(run.await().overall().latency().p99());
/// ```
public final class ScenarioRunner {

    private static final int BUS_CAPACITY = 1 << 16;

    private ScenarioRunner() {
    }

    /// Starts `scenario` with script bodies run by `scripts` (null: a scenario with scripts is refused).
    public static ScenarioRun start(Scenario scenario, RunOptions options, List<EventSink> sinks,
                                    Function<Work.Script, AsyncCallback> scripts) {
        ClockMode clock = options.clockFor(scenario);
        long seed = options.seedFor(scenario);
        double speed = options.speedFor(scenario);
        // `--pool N` (and a sweep) asks for a fixed size: an adaptive limit runs only when none is asked for.
        java.util.Optional<LimitSpec> limit = options.poolSize().isPresent() ? java.util.Optional.empty()
                : scenario.pool().flatMap(PoolSpec::limit);
        int poolSize = options.poolSize().orElse(limit.map(LimitSpec::initial)
                .orElse(scenario.pool().map(PoolSpec::size).orElse(0)));
        var metrics = new RunMetrics(poolSize);

        Scheduler scheduler;
        RealScheduler owned = null;
        if (clock == ClockMode.SIMULATED) {
            var sim = new SimulatedScheduler();
            if (options.paced()) {
                sim.setSpeed(speed);
            }
            scheduler = sim;
        } else {
            owned = new RealScheduler(scenario.pool().map(PoolSpec::threads)
                    .orElse(dev.asynclab.engine.spi.RealScheduler.ThreadMode.VIRTUAL));
            scheduler = owned;
        }
        List<EventSink> all = new ArrayList<>(sinks);
        all.add(metrics);
        // The scheduler's own clock supplier: the engine then stamps its events with the clock readings it takes anyway,
        // and the bus reads no clock per event (`Scheduler.clock()`). On the simulated clock every event is published
        // by one thread at a time: this one (RUN_STARTED, below), then the run's own thread, which it starts.
        EventBus bus = clock == ClockMode.SIMULATED
                ? EventBus.createForOneProducer(scheduler.clock(), BUS_CAPACITY, all)
                : EventBus.create(scheduler.clock(), BUS_CAPACITY, all);
        var runtime = AsyncCallbackRuntime.builder().scheduler(scheduler).events(bus).seed(seed).build();
        // Slow motion on the real clock stretches every declared duration; the simulated clock is paced instead.
        double dilation = clock == ClockMode.REAL && speed != 1.0 ? 1.0 / speed : 1.0;
        AsyncCallbackPool pool = poolSize > 0
                ? AsyncCallbackPool.builder(runtime).size(poolSize)
                        .queueCapacity(scenario.pool().map(PoolSpec::queueCapacity).orElse(-1)).build()
                : null;
        var factory = new TaskFactory(scenario.defaults(), dilation, scripts == null ? ScenarioRunner::noScripts
                : scripts, runtime, pool == null ? () -> 0 : pool::queuedCount);

        AdaptivePool adaptive = pool == null ? null
                : limit.map(l -> new AdaptivePool(pool, algorithm(l, seed))).orElse(null);

        List<Arrivals> plan = plan(scenario, seed, factory);
        long total = plan.stream().mapToLong(a -> a.times.length).sum();
        var run = new ScenarioRun(scenario, clock, seed, total);
        var execution = new Execution(run, runtime, pool, adaptive, scheduler, bus, owned, metrics);
        runtime.emit(Event.runStarted(scenario.name(), clock.name().toLowerCase(Locale.ROOT), seed,
                pool == null ? -1 : poolSize));
        execution.schedule(plan);
        scenario.cancelAllAt().ifPresent(at -> execution.cancelAllAt(factory.scaled(at.toNanos())));
        execution.begin();
        return run;
    }

    /// The audit log header for a run of `scenario` with `options`. A simulated run has no wall clock: its header
    /// names the epoch as start and a run id made of the scenario and seed, so the same seed gives the same log,
    /// byte for byte, hash chain included.
    public static AuditHeader header(Scenario scenario, RunOptions options) {
        ClockMode clock = options.clockFor(scenario);
        long seed = options.seedFor(scenario);
        if (clock == ClockMode.SIMULATED) {
            String id = String.format("sim-%08x-%d", scenario.name().hashCode(), seed);
            return AuditHeader.of(id, scenario.name(), java.time.Instant.EPOCH, AsyncCallbackRuntime.ENGINE_VERSION,
                    AuditHeader.CLOCK_SIMULATED, seed);
        }
        return AuditHeader.of(java.util.UUID.randomUUID().toString(), scenario.name(), java.time.Instant.now(),
                AsyncCallbackRuntime.ENGINE_VERSION, AuditHeader.CLOCK_REAL, seed);
    }

    /// Starts a scenario without script support.
    public static ScenarioRun start(Scenario scenario, RunOptions options, List<EventSink> sinks) {
        return start(scenario, options, sinks, null);
    }

    private static ConcurrencyLimit algorithm(LimitSpec spec, long seed) {
        return switch (spec) {
            case LimitSpec.Aimd a -> ConcurrencyLimit.aimd(a.initial(), a.min(), a.max(), a.backoff(),
                    a.timeout().toNanos());
            case LimitSpec.Vegas v -> ConcurrencyLimit.vegas(v.initial(), v.max(),
                    new SplittableRandom(seed ^ 0x7E6A5L)); // its own stream: the arrivals' draws stay as they were
            case LimitSpec.Gradient2 g -> ConcurrencyLimit.gradient2(g.initial(), g.min(), g.max(), g.queue(),
                    g.smoothing(), g.longWindow());
        };
    }

    private static AsyncCallback noScripts(Work.Script script) {
        throw new IllegalArgumentException("script callbacks (" + script.language().name().toLowerCase()
                + " at " + script.origin() + ") need the polyglot runtime; run this scenario from the app or CLI");
    }

    private record Arrivals(Task task, long[] times, java.util.Optional<Duration> cancelAfter) {
    }

    private static List<Arrivals> plan(Scenario scenario, long seed, TaskFactory factory) {
        List<Arrivals> plan = new ArrayList<>();
        int index = 0;
        for (Step step : scenario.steps()) {
            var random = new SplittableRandom(seed * 31 + index++);
            long[] times = step.arrival().times(step.count(), random);
            for (int i = 0; i < times.length; i++) {
                times[i] = factory.scaled(times[i]);
            }
            var cancel = step instanceof CallbackSpec c ? c.cancelAfter().map(factory::scaled)
                    : java.util.Optional.<Duration>empty();
            plan.add(new Arrivals(factory.task(step), times, cancel));
        }
        return plan;
    }

    /// The moving parts of one run.
    private static final class Execution {
        private final ScenarioRun run;
        private final AsyncCallbackRuntime runtime;
        private final AsyncCallbackPool pool;
        private final AdaptivePool adaptive;
        private final Scheduler scheduler;
        private final EventBus bus;
        private final RealScheduler owned;
        private final RunMetrics metrics;
        private final Queue<Cancellable> timers = new ConcurrentLinkedQueue<>();
        private final Queue<ArrivalStream> streams = new ConcurrentLinkedQueue<>();
        private final LiveCalls live;
        /// Whether one thread launches and ends every call (the simulated clock's): then the counts below are
        /// plain fields handed to `run` with release stores, and nothing waits on `allEnded` (the drive loop runs
        /// until the scheduler is idle instead). A simulated run launched and ended each of a million calls with
        /// three atomic updates and a latch's CAS, on the one thread the whole run is made of.
        private final boolean oneThread;
        private long launchedHere;
        private long endedHere;
        private final CountDownLatch allEnded;
        private volatile boolean stopping;

        Execution(ScenarioRun run, AsyncCallbackRuntime runtime, AsyncCallbackPool pool, AdaptivePool adaptive,
                  Scheduler scheduler, EventBus bus, RealScheduler owned, RunMetrics metrics) {
            this.run = run;
            this.runtime = runtime;
            this.pool = pool;
            this.adaptive = adaptive;
            this.scheduler = scheduler;
            this.bus = bus;
            this.owned = owned;
            this.metrics = metrics;
            this.allEnded = new CountDownLatch((int) Math.min(Integer.MAX_VALUE, run.total()));
            this.oneThread = scheduler instanceof SimulatedScheduler;
            this.live = oneThread ? LiveCalls.forSimulation() : LiveCalls.concurrent();
        }

        private void launchedOne() {
            if (oneThread) {
                run.counted(++launchedHere, endedHere);
            } else {
                run.launchedOne();
            }
        }

        private void endedOne() {
            if (oneThread) {
                run.counted(launchedHere, ++endedHere);
            } else {
                run.endedOne();
                allEnded.countDown();
            }
        }

        void schedule(List<Arrivals> plan) {
            long origin = scheduler.nanoTime();
            for (Arrivals a : plan) {
                if (a.times.length > 0) {
                    Runnable onArrival = () -> launch(a);
                    var stream = oneThread ? ArrivalStream.forOneThread(scheduler, origin, a.times, onArrival)
                            : ArrivalStream.concurrent(scheduler, origin, a.times, onArrival);
                    streams.add(stream);
                    stream.start();
                }
            }
        }

        void cancelAllAt(long t) {
            timers.add(scheduler.schedule(this::cancelEverything, t));
        }

        private void launch(Arrivals a) {
            if (stopping) {
                endedOne();
                return;
            }
            launchedOne();
            CompletableFuture<AsyncCallbackResult> f = pool != null ? AsyncCallbacks.execute(pool, a.task)
                    : AsyncCallbacks.execute(runtime, a.task);
            int handle = live.add(f);
            // Called off when the invocation ends first, so no timer outlives the run's last invocation (on the
            // simulated clock a stray one would carry the run's end, and RUN_FINISHED, out to its due time).
            // Armed before the end is listened to: an invocation that has already ended cancels it at once.
            Cancellable cancelTimer = a.cancelAfter.map(d -> scheduler.schedule(() -> f.cancel(true), d.toNanos()))
                    .orElse(null);
            // Not `f.whenComplete`: that made a dependent future and a completion object for every call, pushed and
            // popped with a CAS each (the two were 11 % of the simulation thread's allocation in a JFR profile of the
            // million-call run).
            AsyncCallbacks.whenEnded(f, (r, e) -> {
                if (cancelTimer != null) {
                    cancelTimer.cancel();
                }
                if (adaptive != null && r != null) {
                    adaptive.onResult(r); // one sample per ended call; may resize the pool
                }
                live.remove(handle, f);
                endedOne();
            });
        }

        private void cancelEverything() {
            stopping = true; // arrivals after a cancel-all are not submitted

            for (CompletableFuture<?> f : live.snapshot()) {
                f.cancel(true);
            }
            if (pool != null) {
                pool.cancelAll();
            }
        }

        void begin() {
            run.onStop(() -> {
                stopping = true;
                if (scheduler instanceof SimulatedScheduler sim) {
                    sim.requestStop();
                } else {
                    stopNow();
                }
            });
            Thread.ofPlatform().name("asynclab-run").daemon(true).start(this::drive);
        }

        private void stopNow() {
            for (ArrivalStream stream : streams) {
                int left = stream.close();
                for (int i = 0; i < left; i++) {
                    endedOne(); // an arrival that will never come still counts as ended, so the run can finish
                }
            }
            for (Cancellable c : timers) {
                c.cancel();
            }
            cancelEverything();
        }

        private void drive() {
            try {
                if (scheduler instanceof SimulatedScheduler sim) {
                    sim.runUntilIdle();
                    if (stopping) {
                        // stopped mid-simulation: cancel what runs, then let the cancellations play out
                        sim.setSpeed(0);
                        stopNow();
                        sim.runUntilIdle();
                    }
                } else {
                    allEnded.await();
                    if (pool != null) {
                        pool.awaitAll(Duration.ofDays(1)); // late finishers still hold workers: wait for them
                    }
                }
                runtime.emit(Event.of(EventType.RUN_FINISHED, 0, 0, 0, run.scenario().name())
                        .withValue(run.wasStopped() ? "stopped" : "completed"));
                bus.close();
                run.finish(metrics.summary(), bus.stalls());
            } catch (Throwable t) {
                try {
                    bus.close(); // whatever happened, the log keeps every event up to here
                } finally {
                    run.fail(t);
                }
            } finally {
                if (owned != null) {
                    owned.close();
                }
            }
        }
    }
}
