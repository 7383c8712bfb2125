package dev.asynclab.engine.functional;

import dev.asynclab.engine.CallLifecycles;
import dev.asynclab.engine.AsyncCallbackPool;
import dev.asynclab.engine.AsyncCallbackResult;
import dev.asynclab.engine.AsyncCallbackResult.Status;
import dev.asynclab.engine.AsyncCallbackRuntime;
import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventBus;
import dev.asynclab.engine.event.EventType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/// On real threads, workers take waiting calls from the pool's queue without its lock: nothing is lost or run
/// twice, each call is QUEUED before it is STARTED, and `close` (cancelAll) still stops every call it races with.
class PoolLockFreeQueueTest {

    @Test
    void workersTakingQueuedCallsWithoutTheLockLoseNoneAndStartNoneAfterClose() throws Exception {
        for (int round = 0; round < 12; round++) {
            List<Event> events = new ArrayList<>();
            var bus = EventBus.create(1 << 14, events::add);
            var runtime = AsyncCallbackRuntime.builder().events(bus).build();
            var pool = AsyncCallbackPool.builder(runtime).size(2).build();
            int total = 4_000;
            int closeAt = 500 + round * 300;
            List<CompletableFuture<AsyncCallbackResult>> futures = new ArrayList<>();
            long publishedAtClose = -1;
            for (int i = 0; i < total; i++) {
                if (i == closeAt) {
                    pool.close();
                    publishedAtClose = bus.published();
                }
                int n = i;
                futures.add(pool.submit(ctx -> n, "call", Duration.ofSeconds(30)));
            }
            assertThat(pool.awaitAll(Duration.ofMinutes(1))).isTrue();
            bus.close();

            for (int i = 0; i < total; i++) {
                Status status = futures.get(i).join().status();
                if (i >= closeAt) {
                    assertThat(status).as("submitted after close").isEqualTo(Status.REJECTED);
                } else {
                    assertThat(status).as("submitted before close").isIn(Status.SUCCEEDED, Status.CANCELLED);
                }
            }
            for (Event e : events) {
                if (e.type() == EventType.STARTED) {
                    assertThat(e.seq()).as("a call started after close() returned").isLessThan(publishedAtClose);
                }
            }
            CallLifecycles.startsFollowSubmitOrQueue(events);
            CallLifecycles.eachCallEndedOnce(events, total);
            assertThat(pool.queuedCount()).isZero();
            assertThat(pool.activeCount()).isZero();
            assertThat(pool.completedCount()).isEqualTo(total);
        }
    }
}
