package dev.asynclab.engine.polyglot;

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
        // Check-then-add may overshoot maxIdle by a few under a race; the bound is a memory cap, not exact.
        if (context.isBroken() || closed || idleCount.get() >= maxIdle) {
            context.close();
            return;
        }
        idleCount.incrementAndGet();
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
