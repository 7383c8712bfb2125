package dev.asynclab.app.ui.charts;

import dev.asynclab.app.SyntheticRun;
import dev.asynclab.app.store.EventStore;
import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChartsViewModelTest {

    @Test
    void theHistogramCountsEveryEndedAttemptButTheRejectedAndItsBucketsTileTheLatencies() {
        EventStore store = new EventStore();
        store.appendAll(new SyntheticRun(4, 50_000, 200_000, 9).events(40_000));
        ChartsViewModel charts = new ChartsViewModel();
        charts.refresh(store);

        long rejected = store.count(EventType.REJECTED);
        assertThat(rejected).as("the synthetic run has rejections").isPositive();
        assertThat(charts.rejectedProperty().get()).isEqualTo(rejected);
        assertThat(charts.latencyCount()).isEqualTo(store.endedCount() - rejected);
        double inBars = 0;
        for (int b = 0; b < charts.histogramData().getSeries(0).getItemCount(); b++) {
            inBars += charts.histogramData().getSeries(0).getY(b).doubleValue();
        }
        assertThat(inBars).as("the bars hold every latency but the rejections").isEqualTo(store.endedCount() - rejected);
        assertThat(charts.rejectedNoteProperty().get()).contains(String.format("%,d rejected", rejected));
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

        assertThat(charts.latencyCount()).isEqualTo(store.endedCount() - store.count(EventType.REJECTED));
        int after = charts.throughputData().getSeries(0).getItemCount();
        assertThat(after).isLessThanOrEqualTo(LatencyWindows.MAX_WINDOWS).isPositive();
        assertThat(before).isPositive();
        assertThat(charts.percentileData().getSeriesCount()).isEqualTo(3);
    }

    @Test
    void takingInBetweenRedrawsChangesNoSeriesAndTheRedrawShowsWhatOneRefreshWould() {
        var events = new SyntheticRun(4, 50_000, 200_000, 9).events(40_000);
        EventStore store = new EventStore();
        store.appendAll(events.subList(0, 10_000));
        ChartsViewModel charts = new ChartsViewModel();
        charts.refresh(store);
        String shown = everySeries(charts);
        long rejectedShown = charts.rejectedProperty().get();
        for (int from = 10_000; from < events.size(); from += 5_000) {
            store.appendAll(events.subList(from, Math.min(events.size(), from + 5_000)));
            charts.takeIn(store);
        }
        assertThat(everySeries(charts)).as("a frame between redraws leaves every chart as it was").isEqualTo(shown);
        assertThat(charts.rejectedProperty().get()).isEqualTo(rejectedShown);
        assertThat(rejectedShown).isLessThan(store.count(EventType.REJECTED));

        charts.refresh(store);
        ChartsViewModel whole = new ChartsViewModel();
        whole.refresh(store);
        assertThat(everySeries(charts)).isEqualTo(everySeries(whole));
        assertThat(charts.rejectedProperty().get()).isEqualTo(store.count(EventType.REJECTED));
    }

    /// However a live run's batches fall between frames that take in and frames that redraw, the charts end
    /// showing what one refresh of the whole store shows: no latency is counted twice or lost.
    @Property(tries = 40)
    void anyMixOfTakeInsAndRefreshesEndsAsOneRefresh(
            @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 1, max = 4_000) Integer> batches,
            @ForAll @Size(min = 12, max = 12) List<Boolean> redraws) {
        List<Event> events = SAMPLE_RUN;
        EventStore store = new EventStore();
        ChartsViewModel charts = new ChartsViewModel();
        int from = 0;
        for (int i = 0; i < batches.size() && from < events.size(); i++) {
            int to = Math.min(events.size(), from + batches.get(i));
            store.appendAll(events.subList(from, to));
            from = to;
            if (redraws.get(i)) {
                charts.refresh(store);
            } else {
                charts.takeIn(store);
            }
        }
        charts.refresh(store);
        ChartsViewModel whole = new ChartsViewModel();
        whole.refresh(store);
        assertThat(everySeries(charts)).isEqualTo(everySeries(whole));
        assertThat(charts.latencyCount()).isEqualTo(whole.latencyCount());
        assertThat(charts.rejectedProperty().get()).isEqualTo(whole.rejectedProperty().get());
    }

    private static final List<Event> SAMPLE_RUN = new SyntheticRun(4, 50_000, 200_000, 9).events(20_000);

    /// Every point of every chart's series, as text.
    private static String everySeries(ChartsViewModel charts) {
        StringBuilder all = new StringBuilder();
        for (XYSeriesCollection data : List.of(charts.histogramData(), charts.percentileData(), charts.loadData(),
                charts.throughputData())) {
            for (int s = 0; s < data.getSeriesCount(); s++) {
                var series = data.getSeries(s);
                all.append(series.getKey()).append(':');
                for (int i = 0; i < series.getItemCount(); i++) {
                    all.append(' ').append(series.getX(i)).append('=').append(series.getY(i));
                }
                all.append('\n');
            }
        }
        return all.toString();
    }

    /// A call retried once (100 ms, a 50 ms pause, 50 ms), a plain call (30 ms) and a rejected one.
    private static EventStore retriedPlainAndRejected() {
        long ms = 1_000_000;
        List<Event> events = new ArrayList<>();
        events.add(at(0, Event.groupStarted(10, "fetch", "retry", 0)));
        events.add(at(0, Event.of(EventType.SUBMITTED, 1, 1, 10, "fetch")));
        events.add(at(0, Event.of(EventType.STARTED, 1, 1, 10, "fetch").withWorker("w0")));
        events.add(at(0, Event.of(EventType.SUBMITTED, 3, 1, 0, "plain")));
        events.add(at(0, Event.of(EventType.STARTED, 3, 1, 0, "plain").withWorker("w1")));
        events.add(at(5 * ms, Event.of(EventType.SUBMITTED, 4, 1, 0, "plain")));
        events.add(at(5 * ms, Event.of(EventType.REJECTED, 4, 1, 0, "plain")));
        events.add(at(30 * ms, Event.of(EventType.SUCCEEDED, 3, 1, 0, "plain").withWorker("w1")));
        events.add(at(100 * ms, Event.of(EventType.FAILED, 1, 1, 10, "fetch").withWorker("w0")));
        events.add(at(100 * ms, Event.of(EventType.RETRY_SCHEDULED, 1, 1, 10, "fetch")));
        events.add(at(150 * ms, Event.of(EventType.SUBMITTED, 2, 2, 10, "fetch")));
        events.add(at(150 * ms, Event.of(EventType.STARTED, 2, 2, 10, "fetch").withWorker("w0")));
        events.add(at(200 * ms, Event.of(EventType.SUCCEEDED, 2, 2, 10, "fetch").withWorker("w0")));
        events.add(at(200 * ms, new Event(-1, -1, EventType.GROUP_FINISHED, 0, 0, 10, "fetch", null, 200 * ms, null,
                null, "SUCCEEDED", -1)));
        EventStore store = new EventStore();
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            store.append(new Event(i, e.t(), e.type(), e.id(), e.attempt(), e.group(), e.name(), e.worker(),
                    e.duration(), e.errorType(), e.errorMessage(), e.value(), e.queueDepth(), e.kind(),
                    e.parentGroup(), e.seed(), e.poolSize()));
        }
        return store;
    }

    private static Event at(long t, Event e) {
        return new Event(-1, t, e.type(), e.id(), e.attempt(), e.group(), e.name(), e.worker(), e.duration(),
                e.errorType(), e.errorMessage(), e.value(), e.queueDepth(), e.kind(), e.parentGroup(), e.seed(),
                e.poolSize());
    }

    @Test
    void perAttemptEachAttemptCountsFromItsOwnSubmission() {
        ChartsViewModel charts = new ChartsViewModel();
        charts.refresh(retriedPlainAndRejected());

        assertThat(charts.latencyCount()).isEqualTo(3); // 100 ms, 50 ms, 30 ms
        assertThat(charts.rejectedProperty().get()).isEqualTo(1);
        assertThat(charts.histogramTitleProperty().get()).isEqualTo("Latency of attempts");
    }

    @Test
    void endToEndACallCountsOnceFromItsFirstSubmissionToItsCallersResult() {
        ChartsViewModel charts = new ChartsViewModel();
        EventStore store = retriedPlainAndRejected();
        charts.refresh(store);
        charts.measureProperty().set(LatencyMeasure.CALLS);

        assertThat(charts.latencyCount()).as("the retried call once, the plain call once").isEqualTo(2);
        assertThat(charts.rejectedProperty().get()).isEqualTo(1);
        assertThat(charts.histogramTitleProperty().get()).isEqualTo("Latency of calls");
        var bars = charts.histogramData().getSeries(0);
        int last = -1;
        for (int b = 0; b < bars.getItemCount(); b++) {
            if (bars.getY(b).doubleValue() > 0) {
                last = b;
            }
        }
        long[] range = charts.bucketRange(last);
        assertThat(range[0]).as("the slowest call took 200 ms, retry pause included").isLessThanOrEqualTo(200_000_000L);
        assertThat(range[1]).isGreaterThan(195_000_000L);
        var lit = charts.bucketHighlight(last);
        var inv = store.invocations();
        List<Long> litIds = new ArrayList<>();
        for (int slot = 0; slot < inv.size(); slot++) {
            if (lit.test(inv, slot)) {
                litIds.add(inv.id(slot));
            }
        }
        assertThat(litIds).as("both attempts of the retried call").containsExactlyInAnyOrder(1L, 2L);
    }

    @Test
    void switchingBackToAttemptsCountsAgainFromTheStart() {
        ChartsViewModel charts = new ChartsViewModel();
        EventStore store = retriedPlainAndRejected();
        charts.measureProperty().set(LatencyMeasure.CALLS);
        charts.refresh(store);
        charts.measureProperty().set(LatencyMeasure.ATTEMPTS);

        assertThat(charts.latencyCount()).isEqualTo(3);
        assertThat(charts.rejectedProperty().get()).isEqualTo(1);
    }
}
