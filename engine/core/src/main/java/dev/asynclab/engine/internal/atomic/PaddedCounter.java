package dev.asynclab.engine.internal.atomic;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/// A counter alone on its cache lines: one writer thread at a time (usually) adds to it, any thread reads it.
///
/// Several counters made one after another, or a counter made beside another object, would otherwise share a
/// 64-byte cache line, and two threads adding to neighbours would take that line from each other at every add
/// (false sharing): the pool's count of calls that ended without a slot, and the event bus's `claimed` (every
/// producer's increment), `consumed` (the writer's) and `gate`, which the other core reads at every event. For the
/// bus this was measured on the pool batch (3 producers on 2 cores; a harness of 500,000 trivial calls a round,
/// per-thread CPU, 15 rounds each, the two builds interleaved, load 13-14): CPU per call, medians, submitter 152
/// against 183 ns, workers 277 against 340 ns, the bus's writer 78 against 86 ns, padded and not.
/// 128 bytes on either side, two cache lines, because the adjacent-line prefetcher moves lines in pairs. The
/// padding is in a superclass and a subclass because the JVM lays a class's own fields out as it likes but always
/// puts a superclass's fields first. Each method names its memory semantics.
///
/// ```java
/// var ended = new PaddedCounter();
/// ended.increment();
/// long n = ended.get();   // 1
/// ```
public final class PaddedCounter extends PaddedCounterValue {

    @SuppressWarnings("unused") // padding after the value: see the class comment
    private long q0, q1, q2, q3, q4, q5, q6, q7, q8, q9, q10, q11, q12, q13, q14, q15;

    /// Adds one; atomic, so a thread other than the usual writer (a canceller, the timer) may add too.
    public void increment() {
        VALUE.getAndAdd(this, 1L);
    }

    /// The count now (a volatile read).
    public long get() {
        return value;
    }

    /// Atomic increment (volatile semantics); returns the value before it.
    public long getAndIncrement() {
        return (long) VALUE.getAndAdd(this, 1L);
    }

    /// Volatile write.
    public void set(long next) {
        value = next;
    }

    /// Plain read: for the one thread that writes it, when no other thread writes it meanwhile.
    public long getPlain() {
        return (long) VALUE.get(this);
    }

    /// Release write: the writes before it are seen by a thread that reads this value (volatile or acquire).
    public void setRelease(long next) {
        VALUE.setRelease(this, next);
    }
}

/// The padding before the value.
abstract class PaddedCounterPad {
    @SuppressWarnings("unused")
    private long p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, p13, p14, p15;
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
