package dev.asynclab.engine.functional;

import dev.asynclab.engine.AsyncCallbackPool;
import dev.asynclab.engine.AsyncCallbackResult;
import dev.asynclab.engine.AsyncCallbackResult.Status;
import dev.asynclab.engine.AsyncCallbackRuntime;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/// The race any queueing pool must win: a call submitted while the only slot is taken, just as the worker holding
/// it finishes and lets go. Whichever of the two comes second must start the call; a call left in the queue with
/// its slot free would wait for the next submit, which never comes here. (A submit path that queued without the
/// pool's lock, tried in commit 6c4484c and not kept, stranded it at round 218 of 20,000 without its second looks.) The moment of the second submit is swept across
/// the worker's finishing steps by a random spin.
class PoolLastSlotRaceTest {

    @Test
    void aCallQueuedAsTheLastWorkerLetsGoStillRuns() throws Exception {
        var runtime = AsyncCallbackRuntime.builder().build();
        var random = new SplittableRandom(15);
        try (var pool = AsyncCallbackPool.builder(runtime).size(1).build()) {
            for (int round = 0; round < 20_000; round++) {
                var returning = new CountDownLatch(1);
                CompletableFuture<AsyncCallbackResult> first = pool.submit(ctx -> {
                    returning.countDown();
                    return "first";
                }, "first", Duration.ofSeconds(30));
                assertThat(returning.await(1, TimeUnit.MINUTES)).isTrue();
                int spins = random.nextInt(4_000);
                for (int i = 0; i < spins; i++) {
                    Thread.onSpinWait();
                }
                CompletableFuture<AsyncCallbackResult> second = pool.submit(ctx -> "second", "second",
                        Duration.ofSeconds(30));
                try {
                    assertThat(second.get(20, TimeUnit.SECONDS).status()).isEqualTo(Status.SUCCEEDED);
                } catch (TimeoutException stranded) {
                    fail("round " + round + ": the second call was left waiting with its slot free (active "
                            + pool.activeCount() + ", queued " + pool.queuedCount() + ")");
                }
                assertThat(first.join().status()).isEqualTo(Status.SUCCEEDED);
            }
            assertThat(pool.awaitAll(Duration.ofMinutes(1))).isTrue();
        }
    }
}
