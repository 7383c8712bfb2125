package dev.asynclab.engine.event;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/// The event bus writer's nap, over generated ring sizes and sequences of hauls: it stays between the shortest and
/// the longest nap whatever comes, grows to the longest on an idle bus, never grows after a producer found the ring
/// full, and comes back to the shortest once the hauls are large.
class WriterNapProperties {

    @Property
    void everyNapStaysWithinItsBounds(@ForAll @IntRange(min = 2, max = 1 << 20) int capacity,
                                      @ForAll @Size(max = 200) List<@LongRange(min = 0, max = 1 << 21) Long> hauls,
                                      @ForAll @Size(max = 200) List<Boolean> waited) {
        var nap = new WriterNap(capacity);
        for (int i = 0; i < hauls.size(); i++) {
            long next = nap.next(hauls.get(i), i < waited.size() && waited.get(i));
            assertThat(next).isBetween(WriterNap.SHORTEST_NANOS, WriterNap.LONGEST_NANOS);
        }
    }

    @Property
    void anIdleBusNapsTheLongestAfterAFewEmptyLooks(@ForAll @IntRange(min = 16, max = 1 << 20) int capacity,
                                                    @ForAll @Size(max = 50) List<@LongRange(min = 0, max = 1 << 21) Long> before) {
        var nap = new WriterNap(capacity);
        before.forEach(haul -> nap.next(haul, false));
        long next = 0;
        for (int i = 0; i < 8; i++) { // 200 µs doubled three times reaches the 1 ms cap
            next = nap.next(0, false);
        }
        assertThat(next).isEqualTo(WriterNap.LONGEST_NANOS);
    }

    @Property
    void aProducerThatFoundTheRingFullNeverMakesTheNapLonger(@ForAll @IntRange(min = 2, max = 1 << 20) int capacity,
                                                             @ForAll @Size(max = 50) List<@LongRange(min = 0, max = 1 << 21) Long> before,
                                                             @ForAll @LongRange(min = 0, max = 1 << 21) long haul) {
        var nap = new WriterNap(capacity);
        long last = WriterNap.SHORTEST_NANOS;
        for (long h : before) {
            last = nap.next(h, false);
        }
        long next = nap.next(haul, true);
        assertThat(next).isEqualTo(Math.max(last / 2, WriterNap.SHORTEST_NANOS));
    }

    @Property
    void largeHaulsBringTheNapBackToTheShortest(@ForAll @IntRange(min = 4, max = 1 << 20) int capacity,
                                                @ForAll @Size(max = 50) List<@LongRange(min = 0, max = 1 << 21) Long> before) {
        var nap = new WriterNap(capacity);
        before.forEach(haul -> nap.next(haul, false));
        long large = capacity / 4 + 1;
        long next = 0;
        for (int i = 0; i < 4; i++) {
            next = nap.next(large, false);
        }
        assertThat(next).isEqualTo(WriterNap.SHORTEST_NANOS);
    }

    @Property
    void aHaulInTheMiddleKeepsTheNap(@ForAll @IntRange(min = 64, max = 1 << 20) int capacity,
                                     @ForAll @Size(max = 50) List<@LongRange(min = 0, max = 1 << 21) Long> before) {
        var nap = new WriterNap(capacity);
        long last = WriterNap.SHORTEST_NANOS;
        for (long h : before) {
            last = nap.next(h, false);
        }
        assertThat(nap.next(capacity / 8, false)).isEqualTo(last);
    }
}
