package dev.asynclab.engine.spi;

import java.util.function.Consumer;

/// Timers sorted into a ring of buckets by deadline, for one thread: the data structure of `TimerWheel`, without
/// its thread. Adding and removing cost O(1) whatever the deadline (every call arms a 30 s timeout and nearly
/// always removes it again); expiring fires exactly the timers whose deadline has been reached, so none fires
/// early and none waits for the rest of its bucket's span; `nextDeadline` says when the next one is due, so the
/// thread can sleep until that very moment rather than until the next fixed tick. Time comes from the caller:
/// the same code is tested with made-up times.
///
/// ```java
/// var buckets = new DeadlineBuckets(0, 500_000, 64);
/// var t = new DeadlineBuckets.Node(2_000_000);
/// buckets.add(t);
/// buckets.nextDeadline(20);                         // 2_000_000
/// buckets.expire(2_000_000, n -> System.out.println("due " + n.deadline));
/// ```
final class DeadlineBuckets {

    /* Overview. Bucket b holds the timers whose due tick d satisfies d & mask == b; a tick is `tickNanos` of the
     * clock, counted from `origin`, and a timer's due tick is the one its deadline falls in (or the first tick not
     * yet swept, when that one has passed). Timers of later turns of the ring share the bucket and are told apart
     * by their due tick, so nothing is counted down and a bucket may be looked at any number of times. `swept` is
     * the first tick not yet emptied: every tick before it is. `expire(now)` empties each whole tick before the
     * one `now` falls in, then fires from that last, partial tick only the timers whose deadline is at or before
     * `now`. Times are compared by their difference from `origin`, so `System.nanoTime` values that wrap still
     * work. Single-threaded: the owner hands additions and removals over from other threads. */

    /// A timer's place in the buckets; `TimerWheel.Timer` extends it.
    static class Node {
        final long deadline;
        private Node prev;
        private Node next;
        private int bucket = -1;
        private long dueTick;

        Node(long deadline) {
            this.deadline = deadline;
        }

        /// True while it sits in a bucket (added, neither expired nor removed).
        final boolean isQueued() {
            return bucket >= 0;
        }
    }

    private final long origin;
    private final long tickNanos;
    private final Node[] buckets;
    private final int mask;
    private long swept;
    private int size;

    /// `origin`: the clock reading tick 0 starts at; `tickNanos`: the span of one bucket; `wheelSize`: rounded up
    /// to a power of two.
    DeadlineBuckets(long origin, long tickNanos, int wheelSize) {
        if (tickNanos <= 0 || wheelSize < 1) {
            throw new IllegalArgumentException("tickNanos and wheelSize must be positive: " + tickNanos + ", "
                    + wheelSize);
        }
        this.origin = origin;
        this.tickNanos = tickNanos;
        int n = Integer.highestOneBit(Math.max(2, wheelSize - 1)) << 1;
        this.buckets = new Node[n];
        this.mask = n - 1;
    }

    /// How many timers it holds.
    int size() {
        return size;
    }

    /// Adds `node` (which must not be queued already). A deadline already passed is due at the next `expire`.
    void add(Node node) {
        long due = Math.max(tickOf(node.deadline), swept);
        int b = (int) (due & mask);
        node.dueTick = due;
        node.bucket = b;
        node.prev = null;
        node.next = buckets[b];
        if (node.next != null) {
            node.next.prev = node;
        }
        buckets[b] = node;
        size++;
    }

    /// Takes `node` out; nothing when it is not queued (expired, removed, or never added).
    void remove(Node node) {
        if (node.bucket < 0) {
            return;
        }
        if (node.prev != null) {
            node.prev.next = node.next;
        } else {
            buckets[node.bucket] = node.next;
        }
        if (node.next != null) {
            node.next.prev = node.prev;
        }
        node.prev = null;
        node.next = null;
        node.bucket = -1;
        size--;
    }

    /// Takes out every timer whose deadline is at or before `now` and hands each to `action` (in no particular
    /// order). `action` must not add or remove timers itself: `TimerWheel` queues those for its next turn.
    ///
    /// @return how many timers expired
    int expire(long now, Consumer<? super Node> action) {
        long nowTick = tickOf(now);
        int expired = 0;
        if (size == 0) {
            swept = Math.max(swept, nowTick); // nothing to sweep: skip the empty ticks of a long sleep at once
            return 0;
        }
        if (nowTick - swept > buckets.length) {
            // Away for more than a turn of the ring (a starved thread): one pass over every bucket, not one per tick.
            for (int b = 0; b < buckets.length; b++) {
                expired += expireBefore(b, nowTick, action);
            }
            swept = nowTick;
        }
        for (; swept < nowTick; swept++) {
            expired += expireBucket(swept, now, false, action);
        }
        // The tick `now` falls in, partly; or, for a `now` before the first tick not yet swept (a clock read before
        // `origin`), that tick: a deadline already passed when it was added sits there.
        expired += expireBucket(swept, now, true, action);
        return expired;
    }

    /// Fires the timers due in tick `tick` from its bucket; when `partial`, only those with deadline <= `now`.
    private int expireBucket(long tick, long now, boolean partial, Consumer<? super Node> action) {
        int expired = 0;
        Node n = buckets[(int) (tick & mask)];
        while (n != null) {
            Node next = n.next;
            if (n.dueTick == tick && (!partial || n.deadline - now <= 0)) {
                remove(n);
                expired++;
                action.accept(n);
            }
            n = next;
        }
        return expired;
    }

    private int expireBefore(int bucket, long tick, Consumer<? super Node> action) {
        int expired = 0;
        Node n = buckets[bucket];
        while (n != null) {
            Node next = n.next;
            if (n.dueTick < tick) {
                remove(n);
                expired++;
                action.accept(n);
            }
            n = next;
        }
        return expired;
    }

    /// The earliest deadline among the timers due in the next `horizonTicks` ticks (from the first not yet swept);
    /// with none there, the start of the tick just past them. Sleeping until the returned time never misses a
    /// timer, and wakes at most every `horizonTicks` ticks for nothing.
    long nextDeadline(int horizonTicks) {
        for (long t = swept; t < swept + horizonTicks; t++) {
            boolean found = false;
            long earliest = 0;
            for (Node n = buckets[(int) (t & mask)]; n != null; n = n.next) {
                if (n.dueTick == t && (!found || n.deadline - earliest < 0)) {
                    earliest = n.deadline;
                    found = true;
                }
            }
            if (found) {
                return earliest; // a later tick's deadlines all fall later (a passed one sits in tick `swept`)
            }
        }
        return origin + (swept + horizonTicks) * tickNanos;
    }

    private long tickOf(long time) {
        return Math.floorDiv(time - origin, tickNanos);
    }
}
