package dev.asynclab.lab.story;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StoryTellerTest {

    @Test
    void aQueuedCallSaysHowLongItWaitedAndWhy() throws Exception {
        RunHistory h = SimulatedRuns.run("""
                name: queue
                pool: { size: 2 }
                callbacks:
                  - name: fetch
                    count: 4
                    arrival: { at: [0ms, 0ms, 0ms, 0ms] }
                    work: { sleep: 40ms }
                    timeout: 1s
                """);
        assertThat(StoryTeller.tell(h, 4).orElseThrow().sentences()).containsExactly(
                "fetch #4 arrived at 0.0 ms.",
                "It waited 40 ms in the queue because both workers were busy; 1 call was ahead of it.",
                "Then it ran on w1 and succeeded after 40 ms.",
                "The caller got its result 80 ms after the call arrived.");
        assertThat(StoryTeller.tell(h, 1).orElseThrow().paragraph()).isEqualTo(
                "fetch #1 arrived at 0.0 ms. It started at once on w0 and succeeded after 40 ms. "
                        + "The caller got its result 40 ms after the call arrived.");
    }

    @Test
    void aRetriedCallIsToldWholeWhicheverAttemptIsAskedAbout() throws Exception {
        RunHistory h = SimulatedRuns.run("""
                name: retry
                pool: { size: 1 }
                callbacks:
                  - name: flaky-db
                    count: 1
                    arrival: { at: [5ms] }
                    work: { sleep: 20ms }
                    timeout: 1s
                    fail: { first: 2, error: IOException, message: connection reset }
                    retry: { attempts: 3, delay: 50ms }
                """);
        var story = StoryTeller.tell(h, 2).orElseThrow();
        assertThat(story.title()).isEqualTo("flaky-db #1");
        assertThat(story.ids()).containsExactly(1L, 2L, 3L);
        assertThat(story.sentences()).containsExactly(
                "flaky-db #1 arrived at 5.0 ms.",
                "Attempt 1 (#1) started at once on w0 and failed after 20 ms with IOException: connection reset.",
                "A retry was scheduled with a 50 ms delay (attempt 2 of 3).",
                "Attempt 2 (#2) started at once on w0 and failed after 20 ms with IOException: connection reset.",
                "A retry was scheduled with a 50 ms delay (attempt 3 of 3).",
                "Attempt 3 (#3) started at once on w0 and succeeded after 20 ms.",
                "The caller got its result after 160 ms; it took 3 attempts.");
    }

    @Test
    void aTimeoutThatRanOnSaysHowLongItHeldItsWorker() throws Exception {
        RunHistory h = SimulatedRuns.run("""
                name: late
                pool: { size: 1 }
                callbacks:
                  - name: stubborn
                    count: 2
                    arrival: { at: [0ms, 10ms] }
                    work: { sleep: 140ms }
                    timeout: 100ms
                    fail: { hang: true }
                """);
        assertThat(StoryTeller.tell(h, 1).orElseThrow().sentences()).containsExactly(
                "stubborn #1 arrived at 0.0 ms.",
                "It started at once on w0 and timed out at its 100 ms limit; the worker was interrupted.",
                "Its callback ignored the interrupt and went on for another 40 ms, holding w0 until 140.0 ms "
                        + "(late finish).",
                "The caller got a timeout 100 ms after the call arrived.");
        assertThat(StoryTeller.tell(h, 2).orElseThrow().sentences()).element(1).isEqualTo(
                "It waited 130 ms in the queue because the only worker was busy; no call was ahead of it.");
    }

    @Test
    void aWaitBehindATimedOutCallSaysTheWorkerWasStillHeld() throws Exception {
        RunHistory h = SimulatedRuns.run("""
                name: late
                pool: { size: 1 }
                callbacks:
                  - name: stubborn
                    count: 2
                    arrival: { at: [0ms, 120ms] }
                    work: { sleep: 200ms }
                    timeout: 100ms
                    fail: { hang: true }
                """);
        assertThat(StoryTeller.tell(h, 2).orElseThrow().sentences()).element(1).isEqualTo(
                "It waited 80 ms in the queue because the only worker was busy (1 of them still running a call "
                        + "past a timeout or cancel); no call was ahead of it.");
    }

    @Test
    void aRejectedCallSaysTheQueueWasFull() throws Exception {
        RunHistory h = SimulatedRuns.run("""
                name: reject
                pool: { size: 2, queue: 1 }
                callbacks:
                  - name: upload
                    count: 4
                    arrival: { at: [0ms, 0ms, 0ms, 0ms] }
                    work: { sleep: 100ms }
                """);
        assertThat(StoryTeller.tell(h, 4).orElseThrow().sentences()).containsExactly(
                "upload #4 arrived at 0.0 ms.",
                "It was turned away at once (rejected): both workers were busy and the queue was full, with 1 call "
                        + "waiting.",
                "The caller got a rejection at once.");
    }

    @Test
    void aRaceMemberSaysWhoWonTheRace() throws Exception {
        RunHistory h = SimulatedRuns.run("""
                name: race
                callbacks:
                  - race:
                      name: data-fetch
                      timeout: 300ms
                      members:
                        - { name: server, work: { sleep: 200ms } }
                        - { name: cache, work: { sleep: 10ms } }
                """);
        assertThat(StoryTeller.tell(h, 1).orElseThrow().sentences()).containsExactly(
                "server #1 arrived at 0.0 ms as one of the 2 members of race data-fetch (group 1).",
                "It started at once on t0 and was cancelled after 10 ms; the worker was interrupted.",
                "The race succeeded after 10 ms, won by cache #2.");
    }

    @Test
    void noStoryForAnIdTheRunNeverHad() throws Exception {
        RunHistory h = SimulatedRuns.run("""
                name: one
                callbacks:
                  - { name: a, work: { sleep: 1ms } }
                """);
        assertThat(StoryTeller.tell(h, 99)).isEmpty();
        assertThat(h.laneLabel("t0")).isEqualTo("t0 · a");
    }
}
