package dev.asynclab.engine.spi;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

import static org.assertj.core.api.Assertions.assertThat;

/// The rules for holding the stopping of timed-out work, over any clock readings (wrapping ones included): the
/// work waits only while a deadline is due within `GAP`, never past `CAP` after it was first put off, and the
/// thread holding it always wakes by the time it must deliver it.
class StopPacingProperties {

    @Provide
    Arbitrary<Long> origins() {
        return Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.just(Long.MAX_VALUE - 1_000_000));
    }

    @Property(tries = 2_000)
    void holdsOnlyWhileADeadlineIsCloseAndNeverPastTheCap(@ForAll("origins") long origin,
                                                         @ForAll @LongRange(min = 0, max = 5_000_000) long held,
                                                         @ForAll @LongRange(min = -1_000_000, max = 5_000_000) long untilNext) {
        long since = origin;
        long now = origin + held;          // may wrap: readings are compared by their differences
        long next = now + untilNext;
        boolean stop = StopPacing.stopNow(now, since, next);
        if (held >= StopPacing.CAP) {
            assertThat(stop).as("held %d ns", held).isTrue();
        }
        if (untilNext > StopPacing.GAP) {
            assertThat(stop).as("next deadline in %d ns", untilNext).isTrue();
        }
        if (held < StopPacing.CAP && untilNext <= StopPacing.GAP) {
            assertThat(stop).as("held %d ns, next in %d ns", held, untilNext).isFalse();
        }
    }

    @Property(tries = 2_000)
    void wakesByTheNextDeadlineAndByTheCap(@ForAll("origins") long origin,
                                           @ForAll @LongRange(min = -1_000_000, max = 5_000_000) long untilNext) {
        long since = origin;
        long next = since + untilNext;
        long wake = StopPacing.wakeBy(since, next);
        assertThat(wake - next).isLessThanOrEqualTo(0);
        assertThat(wake - (since + StopPacing.CAP)).isLessThanOrEqualTo(0);
        assertThat(wake == next || wake == since + StopPacing.CAP).isTrue();
        // woken then, the work is delivered unless another deadline is close and the cap not reached yet
        if (wake == since + StopPacing.CAP) {
            assertThat(StopPacing.stopNow(wake, since, next)).isTrue();
        }
    }
}
