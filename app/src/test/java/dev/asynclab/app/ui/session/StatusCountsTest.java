package dev.asynclab.app.ui.session;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class StatusCountsTest {

    @Test
    void saysHowFarTheViewTrailsOnlyWhenItDoes() {
        StatusCounts caughtUp = new StatusCounts(10, 1, 2, 5, 1, 1, 0, 0, 0, 50_000, 0);
        StatusCounts trailing = new StatusCounts(10, 1, 2, 5, 1, 1, 0, 0, 0, 50_000, 1_234);
        assertThat(caughtUp.describe()).startsWith("submitted 10 · queued 1 · active 2").endsWith("50,000 events/s");
        assertThat(trailing.describe()).endsWith("50,000 events/s · view 1,234 events behind");
    }

    @Test
    void groupsDigitsInThreesAndRoundsRatesHalfUp() {
        StatusCounts c = new StatusCounts(1_234_567, 0, 999, 1_000, 12, 123, 0, 0, 0, 49_999.5, 0);
        assertThat(c.describe()).isEqualTo("submitted 1,234,567 · queued 0 · active 999 · succeeded 1,000"
                + " · failed 12 · timed out 123 · cancelled 0 · rejected 0 · late 0 · 50,000 events/s");
        assertThat(c.abbreviated()).isEqualTo("1,234,567 sub · 0 q · 999 act · 1,000 ok · 12 fail · 123 t/o"
                + " · 0 canc · 0 rej · 0 late · 50,000 ev/s");
        assertThat(StatusCounts.grouped(new StringBuilder(), Long.MIN_VALUE).toString())
                .isEqualTo("-9,223,372,036,854,775,808");
        assertThat(StatusCounts.rate(new StringBuilder(), -0.0).toString()).isEqualTo("-0");
        assertThat(StatusCounts.rate(new StringBuilder(), 0.5).toString()).isEqualTo("1");
        assertThat(StatusCounts.rate(new StringBuilder(), 2.4999).toString()).isEqualTo("2");
    }

    /// The lines written without `String.format` say exactly what the pattern said, for any counts.
    @Property(tries = 300)
    void bothLinesAreWhatTheFormatPatternWrites(@ForAll long submitted, @ForAll int queued, @ForAll int active,
                                                @ForAll @LongRange(min = 0, max = 10_000_000_000L) long succeeded,
                                                @ForAll long failed, @ForAll long timedOut,
                                                @ForAll @LongRange(min = -5, max = 5_000) long cancelled,
                                                @ForAll @DoubleRange(min = -2, max = 1e16) double rate,
                                                @ForAll @IntRange(min = -3, max = 2_000_000) int behind) {
        StatusCounts c = new StatusCounts(submitted, queued, active, succeeded, failed, timedOut, cancelled, 7,
                123_456, rate, behind);
        assertThat(c.describe()).isEqualTo(String.format(Locale.ROOT, "submitted %,d · queued %,d · active %,d"
                        + " · succeeded %,d · failed %,d · timed out %,d · cancelled %,d · rejected %,d · late %,d"
                        + " · %,.0f events/s", submitted, queued, active, succeeded, failed, timedOut, cancelled, 7L,
                123_456L, rate) + (behind > 0 ? String.format(Locale.ROOT, " · view %,d events behind", behind) : ""));
        assertThat(c.abbreviated()).isEqualTo(String.format(Locale.ROOT, "%,d sub · %,d q · %,d act · %,d ok"
                        + " · %,d fail · %,d t/o · %,d canc · %,d rej · %,d late · %,.0f ev/s", submitted, queued,
                active, succeeded, failed, timedOut, cancelled, 7L, 123_456L, rate)
                + (behind > 0 ? String.format(Locale.ROOT, " · %,d behind", behind) : ""));
    }

    @Property(tries = 300)
    void ratesRoundAsThePatternRoundsThem(@ForAll @DoubleRange(min = 0, max = 1e7) double whole,
                                          @ForAll @IntRange(min = 0, max = 3) int half) {
        double rate = Math.floor(whole) + half * 0.25 + (half == 2 ? 0 : 1e-9);
        assertThat(StatusCounts.rate(new StringBuilder(), rate).toString())
                .isEqualTo(String.format(Locale.ROOT, "%,.0f", rate));
    }
}
