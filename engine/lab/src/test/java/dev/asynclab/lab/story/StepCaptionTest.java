package dev.asynclab.lab.story;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StepCaptionTest {

    private static Event first(RunHistory h, EventType type, long id) {
        return h.events().stream().filter(e -> e.type() == type && e.id() == id).findFirst().orElseThrow();
    }

    @Test
    void aTimeoutCaptionNamesTheLimitTheInterruptAndTheLateFinish() throws Exception {
        RunHistory h = SimulatedRuns.run("""
                name: late
                pool: { size: 3 }
                callbacks:
                  - name: fetch-user
                    count: 3
                    arrival: { at: [0ms, 0ms, 2ms] }
                    work: { sleep: 140ms }
                    timeout: 10ms
                    fail: { hang: true }
                """);
        assertThat(StepCaption.of(h, first(h, EventType.TIMED_OUT, 3))).isEqualTo(
                "12.0 ms — fetch-user #3 timed out after its 10 ms limit; its worker w2 was interrupted; the work "
                        + "went on for 130 ms (late finish)");
        assertThat(StepCaption.of(h, first(h, EventType.LATE_FINISH, 3))).isEqualTo(
                "142.0 ms — fetch-user #3 finally returned on w2, 130 ms after the caller stopped waiting (late "
                        + "finish); w2 is free again");
    }

    @Test
    void queueRetryAndGroupCaptionsSayWhatHappened() throws Exception {
        RunHistory h = SimulatedRuns.run("""
                name: retry
                pool: { size: 1 }
                callbacks:
                  - name: flaky
                    count: 2
                    arrival: { at: [0ms, 0ms] }
                    work: { sleep: 20ms }
                    timeout: 1s
                    fail: { first: 1, error: IOException, message: reset }
                    retry: { attempts: 2, delay: 5ms }
                """);
        assertThat(StepCaption.of(h, first(h, EventType.QUEUED, 2))).isEqualTo(
                "0.0 ms — flaky #2 joined the queue: the only worker was busy; no call was ahead of it");
        assertThat(StepCaption.of(h, first(h, EventType.FAILED, 1))).isEqualTo(
                "20.0 ms — flaky #1 failed with IOException: reset after 20 ms on w0");
        assertThat(StepCaption.of(h, first(h, EventType.RETRY_SCHEDULED, 1))).isEqualTo(
                "20.0 ms — flaky #1 will be tried again in 5 ms (attempt 2 of 2)");
        assertThat(StepCaption.of(h, first(h, EventType.STARTED, 2))).isEqualTo(
                "20.0 ms — flaky #2 started on w0 after waiting 20 ms in the queue");
        Event groupEnd = h.events().stream().filter(e -> e.type() == EventType.GROUP_FINISHED).findFirst()
                .orElseThrow();
        assertThat(StepCaption.what(h, groupEnd)).isEqualTo("the retries of flaky (group 1) succeeded after 60 ms");
    }

    @Test
    void spokenDurationsDropZerosThatSayNothing() {
        assertThat(Spoken.duration(40_000_000)).isEqualTo("40 ms");
        assertThat(Spoken.duration(53_124_117)).isEqualTo("53.1 ms");
        assertThat(Spoken.duration(2_400_000_000L)).isEqualTo("2.4 s");
        assertThat(Spoken.duration(1_500)).isEqualTo("1.5 µs");
        assertThat(Spoken.moment(12_000_000)).isEqualTo("12.0 ms");
        assertThat(Spoken.moment(1_250_000_000)).isEqualTo("1.250 s");
        assertThat(Spoken.count(1, "call")).isEqualTo("1 call");
    }
}
