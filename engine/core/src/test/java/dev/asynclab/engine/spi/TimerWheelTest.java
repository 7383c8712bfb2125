package dev.asynclab.engine.spi;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class TimerWheelTest {

    /// Every timer not cancelled fires, never early; one whose cancel returned true never fires. Whether a cancel
    /// wins is left to the race: on a loaded machine the timer may fire before the test thread gets to cancel it.
    @Test
    void firesEveryTimerNeverEarlyAndCancelledOnesNever() throws Exception {
        try (var wheel = new TimerWheel("test-timer", 500_000, 64)) {
            int n = 2_000;
            var fired = new java.util.concurrent.atomic.AtomicIntegerArray(n);
            var cancelled = new boolean[n];
            var early = new AtomicInteger();
            var firedCount = new AtomicInteger();
            for (int i = 0; i < n; i++) {
                int index = i;
                long delay = TimeUnit.MICROSECONDS.toNanos(100 + (i % 97) * 500L); // up to ~48 ms: several rotations
                long due = System.nanoTime() + delay;
                var c = wheel.schedule(() -> {
                    if (System.nanoTime() < due) {
                        early.incrementAndGet();
                    }
                    fired.incrementAndGet(index);
                    firedCount.incrementAndGet();
                }, delay);
                if (i % 2 == 1) {
                    cancelled[i] = c.cancel();
                    assertThat(c.cancel()).isFalse();
                }
            }
            int cancels = 0;
            for (boolean b : cancelled) {
                cancels += b ? 1 : 0;
            }
            long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (firedCount.get() < n - cancels && System.nanoTime() < giveUp) {
                Thread.sleep(5);
            }
            Thread.sleep(100); // a cancelled timer that wrongly fired would have done so by now
            for (int i = 0; i < n; i++) {
                assertThat(fired.get(i)).as("timer %d (cancelled: %s)", i, cancelled[i]).isEqualTo(cancelled[i] ? 0 : 1);
            }
            assertThat(early.get()).isZero();
        }
    }

    @Test
    void wakesFromIdleForANewTimer() throws Exception {
        try (var wheel = new TimerWheel("test-timer", 500_000, 64)) {
            var at = new AtomicLong();
            var done = new CountDownLatch(1);
            Thread.sleep(20); // let it go idle
            wheel.schedule(() -> {
                at.set(System.nanoTime());
                done.countDown();
            }, 0);
            assertThat(done.await(1, TimeUnit.MINUTES)).isTrue();
        }
    }

    @Test
    void aFiredTimerCannotBeCancelled() throws Exception {
        try (var wheel = new TimerWheel("test-timer", 500_000, 64)) {
            var done = new CountDownLatch(1);
            var c = wheel.schedule(done::countDown, 1_000_000);
            assertThat(done.await(1, TimeUnit.MINUTES)).isTrue();
            assertThat(c.cancel()).isFalse();
        }
    }

    /// Timeouts due at the same wake-up all fire before any of the work they put off with `afterTick` (stopping
    /// the timed-out threads) runs, and each put-off task runs once. The timers are armed from a timer task, so the
    /// thread drains all of them in one turn however loaded the machine is.
    @Test
    void workPutOffWithAfterTickRunsOnceEveryTimerDueAtTheSameWakeUpHasFired() throws Exception {
        try (var wheel = new TimerWheel("test-timer", 500_000, 64)) {
            int n = 50;
            var order = java.util.Collections.synchronizedList(new java.util.ArrayList<String>());
            var done = new CountDownLatch(n);
            wheel.schedule(() -> {
                long passed = System.nanoTime() - 1;
                for (int i = 0; i < n; i++) {
                    int index = i;
                    wheel.scheduleAt(() -> {
                        order.add("fired " + index);
                        TimerWheel.afterTick(() -> {
                            order.add("stopped " + index);
                            done.countDown();
                        });
                    }, passed);
                }
            }, 0);
            assertThat(done.await(1, TimeUnit.MINUTES)).isTrue();
            assertThat(order).hasSize(2 * n);
            assertThat(order.subList(0, n)).allMatch(e -> e.startsWith("fired "));
            assertThat(order.subList(n, 2 * n)).allMatch(e -> e.startsWith("stopped ")).doesNotHaveDuplicates();
        }
    }

    /// `scheduleAt` keeps the given deadline: never early, and a deadline already passed fires on the next tick.
    @Test
    void scheduleAtFiresAtItsDeadlineNeverEarlyAndAPassedOneAtOnce() throws Exception {
        try (var wheel = new TimerWheel("test-timer", 500_000, 64)) {
            int n = 200;
            var early = new AtomicInteger();
            var done = new CountDownLatch(n + 1);
            for (int i = 0; i < n; i++) {
                long deadline = System.nanoTime() + TimeUnit.MICROSECONDS.toNanos(200 + i * 150L);
                wheel.scheduleAt(() -> {
                    if (System.nanoTime() - deadline < 0) {
                        early.incrementAndGet();
                    }
                    done.countDown();
                }, deadline);
            }
            wheel.scheduleAt(done::countDown, System.nanoTime() - TimeUnit.SECONDS.toNanos(1));
            assertThat(done.await(1, TimeUnit.MINUTES)).isTrue();
            assertThat(early.get()).isZero();
        }
    }

    /// The SPI's default `scheduleAt` (the simulated clock's) runs the task when the clock reads that time.
    @Test
    void theDefaultScheduleAtRunsAtThatTimeOnTheSimulatedClock() {
        var sim = new SimulatedScheduler();
        var ranAt = new java.util.ArrayList<Long>();
        sim.scheduleAt(() -> ranAt.add(sim.nanoTime()), 7_000_000);
        sim.scheduleAt(() -> ranAt.add(sim.nanoTime()), 3_000_000);
        sim.runUntilIdle();
        assertThat(ranAt).containsExactly(3_000_000L, 7_000_000L);
    }
}
