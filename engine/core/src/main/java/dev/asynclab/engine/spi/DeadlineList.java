package dev.asynclab.engine.spi;

/// The simulated clock's timeouts: a doubly-linked list kept in (due time, scheduling order), which takes a node in
/// only where its place is a few steps from the tail, and leaves any other to the caller (the heap).
///
/// A timeout is armed as its call starts, for the call's start plus its limit: with one limit, or a few, each is due
/// after almost every timeout armed before it, so its place is at the tail or next to it, and it is linked there,
/// unlinked when its call ends (the common case) and taken from the head when it fires — each in a few steps, with
/// no sift through a heap and no object made. Not thread-safe: the simulation thread owns it. Package-private:
/// `SimulatedScheduler` is its only user.
final class DeadlineList {

    /// How many nodes `offer` steps back from the tail before it gives up: a bound on its cost, whatever the
    /// deadlines. Mixed limits (10 ms calls among 40 ms ones, say) put some deadlines far from the tail; those go to
    /// the heap, which costs what it did before this list.
    static final int MAX_STEPS = 8;

    /// A place in the list; also a heap entry, for a node the list did not take.
    abstract static class Node extends DueQueue.Entry {
        private Node prev;
        private Node next;
        private long due;
        private long order;
        private boolean linked;

        /// Whether it is in a list (rather than in a heap, or nowhere).
        final boolean linked() {
            return linked;
        }
    }

    private Node head;
    private Node tail;
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /// Links `n` (in no list) due at `dueAt`, `seq`-th in scheduling order, if its place in (due, order) order is at
    /// most `MAX_STEPS` nodes before the tail; returns false, leaving `n` out, otherwise.
    boolean offer(Node n, long dueAt, long seq) {
        Node h = head;
        if (size > MAX_STEPS && (dueAt < h.due || dueAt == h.due && seq < h.order)) {
            // Due before every node, so more than MAX_STEPS from the tail: refused without the walk. A scenario's next
            // arrival, due long before any running call's deadline, is one such at every call.
            return false;
        }
        Node after = tail;
        int steps = 0;
        while (after != null && (after.due > dueAt || after.due == dueAt && after.order > seq)) {
            if (++steps > MAX_STEPS) {
                return false;
            }
            after = after.prev;
        }
        n.due = dueAt;
        n.order = seq;
        n.prev = after;
        n.next = after == null ? head : after.next;
        if (n.next == null) {
            tail = n;
        } else {
            n.next.prev = n;
        }
        if (after == null) {
            head = n;
        } else {
            after.next = n;
        }
        n.linked = true;
        size++;
        return true;
    }

    /// The due time of the first node; only when not empty.
    long peekDue() {
        return head.due;
    }

    /// The scheduling order of the first node; only when not empty.
    long peekOrder() {
        return head.order;
    }

    /// Removes and returns the first node, or null when empty.
    Node poll() {
        Node first = head;
        if (first != null) {
            remove(first);
        }
        return first;
    }

    /// Unlinks `n`, which must be in this list.
    void remove(Node n) {
        if (n.prev == null) {
            head = n.next;
        } else {
            n.prev.next = n.next;
        }
        if (n.next == null) {
            tail = n.prev;
        } else {
            n.next.prev = n.prev;
        }
        n.prev = null;
        n.next = null;
        n.linked = false;
        size--;
    }
}
