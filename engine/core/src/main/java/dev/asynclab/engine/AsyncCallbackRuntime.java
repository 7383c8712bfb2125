package dev.asynclab.engine;

import dev.asynclab.engine.event.EventBus;
import dev.asynclab.engine.internal.Emitter;
import dev.asynclab.engine.internal.LaneAllocator;
import dev.asynclab.engine.spi.Scheduler;
import dev.asynclab.engine.spi.RealScheduler;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/// What every wrapper, pool and helper of one run shares: the clock and scheduler, the event bus, the id
/// counters and the seed. Build one per run; the default suits a program that just wants callbacks run.
///
/// ```java
/// var sim = new SimulatedScheduler();
/// List<Event> seen = new CopyOnWriteArrayList<>();
/// var bus = EventBus.create(sim::nanoTime, 1 << 16, List.of(seen::add));   // or the lab's audit log writer
/// var runtime = AsyncCallbackRuntime.builder().scheduler(sim).events(bus).seed(42).build();
/// var pool = AsyncCallbackPool.builder(runtime).size(4).queueCapacity(100).build();
/// ```
public final class AsyncCallbackRuntime {

    /// The engine's version, as written into audit log headers.
    public static final String ENGINE_VERSION = "0.1.0";

    /// The timeout a wrapper gets when none is given: 30 seconds.
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private static final class Holder {
        static final AsyncCallbackRuntime DEFAULT = builder().build();
    }

    private final Scheduler scheduler;
    private final Emitter emitter;
    private final long seed;
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong groups = new AtomicLong();
    private final LaneAllocator standaloneLanes = new LaneAllocator("t");
    private final StandaloneLauncher standalone = new StandaloneLauncher(this);

    private AsyncCallbackRuntime(Builder b) {
        // The shared real clock only when no other is given: its timer thread starts with it.
        this.scheduler = b.scheduler != null ? b.scheduler : RealScheduler.shared();
        this.emitter = new Emitter(b.events, scheduler.clock());
        this.seed = b.seed;
    }

    /// The real clock on virtual threads, no events.
    public static AsyncCallbackRuntime defaultRuntime() {
        return Holder.DEFAULT;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    /// The bus events go to, or null when nobody listens (then no event is even built).
    public EventBus events() {
        return emitter.bus();
    }

    public long seed() {
        return seed;
    }

    /// Emits a free-form event (for runners that add `RUN_STARTED`, `RUN_FINISHED` or their own groups).
    public void emit(dev.asynclab.engine.event.Event event) {
        emitter.emit(event);
    }

    /// A fresh group id, for callers that bracket their own groups of invocations.
    public long newGroup() {
        return groups.incrementAndGet();
    }

    /// A callback's timeout: null gives the default (30 s), zero means none, negative is refused.
    static Duration callbackTimeout(Duration timeout) {
        if (timeout == null) {
            return DEFAULT_TIMEOUT;
        }
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("a timeout must not be negative: " + timeout);
        }
        return timeout;
    }

    /// A group's limit or a delay (`what` names it): null and zero mean none, negative is refused.
    static Duration limit(Duration limit, String what) {
        if (limit == null) {
            return Duration.ZERO;
        }
        if (limit.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative: " + limit);
        }
        return limit;
    }

    long newId() {
        return ids.incrementAndGet();
    }

    Emitter emitter() {
        return emitter;
    }

    StandaloneLauncher standalone() {
        return standalone;
    }

    LaneAllocator standaloneLanes() {
        return standaloneLanes;
    }

    /// Options for a runtime.
    public static final class Builder {
        private Scheduler scheduler; // null: RealScheduler.shared(), looked up only by build()
        private EventBus events;
        private long seed = 1;

        private Builder() {
        }

        /// The clock: `RealScheduler.shared()` (default) or a `SimulatedScheduler`.
        public Builder scheduler(Scheduler scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /// Where events go; without a bus the engine produces none.
        public Builder events(EventBus events) {
            this.events = events;
            return this;
        }

        /// The seed behind `AsyncCallback.Context.random()` and retry jitter.
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public AsyncCallbackRuntime build() {
            return new AsyncCallbackRuntime(this);
        }
    }
}
