package dev.asynclab.app.ui.charts;

import dev.asynclab.app.store.EventStore;
import dev.asynclab.app.store.InvocationTable;
import dev.asynclab.app.store.Outcome;

import java.util.ArrayList;
import java.util.List;

/// Each attempt's latency: from its submission to its own terminal event (the store's invocation latency).
final class AttemptLatencies implements LatencySource {

    private int taken;

    @Override
    public void takeIn(EventStore store, Sink sink) {
        InvocationTable inv = store.invocations();
        for (; taken < store.endedCount(); taken++) {
            int slot = store.endedSlot(taken);
            if (inv.outcome(slot) == Outcome.REJECTED) {
                sink.rejected(inv.endedAt(slot));
            } else {
                sink.ended(inv.endedAt(slot), Math.max(0, inv.latency(slot)));
            }
        }
    }

    @Override
    public List<Long> attemptIds(EventStore store, long from, long to) {
        InvocationTable inv = store.invocations();
        List<Long> ids = new ArrayList<>();
        for (int slot = 0; slot < inv.size(); slot++) {
            long latency = inv.latency(slot);
            if (latency >= from && latency < to && inv.outcome(slot) != Outcome.REJECTED) {
                ids.add(inv.id(slot));
            }
        }
        return ids;
    }
}
