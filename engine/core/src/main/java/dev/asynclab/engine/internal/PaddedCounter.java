package dev.asynclab.engine.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/// A counter alone on its cache lines: one writer thread at a time (usually) adds to it, any thread reads it.
///
/// Several counters made one after another, or a counter made beside another object, would otherwise share a
/// 64-byte cache line, and two threads adding to neighbours would take that line from each other at every add
/// (false sharing): the pool's per-slot counts of ended calls, one per worker, are what this is for. The padding is
/// in a superclass and a subclass because the JVM lays a class's own fields out as it likes but always puts a
/// superclass's fields first.
///
/// ```java
/// var ended = new PaddedCounter();
/// ended.increment();
/// long n = ended.get();   // 1
/// ```
public final class PaddedCounter extends PaddedCounterValue {

    @SuppressWarnings("unused") // padding after the value: see the class comment
    private long q0, q1, q2, q3, q4, q5, q6, q7;

    /// Adds one; atomic, so a thread other than the usual writer (a canceller, the timer) may add too.
    public void increment() {
        VALUE.getAndAdd(this, 1L);
    }

    /// The count now (a volatile read).
    public long get() {
        return value;
    }
}

/// The padding before the value.
abstract class PaddedCounterPad {
    @SuppressWarnings("unused")
    private long p0, p1, p2, p3, p4, p5, p6, p7;
}

/// The value, between the two paddings.
abstract class PaddedCounterValue extends PaddedCounterPad {
    static final VarHandle VALUE;

    static {
        try {
            VALUE = MethodHandles.lookup().findVarHandle(PaddedCounterValue.class, "value", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    volatile long value;
}
