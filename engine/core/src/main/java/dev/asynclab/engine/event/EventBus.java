package dev.asynclab.engine.event;

import dev.asynclab.engine.spi.RealScheduler;

import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/// Carries events from the engine to its sinks: bounded rings that any thread may publish into, and one
/// writer thread that hands them to every sink in batches, in `seq` order.
///
/// Publishing is cheap (one compare-and-set, a few plain stores and one release store into a reused slot; no
/// allocation, no wake-up call) and never drops an event: when its ring is full
/// the producer waits for the writer, and each such wait is counted in `stalls()`. `seq` is gap-free from 0: the
/// order the sinks see. `t` is nanoseconds since the bus was created, on the clock it was given, and never decreases
/// along `seq`. The writer takes events in batches and sleeps between them, so a sink sees an event at most about a
/// millisecond after it was published (`flush()` waits for it).
///
/// Order: one thread's events keep the order it published them in, and an event published after its thread saw
/// another thread's event (it happens after it: a hand-over through a queue, a lock, a future) comes after that
/// event. On the system clock (`create(capacity, sinks)`, `RealScheduler.SYSTEM_CLOCK`) the bus gives each thread a
/// lane of its own and delivers the lanes' events merged by their `t`, so events of threads that raced may come in
/// another order than they were published in (the order of their clock readings); on any other clock, and for
/// `createForOneProducer`, events come in the order they were published (claimed).
///
/// ```java
/// var log = new ArrayList<Event>();
/// try (var bus = EventBus.create(scheduler::nanoTime, 1 << 16, List.of(log::add))) {
///     bus.publish(Event.of(EventType.RUN_STARTED, 0, 0, 0, "demo"));
/// }                                   // close() delivers everything, then calls onClose on each sink
/// ```
public final class EventBus implements AutoCloseable {

    /* Overview: lanes, each a multi-producer, single-consumer ring in the style of the LMAX Disruptor, and one
     * writer thread that merges them (session 16; before, the bus was one such ring, and still is on a clock other
     * than the system clock, see the end).
     *
     * A lane (`Lane`). A producer waits until the writer has freed the slot for its lane's next sequence number (the
     * lane is full when claimed - consumed >= its size), claims that number with a CAS on the lane's `claimed`, then
     * fills the slot's fields with plain writes and publishes them with a release write of the slot's `published`
     * seq. (Room before the claim, unlike the Disruptor's claim then wait: the merge may wait for a claimed slot to
     * be filled, see below, so a producer must never wait for the writer while it holds one. Session 16's first
     * build claimed first, and a pool batch whose submitter shared a lane with a worker deadlocked in its first
     * second.)
     * The writer reads a lane's slots strictly in sequence; a slot whose `published` is not the seq it waits for is
     * "claimed but not yet filled" or "nothing yet". The release write of `published` pairs with the writer's
     * acquire read of it, so the writer sees every field the producer wrote; the writer's volatile write of the
     * lane's `consumed` after it has read a slot happens before a producer that read `consumed` (or `gate`, see
     * below) writes that slot again, so a producer never overwrites fields the writer is still reading. A seq stamp
     * rather than a null check means the writer never has to clear a slot.
     * The slots are made once and reused: a producer builds no object per event (an `Event` of seventeen fields was
     * the largest thing a producer allocated, and in a JFR profile of a pool batch 123 of the submitting thread's
     * 260 samples were on that allocation); the writer builds the `Event` its sinks get, on its own thread, where it
     * is garbage at once — and only for sinks that want one: a sink that reads views is handed a view of the slot
     * (an `EventView`), read in place before `consumed` moves past it, so no producer can refill it while that sink
     * reads.
     * A producer checks room against its lane's `gate`, a cached copy of `consumed`, and reads `consumed` itself (a
     * cache line the writer keeps changing) only when the cached copy says the lane may be full; `gate` is volatile
     * so that the writer's read of a slot, published by its write of `consumed`, happens before a producer that
     * trusted the cache fills that slot again. `claimed`, `consumed` and `gate` each sit alone on their cache lines
     * (`PaddedCounter`), and what the writer changes per event (the clamp's last `t`, the next `seq`, the view it
     * hands sinks, each lane's read position) lives in its own locals, never in fields producers read on every
     * publish: a write there would pull the line from the producer's core per event.
     *
     * Why lanes. On one ring every producer's claim was an atomic add on one shared counter, and every slot line was
     * written on one core and read on the other: in the pool batch (a submitter and two workers on two cores) the
     * events cost the producers 125-250 ns each with the threads running at once, against ~38 ns for one
     * uncontended publish (sessions 13-15: a paired claim, parked producers, a smaller ring and padded slots all
     * measured no gain). A producer now publishes into the lane its thread's id picks (`lane()`): a thread always uses the same
     * lane, so its claim is a CAS on a counter no other producer writes (still atomic: two threads whose ids share a
     * lane are correct, and contend as on one ring; a virtual thread has an id of its own too).
     *
     * The merge, and why it keeps the order the class promises. Each round the writer reads the clock first, W, then
     * (after a full fence: a clock read is no memory access, and nothing else would keep the compiler from reading a
     * lane before it) finds in each lane its run: the published events from its next one up to the first that is
     * not published, or whose `t` is later than W. It delivers the runs merged by `t` (a lane's events in lane
     * order; of the lanes' next events the smallest `t` goes first, ties to the lower lane), numbers them `seq` as it
     * goes and clamps `t` to be non-decreasing. What is left waits for the next round. Why that is enough, with
     * readings of a clock that follows real time and moves between any two readings taken one after the other (the
     * system clock, checked once: `SystemClock`):
     * - One thread's events are in one lane, claimed in the order it published them: delivered in that order.
     * - e1 happens before e2, published by another thread (a hand-over through a queue, a lock, a future between
     *   e1's publish and e2's clock reading, as every engine event is stamped). Then e1's reading t1 < t2. If e2 is
     *   delivered in a round, t2 <= W: e2's reading was taken before W's, so e1 was published before the writer read
     *   the lanes, and it is in its lane's run (or was delivered before), unless an event ahead of it in its lane is
     *   held back. Every event x ahead of e1 in its lane was claimed before e1 was, so x's reading came before e1's
     *   publish: t_x < t2 <= W, so x is not held for its `t`, and the merge takes x and e1 before e2 (all smaller).
     *   But x may be claimed and not yet filled (a thread sharing the lane, preempted between its claim and its
     *   publish): then the writer also looks past x, up to the lane's `claimed` read after W, and lets nothing with
     *   a `t` at or above the smallest published `t` it finds there be delivered this round (`bound`): e1, if it is
     *   there, has t1 < t2, so e2 waits. (Past an event held for its `t` > W nothing can precede a deliverable event:
     *   it was claimed after a reading later than W.)
     * - A producer preempted between its clock reading and its publish publishes an event older than events already
     *   delivered: it comes in a later round, its `t` raised to the last one's, as a late claimer's was on one ring.
     * - flush() and close(): every event published before the call carries a reading taken before it, so not later
     *   than a W the writer reads after it. flush() waits until each lane's `consumed` reaches what the lane had
     *   claimed at the call. A stamp later than the clock (a `publishAt` reading that is not of this clock) waits
     *   until the clock passes it, or until close, which delivers whatever is left whatever its `t`.
     * Clock readings are not ordered by the memory model: the argument is the hardware's (on Linux the vDSO reads the
     * TSC after the loads before it, and a hand-over between two threads takes far longer than one tick of the
     * clock). On any other clock (a simulated clock stands still while a run does many things at one instant; a
     * test's clock may be frozen), or a system clock that can return one reading twice, readings tie and the merge
     * could not tell a cause from its effect: the bus then has one lane, delivers in claim order and reads no W.
     *
     * Timestamps are read before the claim (or handed in by the producer, read a little earlier still: the engine
     * stamps an invocation's events with the readings it takes for its own bookkeeping). The writer drains in batches
     * and sleeps between them rather than chasing the producers: after a batch shorter than CHASE_BATCH it naps
     * (`WriterNap`: 200 µs to 1 ms, longer while it finds little, shorter when a producer found its lane full), so each
     * wake-up finds a batch, the sinks see events at most a nap late, and the writer does not read slot n while a
     * producer fills its neighbour on the same cache line. A producer wakes a napping writer only when its lane is
     * full (awaitRoom); `writerParked` is volatile so that such a producer, reading it after the writer set it, does
     * not skip the unpark a parked writer needs (a producer that read it just before the writer set it sleeps 50 µs
     * and looks again).
     * A result's value whose text cannot change once made (a String, a boxed primitive) travels as the object
     * and becomes text on the writer thread: `toString` was the largest single cost of a trivial callback's
     * SUCCEEDED. Any other value becomes text on the producer's thread, at once, so the log says what the
     * value was when the callback returned. */

    private static final int MAX_BATCH = 4096;
    /// The most events of one lane a round of the merge looks at (`LaneMerge`).
    private static final int LONGEST_RUN = 256;
    /// A batch at least this long (or half a lane) sends the writer straight back for more; a shorter one, to a nap.
    private static final int CHASE_BATCH = 64;
    /// How many lanes a bus on the system clock has (a power of two).
    static final int LANES = 8;
    /// The fewest slots a lane of a many-lane bus has, when the bus's capacity allows.
    private static final int FEWEST_LANE_SLOTS = 1024;

    /// The lanes: one, or LANES on the system clock (see the Overview).
    private final Lane[] lanes;
    /// The capacity asked for, rounded up to a power of two: what the writer's naps are sized by (`WriterNap`).
    private final int capacity;
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
    /// The longest a producer that found its lane full sleeps before looking again: about the time the writer takes
    /// for a sixteenth of the lane at 250 ns an event, between 50 µs and 1 ms (see `awaitRoom`).
    private final long longestStallNap;

    private volatile boolean writerParked;
    private volatile boolean closing;
    private volatile Throwable sinkFailure;

    private EventBus(LongSupplier clock, int capacity, List<EventSink> sinks) {
        this(clock, capacity, sinks, false);
    }

    private EventBus(LongSupplier clock, int capacity, List<EventSink> sinks, boolean oneProducer) {
        this.oneProducer = oneProducer;
        int size = Integer.highestOneBit(Math.max(2, capacity - 1)) << 1;
        int laneCount = !oneProducer && clock == RealScheduler.SYSTEM_CLOCK && SystemClock.MOVES_EVERY_READING
                ? LANES : 1;
        // A lane is what one busy thread fills while the writer naps, or waits for a core: a quarter of the capacity
        // each (lanes of a sixteenth, 4,096 slots, filled 46-74 times a pool batch under load against the one ring's
        // 0.5-3.8, and each stall woke the writer); small capacities, as tests ask for, are each lane's own.
        int laneSize = laneCount == 1 ? size : Math.max(size / 4, Math.min(size, FEWEST_LANE_SLOTS));
        this.lanes = new Lane[laneCount];
        for (int i = 0; i < laneCount; i++) {
            lanes[i] = new Lane(laneSize);
        }
        this.capacity = size;
        this.longestStallNap = Math.clamp(laneSize * 16L, 50_000L, 1_000_000L);
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
    /// power of two). On `RealScheduler.SYSTEM_CLOCK` its events are merged by time from one lane per thread (see
    /// the class's "Order"); on any other clock they come in the order they were published.
    public static EventBus create(LongSupplier clock, int capacity, List<EventSink> sinks) {
        return new EventBus(clock, capacity, sinks);
    }

    /// As `create`, for events published by one thread at a time: each publisher hands over to the next with a
    /// happens-before edge (the next is started by it, or joins it, or takes a lock it released), as on the simulated
    /// clock, whose whole run is one thread. A `seq` is then claimed with a plain increment rather than an atomic one
    /// (one per event; an atomic update measured about 13 ns on this project's 2-core VM), and events come in the
    /// order they were published, whatever the clock. Events published by two threads at once on such a bus may be
    /// lost or delivered twice: a publisher that cannot promise this uses `create`.
    ///
    /// ```java
    /// var sim = new SimulatedScheduler();
    /// var bus = EventBus.createForOneProducer(sim.clock(), 1 << 16, List.of(System.out::println));
    /// ```
    public static EventBus createForOneProducer(LongSupplier clock, int capacity, List<EventSink> sinks) {
        return new EventBus(clock, capacity, sinks, true);
    }

    /// A bus on the system clock (the real scheduler's, `RealScheduler.SYSTEM_CLOCK`): one lane per publishing thread,
    /// merged by time (see the class's "Order").
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
        Lane lane = lane();
        long seq = claim(lane);
        Slot s = lane.slot(seq);
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
        Lane lane = lane();
        long seq = claim(lane);
        lane.slot(seq).fill(t, type, id, attempt, group, name, worker, duration, errorType, errorMessage,
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
        Lane lane = lane();
        long seq = claim(lane);
        lane.slot(seq).fill(t, type, id, attempt, group, name, worker, duration, null, null, carried,
                deferred, -1).publish(seq);
    }

    /// A value whose `toString` is the JDK's own and whose text cannot change after the callback returned it.
    private static boolean hasFixedText(Object value) {
        return value instanceof String || value instanceof Integer || value instanceof Long
                || value instanceof Boolean || value instanceof Double || value instanceof Character
                || value instanceof Short || value instanceof Byte || value instanceof Float;
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

    /// The calling thread's lane (see the Overview: its id picks it, so it is always the same one). The id's higher
    /// bits are folded in: ids a multiple of the lane count apart (a JMH thread, #24, and a pool's virtual worker,
    /// #296) shared a lane by the low bits alone; consecutive ids still get different lanes.
    private Lane lane() {
        Lane[] all = lanes;
        return all.length == 1 ? all[0] : all[laneOf(Thread.currentThread().threadId())];
    }

    /// The lane of a many-lane bus that the thread with id `threadId` publishes into.
    static int laneOf(long threadId) {
        return (int) (threadId ^ (threadId >>> 3) ^ (threadId >>> 6)) & (LANES - 1);
    }

    // No unpark when publishing: waking the writer costs a system call per event. The writer naps for at most
    // WriterNap.LONGEST_NANOS when the lanes run dry, so an event reaches the sinks within that; only a full lane
    // (awaitRoom), flush and close wake it at once.
    private long claim(Lane lane) {
        int size = lane.size();
        if (oneProducer) {
            // One publisher at a time, each after the last (see createForOneProducer): nobody races for `claimed`.
            // Release, so that the writer's and flush's reads of it never run ahead of the slots' own publication.
            long seq = lane.claimed.getPlain();
            if (seq - lane.gate.get() >= size && !hasRoom(lane, seq)) {
                awaitRoom(lane, seq);
            }
            lane.claimed.setRelease(seq + 1);
            return seq;
        }
        while (true) {
            long seq = lane.claimed.get();
            // Room first, then the claim: a producer never waits holding a seq it has not filled (the merge may wait
            // for that slot, see the Overview, and the writer would then wait for the producer that waits for it).
            if (seq - lane.gate.get() >= size && !hasRoom(lane, seq)) {
                awaitRoom(lane, seq);
                continue;
            }
            // CAS: threads whose ids share this lane race for this seq (on a bus of one lane, every thread); a loser
            // looks again, at the next seq and the room for it.
            if (lane.claimed.compareAndSet(seq, seq + 1)) {
                return seq;
            }
        }
    }

    /// True when `lane`'s slot for `seq` is free, by `consumed` itself (the cached `gate` said it might not be).
    private static boolean hasRoom(Lane lane, long seq) {
        long c = lane.consumed.get();
        if (c > lane.gate.get()) {
            lane.gate.set(c); // racing producers may write an older value: still a lower bound, so still safe
        }
        return seq - c < lane.size();
    }

    /// Waits, after `lane` was found full at `seq`, until a quarter of it is free beyond it (not merely one slot),
    /// looking again after naps that double from 50 µs up to `longestStallNap`.
    ///
    /// A full lane means the sinks are slower than the producers (behind the audit log, the pool batch's writer thread
    /// needed about as much CPU per call as the three producers together), so what the wait costs is the CPU it takes
    /// from the writer. It used to look again every 50 µs and go on as soon as one slot was free: then every producer
    /// stalled again a few events later (about one stall per 100 events of the batch), and each stall's spins, timed
    /// parks and wake-ups of the writer ran on the two cores the writer needed (the producers' CPU per call behind the
    /// audit log was 2-3 times what it was behind a counting sink). Waiting for a quarter of the lane lets the writer
    /// drain a long run undisturbed, and the producers then fill it in one go. No deadlock: a waiting producer holds
    /// no seq (it claims once there is room), so every claimed seq is published or being filled by a producer that
    /// waits for nothing, and the writer holds back no event for good (a `t` later than the clock waits until the
    /// clock passes it; an event behind a slot being filled, until it is filled). (`stalls()` counts these waits.)
    private void awaitRoom(Lane lane, long seq) {
        stalls.incrementAndGet();
        int size = lane.size();
        int resumeAt = size - Math.max(1, size >>> 2);
        int spins = 0;
        long nap = 50_000;
        while (seq - lane.consumed.get() >= resumeAt) {
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

    /// How many times a producer had to wait because its lane was full.
    public long stalls() {
        return stalls.get();
    }

    /// Events published so far.
    public long published() {
        long n = 0;
        for (Lane lane : lanes) {
            n += lane.claimed.get();
        }
        return n;
    }

    /// Waits until every event published before this call has reached the sinks.
    public void flush() {
        Lane[] all = lanes;
        long[] target = new long[all.length];
        for (int i = 0; i < all.length; i++) {
            target[i] = all[i].claimed.get();
        }
        for (int i = 0; i < all.length; i++) {
            while (all[i].consumed.get() < target[i] && writer.isAlive()) {
                LockSupport.unpark(writer);
                LockSupport.parkNanos(100_000);
            }
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
        // The writer's own state, kept in its locals and its own allocation: nothing it writes per event may sit on a
        // cache line that producers read on every publish (the bus's and the lanes' fields), or that line would cross
        // cores per event.
        LaneMerge merge = new LaneMerge(lanes, LONGEST_RUN);
        Delivery delivery = new Delivery();
        int chaseBatch = Math.min(CHASE_BATCH, lanes[0].size() / 2);
        // Sized by the whole capacity, as for one ring: the haul counts every lane's events, and naps sized by one
        // lane woke the writer about five times as often in the pool batch.
        WriterNap nap = new WriterNap(capacity);
        long haul = 0; // events delivered since the last nap
        long stallsSeen = 0;
        boolean holdNothing = false; // for one round, while closing: an event stamped later than the clock is left
        try {
            while (true) {
                int n = lanes.length == 1 ? drainOneLane(merge, delivery) : drainMerged(merge, delivery, holdNothing);
                holdNothing = false;
                if (n > 0) {
                    haul += n;
                    merge.freeRoom();
                    for (EventSink sink : sinks) {
                        sink.onBatchEnd();
                    }
                }
                if (closing) {
                    if (n == 0) {
                        if (merge.caughtUp()) {
                            break;
                        }
                        // Left: an event whose producer has claimed its seq and is filling its slot (wait for it), or
                        // one stamped later than the clock (a `publishAt` reading not of this clock: deliver it now,
                        // rather than wait for the clock to pass it).
                        holdNothing = merge.anyStampedAfter(clock.getAsLong() - origin);
                        Thread.onSpinWait();
                    }
                    continue;
                }
                if (n >= chaseBatch) {
                    continue; // a big batch: more has likely come meanwhile
                }
                // The lanes ran dry, or nearly: nap rather than chase the producers event by event (see the Overview).
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
            for (Lane lane : lanes) {
                lane.consumed.set(Long.MAX_VALUE / 2); // release any producer waiting for room: nobody will drain
            }
            return;
        }
        for (EventSink sink : sinks) {
            sink.onClose();
        }
    }

    /// One lane (claim order): every published event in sequence, as the bus had always done.
    private int drainOneLane(LaneMerge merge, Delivery delivery) {
        Lane lane = lanes[0];
        long next = merge.next[0];
        long seq = merge.seq;
        long lastT = merge.lastT;
        int n = 0;
        Slot s;
        try {
            while (n < MAX_BATCH && (s = lane.slot(next)).holds(next)) {
                lastT = Math.max(s.stampedT, lastT);
                deliver(s, seq, lastT, delivery);
                seq++;
                next++;
                n++;
                if ((n & 255) == 0) {
                    lane.consumed.set(next); // free room early so producers stall less on big batches
                }
            }
        } finally {
            merge.next[0] = next;
            merge.seq = seq;
            merge.lastT = lastT;
        }
        return n;
    }

    /// One round of the merge (see the Overview): the clock first, then each lane's run, then the runs by `t`.
    private int drainMerged(LaneMerge merge, Delivery delivery, boolean holdNothing) {
        long w = holdNothing ? Long.MAX_VALUE : clock.getAsLong() - origin;
        // A clock read is no memory access: without a fence the compiler could read a lane before the clock.
        VarHandle.fullFence();
        int active = merge.findRuns(w);
        long bound = merge.bound;
        long seq = merge.seq;
        long lastT = merge.lastT;
        int n = 0;
        try {
            while (active > 0 && n < MAX_BATCH) {
                int at = merge.earliest(active);
                long t = merge.headT[at];
                if (t >= bound) {
                    break; // an event held up behind a slot still being filled may precede this one
                }
                lastT = Math.max(t, lastT);
                deliver(merge.head[at], seq, lastT, delivery);
                seq++;
                n++;
                if (!merge.advance(at)) {
                    if (merge.cutShort(at)) {
                        break; // its lane has more, unread: nothing may pass it this round
                    }
                    active = merge.drop(at, active);
                }
                if ((n & 255) == 0) {
                    merge.freeRoom(); // free room early so producers stall less on big batches
                }
            }
        } finally {
            merge.seq = seq;
            merge.lastT = lastT;
        }
        return n;
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

    /// Whether the system clock moves between any two readings one thread takes one after the other, so that readings
    /// on either side of a hand-over between threads differ (see the Overview): looked at once, over 20,000 readings,
    /// when the first bus on the system clock is made. A clock that repeats a reading (one far coarser than a read
    /// takes: 100 ns steps on some systems) gives that bus one lane.
    static final class SystemClock {
        static final boolean MOVES_EVERY_READING = movesEveryReading();

        private static boolean movesEveryReading() {
            long last = System.nanoTime();
            for (int i = 0; i < 20_000; i++) {
                long now = System.nanoTime();
                if (now <= last) {
                    return false;
                }
                last = now;
            }
            return true;
        }
    }
}
