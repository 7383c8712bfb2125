package dev.asynclab.lab.polyglot;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/// The idle contexts of one language. A call borrows one (or gets a new one when none is idle) and gives it
/// back when done, so contexts follow calls, not threads: this suits virtual threads, which are many and
/// short-lived, where a context per thread would be made and thrown away on every call.
///
/// Most recently returned first, so the warmest context is reused. Broken contexts are closed, not kept.
final class ContextPool {

    private final ScriptLanguage language;
    private final long statementLimit;
    private final int maxIdle;
    private final ConcurrentLinkedDeque<ScriptContext> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger idleCount = new AtomicInteger();
    private final AtomicInteger created = new AtomicInteger();
    private volatile boolean closed;

    ContextPool(ScriptLanguage language, long statementLimit, int maxIdle) {
        this.language = language;
        this.statementLimit = statementLimit;
        this.maxIdle = maxIdle;
    }

    ScriptContext borrow() {
        if (closed) {
            throw new IllegalStateException("the script host is closed");
        }
        ScriptContext context = idle.pollFirst();
        if (context != null) {
            idleCount.decrementAndGet();
            return context;
        }
        created.incrementAndGet();
        return new ScriptContext(language, statementLimit);
    }

    void giveBack(ScriptContext context) {
        if (context.isBroken() || closed) {
            context.close();
            return;
        }
        // Guard against a race with other calls giving back at the same moment: reserve the idle slot first, so
        // the pool never keeps more than maxIdle (the count is raised before the offer and lowered after the poll,
        // so it is never below the deque's size).
        int n;
        do {
            n = idleCount.get();
            if (n >= maxIdle) {
                context.close();
                return;
            }
        } while (!idleCount.compareAndSet(n, n + 1));
        idle.offerFirst(context);
    }

    int idleCount() {
        return idleCount.get();
    }

    int createdCount() {
        return created.get();
    }

    void close() {
        closed = true;
        ScriptContext context;
        while ((context = idle.pollFirst()) != null) {
            idleCount.decrementAndGet();
            context.close();
        }
    }
}
