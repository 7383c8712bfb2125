package dev.asynclab.lab.scenario;

import dev.asynclab.engine.spi.Scheduler;
import dev.asynclab.engine.spi.SimulatedScheduler;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;

import static org.assertj.core.api.Assertions.assertThat;

/// Arrivals keep their planned times when the timer fires late, as a real one does: lateness never adds up.
class ArrivalStreamTest {

    private static final long MS = 1_000_000;

    /// A simulated clock whose timer fires every task up to `maxLate` after it was due, like a real timer on a
    /// busy machine; seeded, so a failure replays.
    private static final class LateTimer implements Scheduler {
        private final SimulatedScheduler sim = new SimulatedScheduler();
        private final SplittableRandom random;
        private final long maxLate;

        LateTimer(long maxLate, long seed) {
            this.maxLate = maxLate;
            this.random = new SplittableRandom(seed);
        }

        @Override
        public long nanoTime() {
            return sim.nanoTime();
        }

        @Override
        public Cancellable schedule(Runnable task, long delayNanos) {
            long late = maxLate == 0 ? 0 : random.nextLong(maxLate + 1);
            return sim.schedule(task, Math.max(0, delayNanos) + late);
        }

        @Override
        public Executor workers() {
            return sim.workers();
        }
    }

    private static List<Long> fire(LateTimer timer, long[] times) {
        List<Long> fired = new ArrayList<>();
        long origin = timer.nanoTime();
        new ArrivalStream(timer, origin, times, () -> fired.add(timer.nanoTime() - origin)).start();
        timer.sim.runUntilIdle();
        return fired;
    }

    @Test
    void aTimerLateByOneTickDoesNotSlowTheStream() {
        long[] times = new long[1_000];
        for (int i = 0; i < times.length; i++) {
            times[i] = i * 5 * MS; // 200/s
        }
        LateTimer timer = new LateTimer(MS / 2, 1);

        List<Long> fired = fire(timer, times);

        assertThat(fired).hasSize(1_000);
        // Gaps counted from each late firing would end the stream up to 500 ms (1,000 × 0.5 ms) late.
        assertThat(fired.getLast()).isBetween(times[999], times[999] + MS / 2);
    }

    @Test
    void onTimeTimersFireAtExactlyThePlannedTimes() {
        long[] times = {0, 0, 3 * MS, 3 * MS, 10 * MS};

        assertThat(fire(new LateTimer(0, 1), times)).containsExactly(0L, 0L, 3 * MS, 3 * MS, 10 * MS);
    }

    @Test
    void closingCallsOffWhatIsLeft() {
        LateTimer timer = new LateTimer(0, 1);
        List<Long> fired = new ArrayList<>();
        var stream = new ArrivalStream(timer, 0, new long[] {MS, 2 * MS, 3 * MS}, () -> fired.add(timer.nanoTime()));
        stream.start();
        timer.sim.runUntil(MS);

        assertThat(stream.close()).isEqualTo(2);
        timer.sim.runUntilIdle();
        assertThat(fired).containsExactly(MS);
    }

    /// Whatever the gaps and however late the timer, every arrival fires, in order, never before its planned
    /// time, and late by no more than its own timer's lateness: counted from its planned time, or, when the
    /// previous arrival fired after that (arrivals closer together than the timer is late), from that firing.
    /// So where the gaps are at least the timer's lateness, no arrival is late by more than one lateness.
    @Property(tries = 300)
    void noArrivalIsLateByMoreThanItsOwnTimer(@ForAll @Size(min = 1, max = 200) List<@LongRange(min = 0,
            max = 20_000_000) Long> gaps, @ForAll @LongRange(min = 0, max = 5_000_000) long maxLate,
                                              @ForAll @IntRange(min = 0, max = 1_000) int seed) {
        long[] times = new long[gaps.size()];
        long t = 0;
        for (int i = 0; i < times.length; i++) {
            t += gaps.get(i);
            times[i] = t;
        }

        List<Long> fired = fire(new LateTimer(maxLate, seed), times);

        assertThat(fired).hasSize(times.length).isSorted();
        boolean spreadOut = gaps.stream().skip(1).allMatch(g -> g >= maxLate);
        for (int i = 0; i < times.length; i++) {
            long from = i == 0 ? times[0] : Math.max(times[i], fired.get(i - 1));
            assertThat(fired.get(i)).isBetween(times[i], from + maxLate);
            if (spreadOut) {
                assertThat(fired.get(i)).isLessThanOrEqualTo(times[i] + maxLate);
            }
        }
    }
}
