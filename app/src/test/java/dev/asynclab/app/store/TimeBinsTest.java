package dev.asynclab.app.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimeBinsTest {

    @Test
    void keepsTheMaximumPerBin() {
        TimeBins bins = new TimeBins();
        bins.max(2_000, 9_000, 3);
        bins.max(5_000, 5_000, 7);
        assertThat(bins.maxOver(0, 1_000)).isZero();
        assertThat(bins.maxOver(0, 4_000)).isEqualTo(3);
        assertThat(bins.maxOver(0, 10_000)).isEqualTo(7);
    }

    @Test
    void coarsensInsteadOfGrowingAndKeepsWhatItHeld() {
        TimeBins bins = new TimeBins();
        bins.max(1_000, 1_000, 5);
        bins.max(3_600_000_000_000L, 3_600_000_000_000L, 2); // an hour in
        assertThat(bins.binNanos()).isGreaterThanOrEqualTo(3_600_000_000_000L / TimeBins.CAPACITY);
        assertThat(bins.maxOver(0, bins.binNanos())).isEqualTo(5);
        assertThat(bins.maxOver(3_500_000_000_000L, 3_700_000_000_000L)).isEqualTo(2);
    }

    @Test
    void theStoreSummarisesEachLane() {
        EventStore store = new EventStore();
        store.append(dev.asynclab.engine.event.Event.of(dev.asynclab.engine.event.EventType.STARTED, 1, 1, 0, "a")
                .withWorker("w0").withSeqAndTime(0, 1_000));
        store.append(dev.asynclab.engine.event.Event.of(dev.asynclab.engine.event.EventType.FAILED, 1, 1, 0, "a")
                .withWorker("w0").withSeqAndTime(1, 50_000));
        assertThat(Outcome.ofNotability(store.lane(0).outcomeSummary().maxOver(0, 100_000)))
                .isEqualTo(Outcome.FAILED);
        assertThat(store.lane(0).openCount()).isZero();
    }
}
