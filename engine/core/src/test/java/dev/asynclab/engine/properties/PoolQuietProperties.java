package dev.asynclab.engine.properties;

import dev.asynclab.engine.AsyncCallbackPool;
import dev.asynclab.engine.AsyncCallbackResult;
import dev.asynclab.engine.AsyncCallbackResult.Status;
import dev.asynclab.engine.AsyncCallbackRuntime;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/// The pool's count of ended calls, kept per worker slot rather than in one shared counter, on real threads: calls
/// ended by their worker, by a canceller, by the timer thread (a timeout) and by a full queue are each counted once,
/// `completedCount` adds them all up, and `awaitAll` started while the last calls end is woken by them rather than
/// missing its wake-up (it would then wait out its day-long timeout, and the preemptive minute fails the try).
class PoolQuietProperties {

    @Property(tries = 30)
    void everyEndIsCountedOnceAndAwaitAllWakesWhenTheLastCallEnds(
            @ForAll @IntRange(min = 1, max = 3) int size,
            @ForAll @IntRange(min = -1, max = 60) int queueCapacity,
            @ForAll @IntRange(min = 1, max = 300) int calls,
            @ForAll @IntRange(min = 0, max = 5) int cancelEvery,
            @ForAll @IntRange(min = 0, max = 9) int timeoutEvery) throws Exception {
        var runtime = AsyncCallbackRuntime.builder().build();
        List<CompletableFuture<AsyncCallbackResult>> futures = new ArrayList<>();
        try (var pool = AsyncCallbackPool.builder(runtime).size(size).queueCapacity(queueCapacity).build()) {
            for (int i = 0; i < calls; i++) {
                boolean timesOut = timeoutEvery > 0 && i % timeoutEvery == 0;
                var f = timesOut
                        ? pool.submit(ctx -> {
                            ctx.sleep(Duration.ofSeconds(5)); // cut short by its 1 ms timeout: the timer thread ends it
                            return "late";
                        }, "slow", Duration.ofMillis(1))
                        : pool.submit(ctx -> 1, "quick", Duration.ofSeconds(30));
                if (cancelEvery > 0 && i % cancelEvery == 1) {
                    f.cancel(true); // from this thread: queued, running or already ended
                }
                futures.add(f);
            }
            assertTimeoutPreemptively(Duration.ofMinutes(1),
                    () -> assertThat(pool.awaitAll(Duration.ofDays(1))).as("woken when the last call ended").isTrue());
            assertThat(pool.completedCount()).isEqualTo(calls);
            assertThat(pool.activeCount()).isZero();
            assertThat(pool.queuedCount()).isZero();
        }
        Map<Status, Integer> byStatus = new EnumMap<>(Status.class);
        for (var f : futures) {
            byStatus.merge(f.get(1, TimeUnit.MINUTES).status(), 1, Integer::sum);
        }
        assertThat(byStatus.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(calls);
        if (queueCapacity < 0) {
            assertThat(byStatus).doesNotContainKey(Status.REJECTED);
        }
    }
}
