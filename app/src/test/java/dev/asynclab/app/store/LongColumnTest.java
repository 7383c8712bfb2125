package dev.asynclab.app.store;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LongColumnTest {

    /// Values near a slowly moving base (as times and indexes are), with now and then a jump of any size,
    /// including the extremes, so chunks get every width and widen at any point.
    @Provide
    Arbitrary<List<Long>> values() {
        Arbitrary<Long> step = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(60, Arbitraries.longs().between(-3, 200)),
                net.jqwik.api.Tuple.of(10, Arbitraries.longs().between(-40_000, 40_000)),
                net.jqwik.api.Tuple.of(5, Arbitraries.longs().between(-3_000_000_000L, 3_000_000_000L)),
                net.jqwik.api.Tuple.of(2, Arbitraries.longs()),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, -1L, 0L)));
        return step.list().ofMinSize(0).ofMaxSize(10_000).map(steps -> {
            List<Long> out = new ArrayList<>(steps.size());
            long v = 0;
            for (long s : steps) {
                v = Math.abs(s) > 3_000_000_000L || s == -1 || s == 0 && out.size() % 7 == 0 ? s : v + s;
                out.add(v);
            }
            return out;
        });
    }

    @Property(tries = 200)
    void readsBackEveryValueAppendedAndSetWhateverTheWidthsTheyNeed(@ForAll("values") List<Long> appended,
            @ForAll("values") List<Long> overwritten, @ForAll @IntRange(min = 1, max = 9_973) int stride) {
        LongColumn column = new LongColumn();
        long[] expected = new long[appended.size()];
        for (int i = 0; i < appended.size(); i++) {
            column.add(appended.get(i));
            expected[i] = appended.get(i);
            // reads in between appends see what is there (the first chunk grows under them)
            int back = i / 2;
            assertThat(column.get(back)).isEqualTo(expected[back]);
        }
        if (expected.length > 0) {
            for (int k = 0; k < overwritten.size(); k++) {
                int i = (int) ((long) k * stride % expected.length);
                column.set(i, overwritten.get(k));
                expected[i] = overwritten.get(k);
            }
        }
        assertThat(column.size()).isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(column.get(i)).as("value %d", i).isEqualTo(expected[i]);
        }
    }

    /// Appends go through the last chunk's cached base, width and array: a set that widens that chunk (or the
    /// first chunk growing) must leave later appends writing into the chunk as it is now, not as it was.
    @Property(tries = 200)
    void appendsAfterSetsIntoTheLastChunkReadBackAsWritten(@ForAll("values") List<Long> appended,
            @ForAll("values") List<Long> overwritten, @ForAll @IntRange(min = 1, max = 50) int every,
            @ForAll @IntRange(min = 0, max = 5_000) int reach) {
        LongColumn column = new LongColumn();
        List<Long> expected = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < appended.size(); i++) {
            column.add(appended.get(i));
            expected.add(appended.get(i));
            if (i % every == 0 && next < overwritten.size()) {
                // mostly into the last chunk, now and then further back
                int at = Math.max(0, expected.size() - 1 - (reach * (i + 1)) % (2 * LongColumn.CHUNK));
                column.set(at, overwritten.get(next));
                expected.set(at, overwritten.get(next++));
            }
        }
        assertThat(column.size()).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(column.get(i)).as("value %d", i).isEqualTo(expected.get(i));
        }
    }

    @Test
    void valuesCloseToTheirChunksFirstTakeAByteOrAShortEach() {
        LongColumn times = new LongColumn();
        LongColumn seqs = new LongColumn();
        for (int i = 0; i < 10 * LongColumn.CHUNK; i++) {
            times.add(1_700_000_000_000_000_000L + i % 100);
            seqs.add(5_000_000_000L + i);
        }
        assertThat(times.payloadBytes()).isEqualTo(10L * LongColumn.CHUNK);
        assertThat(seqs.payloadBytes()).isEqualTo(2 * 10L * LongColumn.CHUNK);
        int last = 10 * LongColumn.CHUNK - 1;
        assertThat(times.get(last)).isEqualTo(1_700_000_000_000_000_000L + last % 100);
    }

    @Test
    void aChunkAfterAWideOneStartsWideAndReadsBackSmallValues() {
        LongColumn column = new LongColumn();
        for (int i = 0; i < LongColumn.CHUNK; i++) {
            column.add(i % 2 == 0 ? 0 : 1_000_000);
        }
        for (int i = 0; i < LongColumn.CHUNK; i++) {
            column.add(i % 3);
        }
        assertThat(column.payloadBytes()).isEqualTo(2 * 4L * LongColumn.CHUNK);
        for (int i = 0; i < LongColumn.CHUNK; i++) {
            assertThat(column.get(LongColumn.CHUNK + i)).isEqualTo(i % 3);
        }
    }

    @Test
    void aFewValuesTakeAFewBytesNotAWholeChunk() {
        LongColumn column = new LongColumn();
        for (int i = 0; i < 20; i++) {
            column.add(i);
        }
        assertThat(column.payloadBytes()).isEqualTo(32);
    }

    @Test
    void anIndexPastTheEndIsRefused() {
        LongColumn column = new LongColumn();
        column.add(1);
        assertThatThrownBy(() -> column.set(1, 2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void anIntColumnReadsBackNegativeAndExtremeInts() {
        IntColumn column = new IntColumn();
        int[] values = {-1, 0, 5, Integer.MAX_VALUE, Integer.MIN_VALUE, -1, 300};
        for (int v : values) {
            column.add(v);
        }
        for (int i = 0; i < values.length; i++) {
            assertThat(column.get(i)).isEqualTo(values[i]);
        }
    }
}
