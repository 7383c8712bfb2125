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
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/// `close` racing a submitter on another thread while every slot is taken (its calls go to the queue): every call
/// still ends exactly once, none starts after `close` returned, and none is left in the queue.
class PoolCloseRaceTest {

    @Test
    void closeRacingSubmitsThatQueueWithoutTheLockLeavesNoCallToRunOrWait() throws Exception {
        for (int round = 0; round < 10; round++) {
            List<Event> events = Collections.synchronizedList(new ArrayList<>());
            var bus = EventBus.create(1 << 14, events::add);
            var runtime = AsyncCallbackRuntime.builder().events(bus).build();
            var pool = AsyncCallbackPool.builder(runtime).size(2).build();
            int total = 3_000;
            List<CompletableFuture<AsyncCallbackResult>> futures =
                    Collections.synchronizedList(new ArrayList<>(total));
            Thread submitter = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < total; i++) {
                    int n = i;
                    futures.add(pool.submit(ctx -> n, "call", Duration.ofSeconds(30)));
                }
            });
            while (futures.size() < 200 + round * 150) {
                Thread.onSpinWait();
            }
            pool.close();
            long publishedAtClose = bus.published();
            submitter.join();
            assertThat(pool.awaitAll(Duration.ofMinutes(1))).isTrue();
            bus.close();

            for (CompletableFuture<AsyncCallbackResult> f : futures) {
                assertThat(f.get(1, TimeUnit.MINUTES).status())
                        .isIn(Status.SUCCEEDED, Status.CANCELLED, Status.REJECTED);
            }
            synchronized (events) {
                for (Event e : events) {
                    if (e.type() == EventType.STARTED) {
                        assertThat(e.seq()).as("a call started after close() returned").isLessThan(publishedAtClose);
                    }
                }
                CallLifecycles.eachCallEndedOnce(events, total);
            }
            assertThat(pool.queuedCount()).isZero();
            assertThat(pool.activeCount()).isZero();
            assertThat(pool.completedCount()).isEqualTo(total);
        }
    }
}
