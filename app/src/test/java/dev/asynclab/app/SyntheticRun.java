package dev.asynclab.app;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/// Test data: the event stream of a pool run, made up without the engine (for store, timeline and UI tests and
/// the benchmarks). Arrivals every `gapNanos`, a pool of `lanes` workers with a queue, durations around
/// `meanNanos`, and a mix of outcomes: failures retried up to three attempts, timeouts of which some finish
/// late, cancels and rejections. Deterministic for a seed.
public final class SyntheticRun {

    private final int lanes;
    private final long gapNanos;
    private final long meanNanos;
    private final long seed;

    public SyntheticRun(int lanes, long gapNanos, long meanNanos, long seed) {
        this.lanes = lanes;
        this.gapNanos = gapNanos;
        this.meanNanos = meanNanos;
        this.seed = seed;
    }

    private record Arrival(long t, long group, int attempt, String name) {
    }

    /// About `events` events (a little more: the run finishes its last invocations), in seq order.
    public List<Event> events(int events) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Event> out = new ArrayList<>(events + 64);
        PriorityQueue<Arrival> arrivals = new PriorityQueue<>(Comparator.comparingLong(Arrival::t));
        long[] freeAt = new long[lanes];
        String[] names = {"fetch-user", "load-cart", "price", "recommend"};
        long nextId = 1;
        long arrivalT = 0;
        add(out, Event.of(EventType.RUN_STARTED, 0, 0, 0, null), 0);
        while (out.size() < events) {
            if (arrivals.isEmpty() || arrivals.peek().t() > arrivalT) {
                arrivals.add(new Arrival(arrivalT, 0, 1, names[random.nextInt(names.length)]));
                arrivalT += gapNanos;
            }
            Arrival a = arrivals.poll();
            long id = nextId++;
            long group = a.group() != 0 ? a.group() : (a.name().equals("price") ? id : 0);
            Event base = Event.of(EventType.SUBMITTED, id, a.attempt(), group, a.name());
            add(out, base, a.t());
            if (random.nextDouble() < 0.02) {
                add(out, with(base, EventType.REJECTED).withError("RejectedExecutionException", "queue full"),
                        a.t());
                continue;
            }
            int lane = 0;
            for (int l = 1; l < lanes; l++) {
                if (freeAt[l] < freeAt[lane]) {
                    lane = l;
                }
            }
            long start = Math.max(a.t(), freeAt[lane]);
            if (start > a.t()) {
                add(out, with(base, EventType.QUEUED), a.t());
            }
            String worker = "w" + lane;
            add(out, with(base, EventType.STARTED).withWorker(worker), start);
            long duration = 1 + (long) (meanNanos * -Math.log(1 - random.nextDouble()));
            double roll = random.nextDouble();
            long end = start + duration;
            freeAt[lane] = end;
            if (roll < 0.85) {
                add(out, with(base, EventType.SUCCEEDED).withWorker(worker).withDuration(duration).withValue("ok"),
                        end);
            } else if (roll < 0.91) {
                add(out, with(base, EventType.FAILED).withWorker(worker).withDuration(duration)
                        .withError("IOException", "connection reset"), end);
                if (a.attempt() < 3) {
                    long retryAt = end + meanNanos;
                    add(out, with(base, EventType.RETRY_SCHEDULED), end);
                    arrivals.add(new Arrival(retryAt, group == 0 ? id : group, a.attempt() + 1, a.name()));
                }
            } else if (roll < 0.97) {
                add(out, with(base, EventType.TIMED_OUT).withWorker(worker).withDuration(duration)
                        .withError("TimeoutException", "timed out"), end);
                if (random.nextBoolean()) {
                    long overrun = meanNanos / 2 + random.nextLong(meanNanos);
                    add(out, with(base, EventType.LATE_FINISH).withWorker(worker).withDuration(overrun),
                            end + overrun);
                }
            } else {
                add(out, with(base, EventType.CANCELLED).withWorker(worker).withDuration(duration)
                        .withError("CancellationException", "cancelled"), end);
            }
        }
        add(out, Event.of(EventType.RUN_FINISHED, 0, 0, 0, null), Long.MAX_VALUE / 4);
        // Events were made invocation by invocation; the engine emits them in time order.
        List<Event> sorted = new ArrayList<>(out);
        sorted.sort(Comparator.comparingLong(Event::t));
        long last = sorted.get(sorted.size() - 2).t();
        List<Event> numbered = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            Event e = sorted.get(i);
            numbered.add(e.withSeqAndTime(i, e.type() == EventType.RUN_FINISHED ? last : e.t()));
        }
        return numbered;
    }

    private static Event with(Event base, EventType type) {
        return Event.of(type, base.id(), base.attempt(), base.group(), base.name());
    }

    private static void add(List<Event> out, Event e, long t) {
        out.add(e.withSeqAndTime(-1, t));
    }
}
