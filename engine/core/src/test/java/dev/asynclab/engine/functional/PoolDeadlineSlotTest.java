package dev.asynclab.engine.functional;

import dev.asynclab.engine.CallLifecycles;
import dev.asynclab.engine.AsyncCallbackPool;
import dev.asynclab.engine.AsyncCallbackResult;
import dev.asynclab.engine.AsyncCallbackResult.Status;
import dev.asynclab.engine.AsyncCallbackRuntime;
import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventBus;
import dev.asynclab.engine.event.EventType;
import dev.asynclab.engine.spi.RealScheduler;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/// On the real clock a pool's calls keep their timeouts in their worker slots' deadline slots, one call after
/// another in the same slot: a call stuck past its timeout is always timed out, and never early; a call that
/// finished is never timed out, though the timer scans the slot it finished in.
class PoolDeadlineSlotTest {

    private static final Duration SHORT = Duration.ofMillis(5);
    private static final Duration LONG = Duration.ofSeconds(30);

    @Test
    void aTimeoutOfACallThatStartedIsNeverMissedAndNeverFiresForOneThatFinished() throws Exception {
        for (var mode : RealScheduler.ThreadMode.values()) {
            List<Event> events = new ArrayList<>();
            try (var scheduler = new RealScheduler(mode)) {
                var bus = EventBus.create(1 << 14, events::add);
                var runtime = AsyncCallbackRuntime.builder().scheduler(scheduler).events(bus).build();
                var pool = AsyncCallbackPool.builder(runtime).size(3).build();
                List<CompletableFuture<AsyncCallbackResult>> quick = new ArrayList<>();
                List<CompletableFuture<AsyncCallbackResult>> stuck = new ArrayList<>();
                for (int i = 0; i < 900; i++) {
                    if (i % 3 == 1) {
                        stuck.add(pool.submit(ctx -> {
                            new CountDownLatch(1).await(); // until its timeout interrupts it
                            return "never";
                        }, "stuck", SHORT));
                    } else {
                        int n = i;
                        quick.add(pool.submit(ctx -> n, "quick", LONG));
                    }
                }
                assertThat(pool.awaitAll(Duration.ofMinutes(2))).as(mode + ": the pool got quiet").isTrue();
                bus.close();
                assertThat(quick).allSatisfy(f -> assertThat(f.join().status()).as(mode + ": a finished call")
                        .isEqualTo(Status.SUCCEEDED));
                assertThat(stuck).allSatisfy(f -> {
                    AsyncCallbackResult r = f.join();
                    assertThat(r.status()).as(mode + ": a stuck call").isEqualTo(Status.TIMED_OUT);
                    assertThat(r.executionTime()).as(mode + ": timed out early").isGreaterThanOrEqualTo(SHORT);
                });
            }
            for (Event e : events) {
                assertThat(e.type()).as(mode + ": a stuck call honours its interrupt")
                        .isNotEqualTo(EventType.LATE_FINISH);
            }
            CallLifecycles.eachCallEndedOnce(events, 900);
        }
    }
}
