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

/// Arrivals keep their planned times when the timer fires late, as a real one does: lateness never adds up. The
/// one-thread stream (the simulated clock's) fires exactly as the concurrent one, among everything else scheduled.
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
        ArrivalStream.concurrent(timer, origin, times, () -> fired.add(timer.nanoTime() - origin)).start();
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
        var stream = ArrivalStream.concurrent(timer, 0, new long[] {MS, 2 * MS, 3 * MS}, () -> fired.add(timer.nanoTime()));
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

    /// What happened, in order, on a simulated clock running one arrival stream of either kind beside plain timers
    /// (some of them scheduled by the arrivals themselves, as a launch schedules its call's start): "a<i>@<time>" for
    /// arrival i, "t<i>@<time>" for timer i. A `close` at `closeAt` (never when negative) calls the rest off.
    private static List<String> trace(boolean oneThread, long[] times, long[] timers, long[] followUps, long closeAt) {
        var sim = new SimulatedScheduler();
        List<String> seen = new ArrayList<>();
        int[] arrived = {0};
        ArrivalStream[] stream = new ArrivalStream[1];
        Runnable onArrival = () -> {
            int i = arrived[0]++;
            seen.add("a" + i + "@" + sim.nanoTime());
            long after = followUps[i % followUps.length];
            if (after >= 0) {
                sim.schedule(() -> seen.add("f" + i + "@" + sim.nanoTime()), after);
            }
        };
        stream[0] = oneThread ? ArrivalStream.forOneThread(sim, 0, times, onArrival)
                : ArrivalStream.concurrent(sim, 0, times, onArrival);
        for (int i = 0; i < timers.length; i++) {
            int k = i;
            sim.schedule(() -> seen.add("t" + k + "@" + sim.nanoTime()), timers[i]);
        }
        if (closeAt >= 0) {
            sim.schedule(() -> seen.add("closed " + stream[0].close()), closeAt);
        }
        stream[0].start();
        sim.runUntilIdle();
        return seen;
    }

    /// Same times, same order among every other task, same count left at a close: the simulated run's events
    /// depend on this (`PinnedScenarioLogsTest` pins whole runs).
    @Property(tries = 300)
    void theOneThreadStreamFiresAsTheConcurrentOne(
            @ForAll @Size(min = 1, max = 60) List<@LongRange(min = 0, max = 3_000_000) Long> gaps,
            @ForAll @Size(max = 30) List<@LongRange(min = 0, max = 40_000_000) Long> timers,
            @ForAll @Size(min = 1, max = 5) List<@LongRange(min = -1, max = 2_000_000) Long> followUps,
            @ForAll @LongRange(min = -1, max = 60_000_000) long closeAt) {
        long[] times = new long[gaps.size()];
        long t = 0;
        for (int i = 0; i < times.length; i++) {
            t += gaps.get(i);
            times[i] = t;
        }
        long[] plain = timers.stream().mapToLong(Long::longValue).toArray();
        long[] after = followUps.stream().mapToLong(Long::longValue).toArray();

        List<String> oneThread = trace(true, times, plain, after, closeAt);

        assertThat(oneThread).isEqualTo(trace(false, times, plain, after, closeAt));
        long arrived = oneThread.stream().filter(e -> e.startsWith("a")).count();
        long calledOff = oneThread.stream().filter(e -> e.startsWith("closed ")).mapToLong(e -> Long.parseLong(
                e.substring("closed ".length()))).sum();
        assertThat(arrived + calledOff).isEqualTo(times.length); // every arrival either came or was called off
    }

    @Test
    void theOneThreadStreamClosedFromItsOwnArrivalStopsThere() {
        var sim = new SimulatedScheduler();
        List<Long> fired = new ArrayList<>();
        ArrivalStream[] stream = new ArrivalStream[1];
        int[] left = {-1};
        stream[0] = ArrivalStream.forOneThread(sim, 0, new long[] {MS, 2 * MS, 3 * MS}, () -> {
            fired.add(sim.nanoTime());
            if (fired.size() == 2) {
                left[0] = stream[0].close();
            }
        });
        stream[0].start();
        sim.runUntilIdle();

        assertThat(fired).containsExactly(MS, 2 * MS);
        assertThat(left[0]).isEqualTo(1);
        assertThat(sim.pendingTasks()).isZero();
    }
}
