package dev.asynclab.app.ui.charts;

import dev.asynclab.app.store.EventStore;
import javafx.scene.control.Tab;

/// When the charts redraw. JFreeChart redraws a whole chart per change, so during a live run one chart redraws at
/// a time, one every 0.4 s (each of the four every 1.6 s), and none while their tab is hidden; when a run ends, a
/// store is replaced or the tab is shown, all of them at once.
///
/// Why so seldom: on the software pipeline one chart's redraw takes longer than what is left of a 60 Hz frame, so
/// each redraw makes one long frame. One every 125 ms made 8 of 60 frames a second long, and the live-run
/// benchmark's frame interval p95 was 28–35 ms in 14 of 16 runs (17.2 and 20.8 ms in the other two); one every
/// 0.4 s is 2.5 long frames a second, under the 5 % a p95 can hide, and the p95 was 18.2–19.6 ms in 3 of 4 runs
/// (28.5 in one).
///
/// The frames between redraws take in the new latencies (`ChartsView.takeIn`), which changes nothing shown; the
/// redrawing frame then only rebuilds the series and draws.
///
/// ```java
/// ChartRefresh refresh = new ChartRefresh(charts, chartsTab);
/// refresh.live(store);   // on every frame's batch
/// refresh.now(store);    // at the end of a run
/// ```
public final class ChartRefresh {

    private static final long LIVE_INTERVAL_NANOS = 400_000_000L;

    private final ChartsView charts;
    private final Tab tab;
    private long refreshedAt;

    public ChartRefresh(ChartsView charts, Tab tab) {
        this.charts = charts;
        this.tab = tab;
    }

    public void now(EventStore store) {
        if (tab.isSelected()) {
            refreshedAt = System.nanoTime();
            charts.refresh(store);
        }
    }

    public void live(EventStore store) {
        if (!tab.isSelected()) {
            return;
        }
        long t = System.nanoTime();
        if (t - refreshedAt >= LIVE_INTERVAL_NANOS) {
            refreshedAt = t;
            charts.refreshOneInTurn(store);
        } else {
            charts.takeIn(store); // a frame's share of the latencies, so the redrawing frame has fewer to take
        }
    }
}
