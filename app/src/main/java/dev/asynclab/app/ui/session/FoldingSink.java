package dev.asynclab.app.ui.session;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventSink;

/// Folds a live source's events into a `RunFold` on the source's own thread, then passes them on.
///
/// The fold (`RunMetrics`: latencies, counts, the peak queue) used to run on the FX thread in each frame's drain;
/// a JFR profile of the live-run benchmark put it at a fifth of that drain. A source calls its sink from one
/// thread at a time (`RunSource`), so the fold, which is not thread-safe, still has one feeder. Its result is
/// read on the FX thread once the feed has passed the close on: the fold's last write happens before this sink
/// passes `onClose` to the feed, whose lock hands the close to the FX thread, so that read sees every event.
///
/// ```java
/// RunFold fold = new RunFold(scenario);
/// source.start(new FoldingSink(fold, feed));
/// // on the FX thread, once the feed's listener heard onClosed: fold.result()
/// ```
final class FoldingSink implements EventSink {

    private final RunFold fold;
    private final EventSink next;

    FoldingSink(RunFold fold, EventSink next) {
        this.fold = fold;
        this.next = next;
    }

    @Override
    public void onEvent(Event event) {
        fold.take(event);
        next.onEvent(event);
    }

    @Override
    public void onBatchEnd() {
        next.onBatchEnd();
    }

    @Override
    public void onClose() {
        next.onClose();
    }
}
