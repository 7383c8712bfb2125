package dev.asynclab.app.ui.main;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/// The replay header's line while a log is read: events so far, of about how many, and where the heap stops it.
class ReadingProgressTest {

    @Test
    void withoutAnEstimateItCountsOnly() {
        assertThat(ReplayViewModel.reading("a.jsonl", 4_096, 0, 1_000_000)).isEqualTo("reading a.jsonl … 4,096 events");
    }

    @Test
    void aLogThatFitsSaysHowFarAlongTheReadIs() {
        assertThat(ReplayViewModel.reading("a.jsonl", 250_000, 1_000_000, 10_000_000))
                .isEqualTo("reading a.jsonl … 250,000 of about 1,000,000 events (25 %)");
    }

    /// The estimate comes from the file's size and its first lines, so it can be high: the line says what room
    /// the heap has, not that the log will be cut, and counts progress towards whichever comes first.
    @Test
    void aLogEstimatedLargerThanTheHeapSaysWhatRoomThereIs() {
        assertThat(ReplayViewModel.reading("big.jsonl", 5_000_000, 12_000_000, 10_000_000))
                .isEqualTo("reading big.jsonl … 5,000,000 of about 12,000,000 events (50 %); the heap has room for "
                        + "the first 10,000,000");
    }

    @Test
    void progressNeverClaimsToBeDoneBeforeTheEnd() {
        assertThat(ReplayViewModel.reading("a.jsonl", 2_000_000, 1_000_000, 10_000_000)).contains("(99 %)");
    }
}
