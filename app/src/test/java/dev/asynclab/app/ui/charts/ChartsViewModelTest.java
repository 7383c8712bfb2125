package dev.asynclab.app.ui.charts;

import dev.asynclab.app.SyntheticRun;
import dev.asynclab.app.store.EventStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChartsViewModelTest {

    @Test
    void theHistogramCountsEveryEndedInvocationAndItsBucketsTileTheLatencies() {
        EventStore store = new EventStore();
        store.appendAll(new SyntheticRun(4, 50_000, 200_000, 9).events(40_000));
        ChartsViewModel charts = new ChartsViewModel();
        charts.refresh(store);

        assertThat(charts.latencyCount()).isEqualTo(store.endedCount());
        var series = charts.histogramData().getSeries(0);
        assertThat(series.getItemCount()).isEqualTo(ChartsViewModel.BUCKETS);
        long[] first = charts.bucketRange(0);
        long[] second = charts.bucketRange(1);
        assertThat(first[0]).isZero();
        assertThat(second[0]).isEqualTo(first[1]);
        assertThat(charts.bucketRange(ChartsViewModel.BUCKETS - 1)[1]).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void overTimeSeriesStayBoundedAndFollowNewEvents() {
        var events = new SyntheticRun(4, 50_000, 200_000, 9).events(60_000);
        EventStore store = new EventStore();
        store.appendAll(events.subList(0, 30_000));
        ChartsViewModel charts = new ChartsViewModel();
        charts.refresh(store);
        int before = charts.throughputData().getSeries(0).getItemCount();
        store.appendAll(events.subList(30_000, events.size()));
        charts.refresh(store);

        assertThat(charts.latencyCount()).isEqualTo(store.endedCount());
        int after = charts.throughputData().getSeries(0).getItemCount();
        assertThat(after).isLessThanOrEqualTo(LatencyWindows.MAX_WINDOWS).isPositive();
        assertThat(before).isPositive();
        assertThat(charts.percentileData().getSeriesCount()).isEqualTo(3);
    }
}
