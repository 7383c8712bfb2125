package dev.asynclab.app.ui.charts;

import dev.asynclab.app.store.EventStore;
import javafx.scene.control.Tab;

/// When the charts redraw. JFreeChart redraws a whole chart per change, so during a live run one chart redraws at
/// a time, each about twice a second, and none while their tab is hidden; when a run ends, a store is replaced or
/// the tab is shown, all of them at once.
///
/// ```java
/// ChartRefresh refresh = new ChartRefresh(charts, chartsTab);
/// refresh.live(store);   // on every frame's batch
/// refresh.now(store);    // at the end of a run
/// ```
public final class ChartRefresh {

    private static final long LIVE_INTERVAL_NANOS = 125_000_000L;

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
        long t = System.nanoTime();
        if (tab.isSelected() && t - refreshedAt >= LIVE_INTERVAL_NANOS) {
            refreshedAt = t;
            charts.refreshOneInTurn(store);
        }
    }
}
