package dev.asynclab.engine;

import dev.asynclab.engine.AsyncCallbackResult.Status;
import dev.asynclab.engine.functional.ForwardingScheduler;
import dev.asynclab.engine.spi.RealScheduler;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/// Two of the pool's races (its Overview), each forced into its one bad interleaving through the pool's test seam
/// (`AsyncCallbackPool.Seam`) on real threads, so each runs the same way every time, however loaded the machine:
/// every step waits for a latch the previous step opened, never for time. A latch that is not opened within a
/// minute means the interleaving was not reached at all, and fails the test rather than letting it pass vacuously.
class PoolRaceSeamTest {

    private static final long PATIENCE_SECONDS = 60;

    /// cancelAll's odd epoch. The interleaving a single bump missed: cancelAll (under the lock) bumps the epoch;
    /// the worker then reads it, already bumped, and polls the queued call; cancelAll walks the queue (the call is
    /// gone) and the slots (the worker has not recorded it yet) and returns; the worker records it, reads the epoch
    /// again, unchanged. With one bump the call then ran after `close()` returned; with the odd reading the worker
    /// cancels it itself.
    @Test
    void aCallPolledWhileCancelAllCollectsIsCancelledByItsWorkerAndNeverRuns() throws Exception {
        var bumped = new CountDownLatch(1);
        var polled = new CountDownLatch(1);
        var closeReturned = new CountDownLatch(1);
        var stuck = new AtomicReference<String>();
        var seam = new AsyncCallbackPool.Seam() {
            @Override
            public void cancelAllCollecting() {
                bumped.countDown();
                await(polled, "cancelAll waiting for the worker's poll", stuck);
            }

            @Override
            public void polledWithoutLock(Invocation next) {
                polled.countDown();
                await(closeReturned, "the worker waiting for close() to return", stuck);
            }
        };
        var ran = new AtomicBoolean();
        var pool = AsyncCallbackPool.builder(AsyncCallbackRuntime.builder().build()).size(1).seam(seam).build();
        // The first call holds the only slot until cancelAll has bumped the epoch: its worker reads the epoch after.
        var first = pool.submit(ctx -> {
            await(bumped, "the running call waiting for cancelAll's bump", stuck);
            return "first";
        }, "first", Duration.ofMinutes(5));
        var queued = pool.submit(ctx -> {
            ran.set(true);
            return "queued";
        }, "queued", Duration.ofMinutes(5));
        assertThat(pool.queuedCount()).isEqualTo(1);

        pool.close();
        closeReturned.countDown();

        AsyncCallbackResult result = queued.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        assertThat(stuck.get()).as("a step of the interleaving never came").isNull();
        assertThat(polled.getCount()).as("the worker polled the queued call without the lock").isZero();
        assertThat(result.status()).as("the call the worker polled while cancelAll collected")
                .isEqualTo(Status.CANCELLED);
        assertThat(ran).as("its callback ran after close() returned").isFalse();
        assertThat(first.get(PATIENCE_SECONDS, TimeUnit.SECONDS).status()).isEqualTo(Status.SUCCEEDED);
        assertThat(pool.awaitAll(Duration.ofSeconds(PATIENCE_SECONDS))).isTrue();
        assertThat(pool.completedCount()).isEqualTo(2);
    }

    /// The ending calls' wake-up check. A refused call is counted in under the lock and ended after it: an
    /// `awaitAll` that takes the lock in between sees it outstanding and registers its waiter; only the refused
    /// call, as it ends, can then wake it (nothing is queued or running to look later). Forced here: the submitter
    /// stops between its count and its end until awaitAll has registered and started to wait; the clock's `await`
    /// then lets it end, and records whether that end completed awaitAll's future. (`awaitAll` would still return
    /// true without it, by looking once more when its wait is over: a real clock waits its whole timeout first.)
    @Test
    void aRefusedCallEndingWhileAwaitAllRegistersWakesIt() throws Exception {
        var counted = new CountDownLatch(1);
        var registered = new CountDownLatch(1);
        var submitted = new CountDownLatch(1);
        var stuck = new AtomicReference<String>();
        var wokenByTheEnd = new AtomicReference<Boolean>();
        var clock = new ForwardingScheduler(RealScheduler.shared()) {
            @Override
            public boolean await(Future<?> future, long timeoutNanos) {
                registered.countDown();
                PoolRaceSeamTest.await(submitted, "awaitAll waiting for the refused call to end", stuck);
                // Nothing else can complete it now: nothing is queued or running, and the refused call has ended.
                wokenByTheEnd.compareAndSet(null, future.isDone());
                return future.isDone();
            }
        };
        var seam = new AsyncCallbackPool.Seam() {
            @Override
            public void rejecting(Invocation inv) {
                counted.countDown();
                await(registered, "the submitter waiting for awaitAll to register", stuck);
            }
        };
        var pool = AsyncCallbackPool.builder(AsyncCallbackRuntime.builder().scheduler(clock).build()).size(1)
                .seam(seam).build();
        pool.close(); // every submission from now on is refused, and nothing runs
        var refused = new CompletableFuture<CompletableFuture<AsyncCallbackResult>>();
        Thread submitter = Thread.ofPlatform().start(() -> {
            refused.complete(pool.submit(ctx -> "never", "refused", Duration.ofSeconds(1)));
            submitted.countDown();
        });
        assertThat(counted.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).as("the submitter counted its call in").isTrue();

        boolean quiet = pool.awaitAll(Duration.ofDays(1));
        submitter.join(TimeUnit.SECONDS.toMillis(PATIENCE_SECONDS));

        assertThat(stuck.get()).as("a step of the interleaving never came").isNull();
        assertThat(wokenByTheEnd.get()).as("awaitAll's waiter was woken by the refused call's end").isTrue();
        assertThat(quiet).isTrue();
        assertThat(refused.get(PATIENCE_SECONDS, TimeUnit.SECONDS).get(PATIENCE_SECONDS, TimeUnit.SECONDS).status())
                .isEqualTo(Status.REJECTED);
        assertThat(pool.completedCount()).isEqualTo(1);
    }

    /// Waits for `latch`; if it does not open in time, notes which step never came (read by the test thread: a seam
    /// runs on the pool's threads, where an exception would only break the pool) and goes on.
    private static void await(CountDownLatch latch, String step, AtomicReference<String> stuck) {
        try {
            if (!latch.await(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                stuck.compareAndSet(null, step);
            }
        } catch (InterruptedException e) {
            stuck.compareAndSet(null, step + " (interrupted)");
            Thread.currentThread().interrupt();
        }
    }
}
