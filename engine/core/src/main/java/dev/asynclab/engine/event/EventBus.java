package dev.asynclab.engine.event;

import dev.asynclab.engine.internal.atomic.PaddedCounter;
import dev.asynclab.engine.spi.RealScheduler;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/// Carries events from the engine to its sinks: a bounded ring that any thread may publish into, and one
/// writer thread that hands them to every sink in batches, in `seq` order.
///
/// Publishing is cheap (one atomic increment, a few plain stores and one release store into a reused slot; no
/// allocation, no wake-up call) and never drops an event: when the ring is full
/// the producer waits for the writer, and each such wait is counted in `stalls()`. `seq` is gap-free from 0
/// and `t` is nanoseconds since the bus was created, on the clock it was given. The writer takes events in
/// batches and sleeps between them, so a sink sees an event at most about a millisecond after it was published
/// (`flush()` waits for it).
///
/// ```java
/// var log = new ArrayList<Event>();
/// try (var bus = EventBus.create(scheduler::nanoTime, 1 << 16, List.of(log::add))) {
///     bus.publish(Event.of(EventType.RUN_STARTED, 0, 0, 0, "demo"));
/// }                                   // close() delivers everything, then calls onClose on each sink
/// ```
public final class EventBus implements AutoCloseable {

    /* Overview: a multi-producer, single-consumer ring in the style of the LMAX Disruptor. A producer claims
     * a sequence number with getAndIncrement, waits until the writer has freed that slot (the ring is full
     * when claimed - consumed >= capacity), then fills the slot's fields with plain writes and publishes them
     * with a release write of the slot's `published` seq. The writer reads slots strictly in sequence; a slot
     * whose `published` is not the seq it waits for is "claimed but not yet filled" or "nothing yet", and it
     * waits. Because the claim order is the seq order, `seq` is gap-free and matches the order sinks see.
     * Timestamps are read before the claim (or handed in by the producer, read a little earlier still: the
     * engine stamps an invocation's events with the readings it takes for its own bookkeeping), so two racing
     * producers may store them out of order; the writer clamps `t` to be non-decreasing (by no more than the
     * race itself, or the time from the producer's reading to its claim).
     * The slots are made once, with the ring, and reused: a producer builds no object per event (an `Event` of
     * seventeen fields was the largest thing a producer allocated, and in a JFR profile of a pool batch
     * 123 of the submitting thread's 260 samples were on that allocation); the writer builds the `Event` its
     * sinks get, on its own thread, where it is garbage at once — and only for sinks that want one: a sink that
     * reads views is handed a view of the slot (an `EventView`), read in place before `consumed` moves past it,
     * so no producer can refill it while that sink reads. The release write of `published` pairs with the writer's acquire read of it, so the
     * writer sees every field the producer wrote; the writer's volatile write of `consumed` after it has read a
     * slot happens before a producer that read `consumed` (or `gate`, see below) writes that slot again, so a
     * producer never overwrites fields the writer is still reading. A seq stamp rather than a null check means
     * the writer never has to clear a slot.
     * A producer checks room against `gate`, a cached copy of `consumed`, and reads `consumed` itself (a cache
     * line the writer keeps changing) only when the cached copy says the ring may be full; `gate` is volatile
     * so that the writer's read of a slot, published by its write of `consumed`, happens before a producer that
     * trusted the cache fills that slot again.
     * Counters and fields on their own cache lines: `claimed` (every producer's atomic increment), `consumed` (the
     * writer's) and `gate` each sit alone on their lines (`PaddedCounter`), and what the writer changes per event
     * (the clamp's last `t`, the view it hands sinks) lives in its own locals, never in this object's fields, which
     * producers read on every publish: a write there would pull the line from the producer's core per event.
     * The writer drains in batches and sleeps between them rather than chasing the producers: after a batch shorter
     * than CHASE_BATCH it naps (`WriterNap`: 200 µs to 1 ms, longer while it finds little, shorter when a producer
     * found the ring full), so each wake-up finds a batch, the sinks see events at most a nap late, and the writer
     * does not read slot n while a producer fills its neighbour on the same cache line. It used to spin after each
     * batch and nap only after 64 empty looks, so while events trickled in it took them one by one, and an idle bus
     * woke every 200 µs. A producer wakes a napping writer only when the ring is full (awaitRoom); `writerParked` is
     * volatile so that such a producer, reading it after the writer set it, does not skip the unpark a parked writer
     * needs (a producer that read it just before the writer set it sleeps 50 µs and looks again).
     * A result's value whose text cannot change once made (a String, a boxed primitive) travels as the object
     * and becomes text on the writer thread: `toString` was the largest single cost of a trivial callback's
     * SUCCEEDED. Any other value becomes text on the producer's thread, at once, so the log says what the
     * value was when the callback returned. */

    private static final int MAX_BATCH = 4096;
    /// A batch at least this long (or half the ring) sends the writer straight back for more; a shorter one, to a nap.
    private static final int CHASE_BATCH = 64;

    private final Slot[] ring;
    private final int mask;
    /// Next seq to hand out; producers increment it. Alone on its cache lines (see the Overview).
    private final PaddedCounter claimed = new PaddedCounter();
    /// Whether one thread at a time publishes (`createForOneProducer`): then `claimed` moves by a plain increment.
    private final boolean oneProducer;
    private final EventSink[] sinks; // an array: the writer walks it for every event
    /// For each sink, whether it reads views (`EventSink.readsEventViews`, asked once).
    private final boolean[] readsViews;
    /// Whether any sink reads views, and whether every one does: see `deliver`.
    private final boolean anyReadsViews;
    private final boolean allReadViews;
    private final LongSupplier clock;
    private final long origin;
    private final Thread writer;
    private final AtomicLong stalls = new AtomicLong();
    /// The longest a producer that found the ring full sleeps before looking again: about the time the writer takes
    /// for a sixteenth of the ring at 250 ns an event, between 50 µs and 1 ms (see `awaitRoom`).
    private final long longestStallNap;

    /// Next seq the writer will read; written only by the writer (volatile: see the Overview).
    private final PaddedCounter consumed = new PaddedCounter();
    /// A past value of `consumed` (so a lower bound of it), shared by producers (volatile: see the Overview).
    private final PaddedCounter gate = new PaddedCounter();
    private volatile boolean writerParked;
    private volatile boolean closing;
    private volatile Throwable sinkFailure;

    private EventBus(LongSupplier clock, int capacity, List<EventSink> sinks) {
        this(clock, capacity, sinks, false);
    }

    private EventBus(LongSupplier clock, int capacity, List<EventSink> sinks, boolean oneProducer) {
        this.oneProducer = oneProducer;
        int size = Integer.highestOneBit(Math.max(2, capacity - 1)) << 1;
        this.ring = new Slot[size];
        for (int i = 0; i < size; i++) {
            ring[i] = new Slot();
        }
        this.mask = size - 1;
        this.longestStallNap = Math.clamp(size * 16L, 50_000L, 1_000_000L);
        this.sinks = sinks.toArray(EventSink[]::new);
        this.readsViews = new boolean[this.sinks.length];
        boolean any = false;
        boolean all = true;
        for (int i = 0; i < this.sinks.length; i++) {
            readsViews[i] = this.sinks[i].readsEventViews();
            any |= readsViews[i];
            all &= readsViews[i];
        }
        this.anyReadsViews = any;
        this.allReadViews = all;
        this.clock = clock;
        this.origin = clock.getAsLong();
        this.writer = Thread.ofPlatform().name("asynclab-events").daemon(true).unstarted(this::drainLoop);
        writer.start();
    }

    /// A bus timed by `clock` (nanoseconds), with room for `capacity` events in flight (rounded up to a
    /// power of two).
    public static EventBus create(LongSupplier clock, int capacity, List<EventSink> sinks) {
        return new EventBus(clock, capacity, sinks);
    }

    /// As `create`, for events published by one thread at a time: each publisher hands over to the next with a
    /// happens-before edge (the next is started by it, or joins it, or takes a lock it released), as on the simulated
    /// clock, whose whole run is one thread. A `seq` is then claimed with a plain increment rather than an atomic one
    /// (one per event; an atomic update measured about 13 ns on this project's 2-core VM). Events published by two
    /// threads at once on such a bus may be lost or delivered twice: a publisher that cannot promise this uses
    /// `create`.
    ///
    /// ```java
    /// var sim = new SimulatedScheduler();
    /// var bus = EventBus.createForOneProducer(sim.clock(), 1 << 16, List.of(System.out::println));
    /// ```
    public static EventBus createForOneProducer(LongSupplier clock, int capacity, List<EventSink> sinks) {
        return new EventBus(clock, capacity, sinks, true);
    }

    /// A bus on the system clock (the real scheduler's, `RealScheduler.SYSTEM_CLOCK`).
    public static EventBus create(int capacity, EventSink... sinks) {
        return new EventBus(RealScheduler.SYSTEM_CLOCK, capacity, List.of(sinks));
    }

    /// The clock this bus stamps events with, as it was given. A producer that holds a reading of this very clock
    /// (the same object: `Scheduler.clock()`) may hand it to `publishAt` instead of having the bus read it again.
    public LongSupplier clock() {
        return clock;
    }

    /// Stamps `event` with the next `seq` and the current `t`, and queues it for the sinks.
    public void publish(Event event) {
        long t = clock.getAsLong() - origin;
        long seq = claim();
        Slot s = ring[(int) seq & mask];
        s.whole = event;
        s.stampedT = t;
        s.publish(seq);
    }

    /// Builds and queues an event in one step (the engine's hot path: no allocation on the caller's thread).
    public void publish(EventType type, long id, int attempt, long group, String name, String worker, long duration,
                        String errorType, String errorMessage, String value, int queueDepth) {
        publishAt(clock.getAsLong(), type, id, attempt, group, name, worker, duration, errorType, errorMessage, value,
                queueDepth);
    }

    /// As `publish`, at `now`, a reading of this bus's `clock()` the caller already took (a clock read cost 80-240 ns
    /// on the 2-core VM, and an invocation takes one at each of its steps anyway). A reading older than the last
    /// event's `t` is raised to it, as for racing producers (see the Overview).
    public void publishAt(long now, EventType type, long id, int attempt, long group, String name, String worker,
                          long duration, String errorType, String errorMessage, String value, int queueDepth) {
        long t = now - origin;
        long seq = claim();
        ring[(int) seq & mask].fill(t, type, id, attempt, group, name, worker, duration, errorType, errorMessage,
                value, false, queueDepth).publish(seq);
    }

    /// Queues the terminal event of a callback that returned `value`, as `publish` would with `value`'s text
    /// (`Event.textOf`) in the event's `value` field and no error or queue depth. The text of a `String` or a boxed
    /// primitive is made on the writer thread, off the caller's path; any other value's text is made now.
    public void publishResult(EventType type, long id, int attempt, long group, String name, String worker,
                              long duration, Object value) {
        publishResultAt(clock.getAsLong(), type, id, attempt, group, name, worker, duration, value);
    }

    /// As `publishResult`, at `now`, a reading of this bus's `clock()` the caller already took (see `publishAt`).
    public void publishResultAt(long now, EventType type, long id, int attempt, long group, String name,
                                String worker, long duration, Object value) {
        boolean deferred = hasFixedText(value);
        Object carried = deferred ? value : Event.textOf(value);
        long t = now - origin;
        long seq = claim();
        ring[(int) seq & mask].fill(t, type, id, attempt, group, name, worker, duration, null, null, carried,
                deferred, -1).publish(seq);
    }

    /// A value whose `toString` is the JDK's own and whose text cannot change after the callback returned it.
    private static boolean hasFixedText(Object value) {
        return value instanceof String || value instanceof Integer || value instanceof Long
                || value instanceof Boolean || value instanceof Double || value instanceof Character
                || value instanceof Short || value instanceof Byte || value instanceof Float;
    }

    /// One place in the ring, reused for every event that lands there: see the Overview.
    private static final class Slot {
        private static final VarHandle PUBLISHED;

        static {
            try {
                PUBLISHED = MethodHandles.lookup().findVarHandle(Slot.class, "published", long.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        /// The seq whose event these fields hold; written last, with release semantics (-1: none yet).
        @SuppressWarnings("unused") // through PUBLISHED
        private long published = -1;
        /// An event published whole (`publish(Event)`: it may carry the run and group fields); null otherwise.
        Event whole;
        /// `t` as the producer read it, before the writer's clamp.
        long stampedT;
        EventType type;
        long id;
        int attempt;
        long group;
        String name;
        String worker;
        long duration;
        String errorType;
        String errorMessage;
        /// The value's text, or (when `valueIsDeferred`) a value whose text the writer is to make.
        Object carried;
        boolean valueIsDeferred;
        int queueDepth;

        Slot fill(long t, EventType type, long id, int attempt, long group, String name, String worker,
                  long duration, String errorType, String errorMessage, Object value, boolean valueIsDeferred,
                  int queueDepth) {
            this.whole = null;
            this.stampedT = t;
            this.type = type;
            this.id = id;
            this.attempt = attempt;
            this.group = group;
            this.name = name;
            this.worker = worker;
            this.duration = duration;
            this.errorType = errorType;
            this.errorMessage = errorMessage;
            this.carried = value;
            this.valueIsDeferred = valueIsDeferred;
            this.queueDepth = queueDepth;
            return this;
        }

        /// Hands the fields written before this call to the writer (release: see the Overview).
        void publish(long seq) {
            PUBLISHED.setRelease(this, seq);
        }

        /// True when the fields hold event `seq` (acquire: pairs with `publish`).
        boolean holds(long seq) {
            return (long) PUBLISHED.getAcquire(this) == seq;
        }

        /// The event published whole, as seq `seq` at time `t`, and forgets it (it must not stay alive until the
        /// ring comes round); null when this slot's event was published field by field.
        Event takeWhole(long seq, long t) {
            Event e = whole;
            if (e == null) {
                return null;
            }
            whole = null;
            return e.withSeqAndTime(seq, t);
        }

        /// The value's text, made now if the producer deferred it; the slot lets go of the value (it must not stay
        /// alive until the ring comes round). Written only when there is one: a write to a slot dirties a cache line
        /// the producers filling the next slots may share.
        String takeValueText() {
            Object v = carried;
            if (v == null) {
                return null;
            }
            carried = null;
            return valueIsDeferred ? Event.textOf(v) : (String) v;
        }
    }

    /// The [EventView] that sinks reading views are handed: the slot being delivered, with its `seq`, clamped `t`
    /// and the value's text. One, reused for every event, written and read by the writer thread alone — not the
    /// slot itself, so that the writer writes nothing into the ring's slots, which the producers fill.
    private static final class Delivery implements EventView {
        private Slot slot;
        private long seq;
        private long t;
        private String value;

        Delivery of(Slot slot, long seq, long t, String value) {
            this.slot = slot;
            this.seq = seq;
            this.t = t;
            this.value = value;
            return this;
        }

        /// Lets go of the slot and the value once every sink has had them.
        void clear() {
            slot = null;
            value = null;
        }

        @Override
        public Event toEvent() {
            Slot s = slot;
            return new Event(seq, t, s.type, s.id, s.attempt, s.group, s.name, s.worker, s.duration, s.errorType,
                    s.errorMessage, value, s.queueDepth);
        }

        @Override
        public long seq() {
            return seq;
        }

        @Override
        public long t() {
            return t;
        }

        @Override
        public EventType type() {
            return slot.type;
        }

        @Override
        public long id() {
            return slot.id;
        }

        @Override
        public int attempt() {
            return slot.attempt;
        }

        @Override
        public long group() {
            return slot.group;
        }

        @Override
        public String name() {
            return slot.name;
        }

        @Override
        public String worker() {
            return slot.worker;
        }

        @Override
        public long duration() {
            return slot.duration;
        }

        @Override
        public String errorType() {
            return slot.errorType;
        }

        @Override
        public String errorMessage() {
            return slot.errorMessage;
        }

        @Override
        public String value() {
            return value;
        }

        @Override
        public int queueDepth() {
            return slot.queueDepth;
        }

        // A slot filled field by field never carries the run and group fields (those come whole): absent.
        @Override
        public String kind() {
            return null;
        }

        @Override
        public long parentGroup() {
            return 0;
        }

        @Override
        public long seed() {
            return 0;
        }

        @Override
        public int poolSize() {
            return -1;
        }
    }

    // No unpark when publishing: waking the writer costs a system call per event. The writer naps for at most
    // WriterNap.LONGEST_NANOS when the ring runs dry, so an event reaches the sinks within that; only a full ring
    // (awaitRoom), flush and close wake it at once.
    private long claim() {
        long seq;
        if (oneProducer) {
            // One publisher at a time, each after the last (see createForOneProducer): nobody races for `claimed`.
            // Release, so that the writer's and flush's reads of it never run ahead of the slots' own publication.
            seq = claimed.getPlain();
            claimed.setRelease(seq + 1);
        } else {
            seq = claimed.getAndIncrement();
        }
        if (seq - gate.get() >= ring.length) {
            long c = consumed.get();
            if (c > gate.get()) {
                gate.set(c); // racing producers may write an older value: still a lower bound, so still safe
            }
            if (seq - c >= ring.length) {
                awaitRoom(seq);
            }
        }
        return seq;
    }

    /// Waits, after the ring was found full at `seq`, until a quarter of the ring is free beyond it (not merely one
    /// slot), looking again after naps that double from 50 µs up to `longestStallNap`.
    ///
    /// A full ring means the sinks are slower than the producers (behind the audit log, the pool batch's writer thread
    /// needed about as much CPU per call as the three producers together), so what the wait costs is the CPU it takes
    /// from the writer. It used to look again every 50 µs and go on as soon as one slot was free: then every producer
    /// stalled again a few events later (about one stall per 100 events of the batch), and each stall's spins, timed
    /// parks and wake-ups of the writer ran on the two cores the writer needed (the producers' CPU per call behind the
    /// audit log was 2-3 times what it was behind a counting sink). Waiting for a quarter of the ring lets the writer
    /// drain a long run undisturbed, and the producers then fill it in one go. No deadlock: the waiting producer with
    /// the lowest seq waits for the writer to pass `seq - resumeRoom`, below its own seq, and every seq below its own
    /// is published or being filled by a producer that is not waiting. (`stalls()` counts these waits, as before.)
    private void awaitRoom(long seq) {
        stalls.incrementAndGet();
        int resumeAt = ring.length - Math.max(1, ring.length >>> 2);
        int spins = 0;
        long nap = 50_000;
        while (seq - consumed.get() >= resumeAt) {
            if (writerParked) {
                LockSupport.unpark(writer);
            }
            if (++spins < 100) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(nap);
                nap = Math.min(nap * 2, longestStallNap);
            }
        }
    }

    /// Nanoseconds since this bus was created, on its clock: the `t` an event published now would get.
    public long elapsed() {
        return clock.getAsLong() - origin;
    }

    /// How many times a producer had to wait because the ring was full.
    public long stalls() {
        return stalls.get();
    }

    /// Events published so far.
    public long published() {
        return claimed.get();
    }

    /// Waits until every event published before this call has reached the sinks.
    public void flush() {
        long target = claimed.get();
        while (consumed.get() < target && writer.isAlive()) {
            LockSupport.unpark(writer);
            LockSupport.parkNanos(100_000);
        }
        rethrowSinkFailure();
    }

    /// Delivers everything published, calls `onClose` on each sink and stops the writer thread.
    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        LockSupport.unpark(writer);
        boolean interrupted = false;
        while (writer.isAlive()) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                interrupted = true; // finish closing: a half-closed bus would lose the log's tail
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        rethrowSinkFailure();
    }

    private void rethrowSinkFailure() {
        Throwable failure = sinkFailure;
        if (failure != null) {
            throw new IllegalStateException("an event sink failed: " + failure, failure);
        }
    }

    private void drainLoop() {
        long next = 0;
        // The writer's own state, kept in its locals and its own allocation: nothing it writes per event may sit on a
        // cache line that producers read on every publish (the bus's fields), or that line would cross cores per event.
        long lastT = 0;
        Delivery delivery = new Delivery();
        int chaseBatch = Math.min(CHASE_BATCH, ring.length / 2);
        WriterNap nap = new WriterNap(ring.length);
        long haul = 0; // events delivered since the last nap
        long stallsSeen = 0;
        try {
            while (true) {
                int n = 0;
                Slot s;
                while (n < MAX_BATCH && (s = ring[(int) next & mask]).holds(next)) {
                    lastT = Math.max(s.stampedT, lastT);
                    deliver(s, next, lastT, delivery);
                    next++;
                    n++;
                    if ((n & 255) == 0) {
                        consumed.set(next); // free room early so producers stall less on big batches
                    }
                }
                if (n > 0) {
                    haul += n;
                    consumed.set(next);
                    for (EventSink sink : sinks) {
                        sink.onBatchEnd();
                    }
                }
                if (closing) {
                    if (n == 0 && next == claimed.get()) {
                        break;
                    }
                    if (n == 0) {
                        Thread.onSpinWait(); // a producer has claimed a seq and is filling its slot
                    }
                    continue;
                }
                if (n >= chaseBatch) {
                    continue; // a big batch: more has likely come meanwhile
                }
                // The ring ran dry, or nearly: nap rather than chase the producers event by event (see the Overview).
                long stalled = stalls.get();
                long napNanos = nap.next(haul, stalled != stallsSeen);
                stallsSeen = stalled;
                haul = 0;
                writerParked = true;
                if (!closing) {
                    LockSupport.parkNanos(napNanos);
                }
                writerParked = false;
            }
        } catch (Throwable t) {
            sinkFailure = t;
            consumed.set(Long.MAX_VALUE / 2); // release any producer waiting for room: nobody will drain
            return;
        }
        for (EventSink sink : sinks) {
            sink.onClose();
        }
    }

    /// Hands event `seq` to every sink, in the sinks' order: a view of the slot to a sink that reads views, one
    /// `Event` (built only if some sink wants one, and then once) to the others.
    private void deliver(Slot s, long seq, long t, Delivery delivery) {
        EventSink[] all = sinks;
        Event whole = s.takeWhole(seq, t);
        if (whole != null) {
            for (int i = 0; i < all.length; i++) {
                if (readsViews[i]) {
                    all[i].onEventView(whole);
                } else {
                    all[i].onEvent(whole);
                }
            }
            return;
        }
        String value = s.takeValueText();
        if (!anyReadsViews) {
            // Every sink wants an Event: one, built and handed on in a straight line, as before views existed. Kept
            // apart from the mixed case below on purpose: there the event is built lazily (null or built, merged in
            // a loop), which keeps the JIT from eliding it when the sinks inlined here let it go at once (a counting
            // sink: the pool batch to memory allocated 409-425 B per call this way, 857 B through the mixed loop).
            Event e = new Event(seq, t, s.type, s.id, s.attempt, s.group, s.name, s.worker, s.duration, s.errorType,
                    s.errorMessage, value, s.queueDepth);
            for (EventSink sink : all) {
                sink.onEvent(e);
            }
            return;
        }
        Delivery view = delivery.of(s, seq, t, value);
        if (allReadViews) {
            try {
                for (EventSink sink : all) {
                    sink.onEventView(view);
                }
            } finally {
                view.clear();
            }
            return;
        }
        Event built = null;
        try {
            for (int i = 0; i < all.length; i++) {
                if (readsViews[i]) {
                    all[i].onEventView(view);
                } else {
                    if (built == null) {
                        built = view.toEvent();
                    }
                    all[i].onEvent(built);
                }
            }
        } finally {
            view.clear();
        }
    }
}
