package dev.asynclab.engine.event;

/// How long the event bus's writer sleeps when the ring has run dry: long enough that each wake-up finds a batch
/// worth the wake-up, short enough that the ring does not fill while it sleeps.
///
/// A nap is a timed park, and on the 2-core VM the park, its timer and the wake-up cost the writer about as much CPU
/// as delivering the events it then found (a `perf` profile of the pool batch, 200 µs naps: the writer thread's
/// samples 9.7 % of the process's in the kernel, 9.0 % in delivering), and an idle bus still woke 5,000 times a
/// second. So the nap follows the haul, the events the writer found since it last woke: a small
/// haul (under a sixteenth of the ring, none at all on an idle bus) doubles the next nap, up to `LONGEST_NANOS`; a
/// large one (over a quarter of the ring), or a producer that found the ring full meanwhile, halves it, down to
/// `SHORTEST_NANOS`. The writer's thread alone uses it.
final class WriterNap {

    /// The shortest nap, and the first: the most an event waits for the sinks while events keep coming.
    static final long SHORTEST_NANOS = 200_000;
    /// The longest nap: the most an event waits for the sinks after a quiet spell.
    static final long LONGEST_NANOS = 1_000_000;

    private final long few;
    private final long many;
    private long nanos = SHORTEST_NANOS;

    /// For a ring of `capacity` slots.
    WriterNap(int capacity) {
        this.few = capacity / 16;
        this.many = capacity / 4;
    }

    /// The next nap, after the writer found `haul` events since its last one, and `producersWaited` if a producer
    /// found the ring full meanwhile.
    long next(long haul, boolean producersWaited) {
        if (producersWaited || haul > many) {
            nanos = Math.max(nanos / 2, SHORTEST_NANOS);
        } else if (haul < few) {
            nanos = Math.min(nanos * 2, LONGEST_NANOS);
        }
        return nanos;
    }
}
