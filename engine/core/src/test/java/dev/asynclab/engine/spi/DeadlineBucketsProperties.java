package dev.asynclab.engine.spi;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/// The timer wheel's buckets over generated deadlines, clock steps, removals and wheel shapes, on made-up times (no
/// thread, no sleeping): nothing expires before its deadline, everything not removed expires at the first
/// `expire` at or after its deadline (so nothing is lost, even across many turns of the ring or after a long gap),
/// nothing expires twice, a removed timer never expires, and `nextDeadline` is never later than the earliest
/// deadline within its horizon.
class DeadlineBucketsProperties {

    private static final long TICK = 500_000;

    /// One step of the run: timers added with deadlines this far from now (negative: already passed), every
    /// `removeEvery`-th of the still queued ones removed, then the clock moved on by `advance`.
    record Step(List<Long> offsets, int removeEvery, long advance) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Long> offset = Arbitraries.oneOf(
                Arbitraries.longs().between(-3 * TICK, 3 * TICK),               // around now: the partial bucket
                Arbitraries.longs().between(0, 40 * TICK),                      // within a few turns of a small ring
                Arbitraries.longs().between(0, 60_000 * TICK));                 // a 30 s timeout: many turns
        Arbitrary<Long> advance = Arbitraries.oneOf(
                Arbitraries.longs().between(0, TICK),                           // within a bucket
                Arbitraries.longs().between(0, 30 * TICK),                      // a few buckets
                Arbitraries.longs().between(0, 200_000 * TICK));                // a long gap: more than a turn
        Arbitrary<Step> step = Combinators.combine(offset.list().ofMaxSize(20),
                Arbitraries.integers().between(0, 4), advance).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 300)
    void expiresEachTimerOnceAtTheFirstExpireAtOrAfterItsDeadlineAndNeverARemovedOne(
            @ForAll("steps") List<Step> steps,
            @ForAll @IntRange(min = 1, max = 64) int wheelSize,
            @ForAll @LongRange(min = -1_000_000_000L, max = 1_000_000_000L) long origin,
            @ForAll @LongRange(min = Long.MIN_VALUE / 2, max = Long.MAX_VALUE / 2) long start) {
        var buckets = new DeadlineBuckets(origin, TICK, wheelSize);
        List<DeadlineBuckets.Node> queued = new ArrayList<>();
        Set<DeadlineBuckets.Node> removed = new HashSet<>();
        Set<DeadlineBuckets.Node> expired = new HashSet<>();
        long now = start;
        for (Step s : steps) {
            for (long offset : s.offsets()) {
                var n = new DeadlineBuckets.Node(now + offset);
                buckets.add(n);
                queued.add(n);
            }
            if (s.removeEvery() > 0) {
                for (int i = 0; i < queued.size(); i += s.removeEvery()) {
                    buckets.remove(queued.get(i));
                    removed.add(queued.remove(i));
                }
            }
            assertThat(buckets.size()).isEqualTo(queued.size());
            assertNextDeadlineNotLaterThanTheEarliest(buckets, queued);
            now += s.advance();
            long at = now;
            buckets.expire(at, n -> {
                assertThat(n.deadline - at).as("expired early").isLessThanOrEqualTo(0);
                assertThat(removed).as("a removed timer expired").doesNotContain(n);
                assertThat(expired.add(n)).as("expired twice").isTrue();
            });
            queued.removeIf(expired::contains);
            for (var n : queued) {
                assertThat(n.deadline - at).as("still queued after its deadline").isGreaterThan(0);
                assertThat(n.isQueued()).isTrue();
            }
            assertThat(buckets.size()).isEqualTo(queued.size());
        }
    }

    /// Sleeping until `nextDeadline` never sleeps past a queued timer's deadline.
    private static void assertNextDeadlineNotLaterThanTheEarliest(DeadlineBuckets buckets,
                                                                  List<DeadlineBuckets.Node> queued) {
        long next = buckets.nextDeadline(20);
        for (var n : queued) {
            assertThat(next - n.deadline).as("sleeps past a deadline").isLessThanOrEqualTo(0);
        }
    }

    /// A timer added with a deadline already passed expires at the very next `expire`, whatever was swept before.
    @Property(tries = 200)
    void aPassedDeadlineExpiresAtTheNextExpire(@ForAll @LongRange(min = 0, max = 100_000 * TICK) long first,
                                              @ForAll @LongRange(min = 1, max = 100_000 * TICK) long ago,
                                              @ForAll @IntRange(min = 1, max = 1024) int wheelSize) {
        var buckets = new DeadlineBuckets(0, TICK, wheelSize);
        buckets.expire(first, n -> { });
        var late = new DeadlineBuckets.Node(first - ago);
        buckets.add(late);
        assertThat(buckets.nextDeadline(20)).isEqualTo(first - ago);
        List<DeadlineBuckets.Node> seen = new ArrayList<>();
        assertThat(buckets.expire(first, seen::add)).isOne();
        assertThat(seen).containsExactly(late);
        assertThat(buckets.size()).isZero();
    }

    @Property(tries = 100)
    void nextDeadlineIsTheEarliestWithinTheHorizonOrTheHorizonsEnd(
            @ForAll @Size(min = 1, max = 50) List<@LongRange(min = 1, max = 40 * TICK) Long> offsets) {
        var buckets = new DeadlineBuckets(0, TICK, 64);
        long earliest = Long.MAX_VALUE;
        for (long o : offsets) {
            buckets.add(new DeadlineBuckets.Node(o));
            earliest = Math.min(earliest, o);
        }
        long horizonEnd = 20 * TICK;
        assertThat(buckets.nextDeadline(20)).isEqualTo(earliest < horizonEnd ? earliest : horizonEnd);
    }
}
