package dev.asynclab.lab.audit;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class JsonLineEncoderTest {

    @Test
    void writesEveryMagnitudeOfNumberLikeLongToString() {
        long[] samples = {0, 1, 9, 10, 11, 99, 100, 101, 999, 1000, 123_456_789, 9_999_999_999L, 10_000_000_000L,
                999_999_999_999_999_999L, 1_000_000_000_000_000_000L, Long.MAX_VALUE, -1, -10, -100, -987_654_321,
                Long.MIN_VALUE, Long.MIN_VALUE + 1};
        for (long v : samples) {
            var enc = new JsonLineEncoder(64);
            enc.number(v);
            assertThat(new String(enc.buf, 0, enc.pos, StandardCharsets.US_ASCII)).isEqualTo(Long.toString(v));
        }
        for (long v = 1; v > 0 && v < Long.MAX_VALUE / 3; v = v * 3 + 1) {
            for (long w : new long[] {v - 1, v, v + 1}) {
                var enc = new JsonLineEncoder(64);
                enc.number(w);
                assertThat(new String(enc.buf, 0, enc.pos, StandardCharsets.US_ASCII)).isEqualTo(Long.toString(w));
            }
        }
        for (long p = 1; p > 0 && p <= Long.MAX_VALUE / 10; p *= 10) { // every power of ten and its neighbours
            for (long w : new long[] {p - 1, p, p + 1, p * 10 - 1}) {
                var enc = new JsonLineEncoder(64);
                enc.number(w);
                assertThat(new String(enc.buf, 0, enc.pos, StandardCharsets.US_ASCII)).isEqualTo(Long.toString(w));
            }
        }
    }

    /// The eight-digits-at-once path, every length from one to nineteen digits, at any place in the buffer: the
    /// bytes before the number stay as they were, and the number reads as `Long.toString` gives it.
    @Property(tries = 2000)
    void writesAnyNumberLikeLongToStringWhereverItStarts(@ForAll long v, @ForAll @IntRange(max = 19) int digits,
                                                         @ForAll @IntRange(max = 40) int offset) {
        long w = digits == 19 ? v : v % pow10(digits); // spread the lengths: a random long mostly has 18 or 19
        var enc = new JsonLineEncoder(offset + 20 + JsonLineEncoder.SCRATCH);
        for (int i = 0; i < offset; i++) {
            enc.raw((byte) 'x');
        }
        enc.number(w);
        assertThat(new String(enc.buf, 0, enc.pos, StandardCharsets.US_ASCII)).isEqualTo("x".repeat(offset) + w);
    }

    private static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }
}
