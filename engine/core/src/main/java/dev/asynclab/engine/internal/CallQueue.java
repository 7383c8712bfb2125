package dev.asynclab.engine.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Consumer;

/// A pool's FIFO queue of waiting calls, the calls themselves being its links (a call extends `CallQueue.Node`): one
/// thread at a time offers, under its owner's lock; any thread polls, without it; a call that ends while it waits is
/// taken out at once (`remove`) and skipped when the polls reach it.
///
/// It replaces a `ConcurrentLinkedQueue`, which made a node per call and, to offer it, CASed that node onto the
/// last one and now and then CASed its tail: the pool offers only under its lock, so one release write links a call
/// here, and no node is made. Its head, which the pollers CAS, is kept off the cache line of its tail, which the
/// offering thread writes at every call (a `ConcurrentLinkedQueue` keeps both in one object).
///
/// ```java
/// final class Call extends CallQueue.Node { }
/// var queue = new CallQueue<Call>();
/// var call = new Call();
/// queue.offer(call);                 // under the owner's lock
/// boolean mine = queue.remove(call); // true: taken out; a poll will skip it
/// Call next = queue.poll();          // null: nothing waits
/// int waiting = queue.size();        // 0
/// ```
public final class CallQueue<N extends CallQueue.Node> extends CallQueueTail {

    /* Overview. A Michael-Scott queue whose consumers alone CAS: `head` is a node already taken (at first a sentinel),
     * the waiting calls follow it by `next`. An offer, one at a time under the owner's lock, sets the last node's
     * `next` with a release write and moves `tail` (a plain field, read and written only under that lock); a poll
     * reads `head` and its `next` (acquire) and CASes `head` forward, so each node is taken by exactly one poller,
     * and a poller that loses the CAS tries again from the new head. The node taken becomes the new head; the old
     * head then links to itself, so that an old node the collector has already moved on does not keep every later
     * call alive through its `next`; a traversal that meets such a self-link starts again from `head`.
     * Counting out: each node moves IN -> OUT once, by CAS (`state`): by the poll that took it, or by `remove` (its
     * call ended while it waited); a poll that loses skips the node (its call has ended), so a poll returns only
     * calls that no one took out.
     * Size without a shared counter: each node carries its place in the order of offers (`seq`, written before it
     * is linked), so the head says how many nodes the polls have passed; what waits is the offers less those, less
     * the removed nodes the polls have not passed yet (`removed` less `skipped`, both counted only when a call ends
     * while it waits). A poll counts nothing: a counter of waiting calls that the offering thread and every poller
     * updated at every call kept its cache line moving between all of them (the pool's `queued`, before). */

    /// A node's state: 0 before it is offered, then IN, then OUT.
    private static final int IN = 1;
    private static final int OUT = 2;

    private static final VarHandle NEXT;
    private static final VarHandle STATE;
    private static final VarHandle HEAD;
    private static final VarHandle OFFERED;

    static {
        try {
            var lookup = MethodHandles.lookup();
            NEXT = lookup.findVarHandle(Node.class, "next", Node.class);
            STATE = lookup.findVarHandle(Node.class, "queueState", int.class);
            HEAD = lookup.findVarHandle(CallQueueHead.class, "head", Node.class);
            OFFERED = lookup.findVarHandle(CallQueueTail.class, "offered", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // padding after the tail
    private long q0, q1, q2, q3, q4, q5, q6, q7;
    /// Nodes taken out by `remove`, and those of them that polls have passed since (each written only when a call
    /// ends while it waits: rarely, and never by the offering thread's or a poll's every call).
    private final java.util.concurrent.atomic.AtomicLong removed = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong skipped = new java.util.concurrent.atomic.AtomicLong();

    /// A link of the queue: what a queued call extends.
    public abstract static class Node {
        @SuppressWarnings("unused") // through NEXT
        private volatile Node next;
        @SuppressWarnings("unused") // through STATE
        private volatile int queueState;
        /// Its place in the order of offers (the first offered is 1, a sentinel 0); written before it is linked.
        private long seq;
    }

    private static final class Sentinel extends Node {
    }

    public CallQueue() {
        Node sentinel = new Sentinel();
        head = sentinel;
        tail = sentinel;
    }

    /// Appends `node`, which was never offered before. Call under the owner's lock: one offer at a time.
    public void offer(N node) {
        long n = offered + 1;
        ((Node) node).seq = n; // plain, as the state: the release write below publishes both with the node
        STATE.set(node, IN);
        // Release: a poller that reads this link (acquire) sees the node's state and the call's fields.
        NEXT.setRelease(tail, node);
        tail = node;
        OFFERED.setRelease(this, n); // read by `size` on any thread
    }

    /// The first waiting call, taken out (its owner counts it out of the waiting calls); null when none waits.
    @SuppressWarnings("unchecked")
    public N poll() {
        while (true) {
            Node h = head;
            Node n = (Node) NEXT.getAcquire(h);
            if (n == null) {
                return null;
            }
            if (n == h) {
                continue; // h was taken and left meanwhile (its self-link): read the new head
            }
            // CAS: another poller may be taking the same node.
            if (HEAD.compareAndSet(this, h, n)) {
                NEXT.setRelease(h, h); // off the queue: see the Overview
                // CAS: `remove` (its call ended while it waited) races for the same node; the loser does not count it.
                if (STATE.compareAndSet(n, IN, OUT)) {
                    return (N) n;
                }
                skipped.incrementAndGet(); // a removed node passed: no longer among the removed ones still linked
            }
        }
    }

    /// Takes `node` out if it still waits (its call ended while it waited); true when this call did (the owner then
    /// counts it out), false when a poll took it first or it was never offered. It stays linked until a poll
    /// passes it.
    public boolean remove(N node) {
        if (STATE.compareAndSet(node, IN, OUT)) {
            removed.incrementAndGet();
            return true;
        }
        return false;
    }

    /// How many calls wait now (offered, neither polled nor removed): a few reads, no walk. Exact when nothing
    /// changes meanwhile; while polls and removals race it, what waited at some moment of the reading, or one more
    /// for a removal whose count is still on its way (never less than 0).
    public int size() {
        long passed = ((Node) HEAD.getVolatile(this)).seq; // nodes the polls have passed, taken or skipped
        long skippedNow = skipped.get(); // after the head: every skip counted here is among the nodes passed
        long removedNow = removed.get();
        long offeredNow = (long) OFFERED.getAcquire(this); // last: every node passed was offered by then
        return (int) Math.max(0, offeredNow - passed - Math.max(0, removedNow - skippedNow));
    }

    /// Calls `action` on each call waiting now (weakly consistent: one taken meanwhile may be seen, or seen twice).
    @SuppressWarnings("unchecked")
    public void forEach(Consumer<? super N> action) {
        Node p = (Node) NEXT.getAcquire((Node) head);
        while (p != null) {
            if ((int) STATE.getVolatile(p) == IN) {
                action.accept((N) p);
            }
            Node next = (Node) NEXT.getAcquire(p);
            p = next == p ? (Node) NEXT.getAcquire((Node) head) : next;
        }
    }
}

/// Padding before the head.
abstract class CallQueuePad {
    @SuppressWarnings("unused")
    private long p0, p1, p2, p3, p4, p5, p6, p7;
}

/// The head, which pollers CAS, on its own line.
abstract class CallQueueHead extends CallQueuePad {
    volatile CallQueue.Node head;
}

/// Padding between the head and the tail.
abstract class CallQueueMiddle extends CallQueueHead {
    @SuppressWarnings("unused")
    private long m0, m1, m2, m3, m4, m5, m6, m7;
}

/// The tail and the count of offers, written only under the owner's lock.
abstract class CallQueueTail extends CallQueueMiddle {
    CallQueue.Node tail;
    /// Nodes offered, ever (through OFFERED: a release write under the lock, read anywhere).
    @SuppressWarnings("unused")
    volatile long offered;
}
