package dev.asynclab.app.tuning;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/// Hands items from a worker thread to the FX thread in batches: a hop only when the buffer goes from empty to
/// pending, and the FX side takes everything buffered at once (never one `Platform.runLater` per item).
///
/// ```java
/// var batch = new FxBatch<SweepPoint>(Platform::runLater, points -> series.addAll(points));
/// batch.add(point);   // from any thread
/// ```
final class FxBatch<T> {

    private final Executor fxThread;
    private final Consumer<List<T>> onBatch;
    private final Queue<T> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    FxBatch(Executor fxThread, Consumer<List<T>> onBatch) {
        this.fxThread = fxThread;
        this.onBatch = onBatch;
    }

    void add(T item) {
        pending.add(item);
        if (scheduled.compareAndSet(false, true)) {
            fxThread.execute(this::drain);
        }
    }

    /// Runs on the FX thread: delivers whatever is buffered.
    void drain() {
        // cleared before polling, so an item added during the poll schedules another hop rather than being stranded
        scheduled.set(false);
        List<T> batch = new ArrayList<>();
        for (T item; (item = pending.poll()) != null; ) {
            batch.add(item);
        }
        if (!batch.isEmpty()) {
            onBatch.accept(batch);
        }
    }
}
