package dev.asynclab.app.feed;

import dev.asynclab.app.SyntheticRun;
import dev.asynclab.app.store.EventStore;
import dev.asynclab.engine.event.Event;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class FxEventFeedTest {

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void manyEventsFromAnotherThreadReachTheFxThreadInFewBatchesInOrder() throws Exception {
        List<Event> events = new SyntheticRun(4, 10_000, 30_000, 3).events(100_000);
        EventStore store = new EventStore();
        AtomicBoolean onFxThread = new AtomicBoolean(true);
        AtomicInteger frames = new AtomicInteger();
        CountDownLatch closed = new CountDownLatch(1);
        FxEventFeed feed = new FxEventFeed(new FeedListener() {
            @Override
            public void onFrame(List<Event> batch) {
                onFxThread.compareAndSet(true, Platform.isFxApplicationThread());
                frames.incrementAndGet();
                store.appendAll(batch);
            }

            @Override
            public void onClosed() {
                closed.countDown();
            }
        });

        Thread writer = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < events.size(); i++) {
                feed.onEvent(events.get(i));
                if (i % 100 == 99) {
                    feed.onBatchEnd();
                }
            }
            feed.onClose();
        });
        writer.join();
        assertThat(closed.await(30, TimeUnit.SECONDS)).isTrue();

        assertThat(onFxThread).isTrue();
        assertThat(store.size()).isEqualTo(events.size());
        assertThat(store.seq(store.size() - 1)).isEqualTo(events.getLast().seq());
        // A hop only when the buffer goes from empty to non-empty: far fewer than the 1,000 batches.
        assertThat(feed.hopCount()).isLessThan(events.size() / 1_000);
        assertThat(frames.get()).isLessThanOrEqualTo((int) feed.frameCount());
    }

    @Test
    void eventsAfterAQuietSpellHopAgain() throws Exception {
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch second = new CountDownLatch(2);
        FxEventFeed feed = new FxEventFeed(batch -> {
            first.countDown();
            second.countDown();
        });
        List<Event> events = new SyntheticRun(1, 10, 10, 1).events(2);
        feed.onEvent(events.get(0));
        assertThat(first.await(10, TimeUnit.SECONDS)).isTrue();
        waitForIdle(feed);
        feed.onEvent(events.get(1));
        assertThat(second.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(feed.hopCount()).isEqualTo(2);
    }

    @Test
    void aSlowListenerGetsTheEventsInFrameSizedSlicesInOrderAndTheCloseLast() throws Exception {
        List<Event> events = new SyntheticRun(2, 1_000, 3_000, 5).events(4_000);
        List<Integer> sizes = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        List<Long> seqs = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        AtomicInteger seenAtClose = new AtomicInteger(-1);
        CountDownLatch closed = new CountDownLatch(1);
        FxEventFeed feed = new FxEventFeed(new FeedListener() {
            @Override
            public void onFrame(List<Event> batch) {
                sizes.add(batch.size());
                for (Event e : batch) {
                    seqs.add(e.seq());
                    long until = System.nanoTime() + 50_000; // 50 µs an event: far more than a frame's worth
                    while (System.nanoTime() < until) {
                        Thread.onSpinWait();
                    }
                }
            }

            @Override
            public void onClosed() {
                seenAtClose.set(seqs.size());
                closed.countDown();
            }
        });
        // First a small run, so the feed learns what an event costs; then a burst far above the budget.
        for (Event e : events.subList(0, 100)) {
            feed.onEvent(e);
        }
        waitForIdle(feed);
        int learned = sizes.size();
        for (Event e : events.subList(100, events.size())) {
            feed.onEvent(e);
        }
        feed.onClose();
        assertThat(closed.await(60, TimeUnit.SECONDS)).isTrue();

        assertThat(seqs).containsExactlyElementsOf(events.stream().map(Event::seq).toList());
        assertThat(seenAtClose.get()).isEqualTo(events.size());
        // 50 µs an event leaves room for 160 in the 8 ms budget: every later drain takes the minimum slice.
        assertThat(sizes.subList(learned, sizes.size())).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(256));
        assertThat(sizes.size() - learned).isGreaterThanOrEqualTo((events.size() - 100) / 256);
        assertThat(feed.backlog()).isZero();
    }

    /// Waits until a frame has found the buffer empty and stopped the timer.
    private static void waitForIdle(FxEventFeed feed) throws Exception {
        for (int i = 0; i < 1000 && !feed.isIdle(); i++) {
            Thread.sleep(5);
        }
        assertThat(feed.isIdle()).isTrue();
    }
}
