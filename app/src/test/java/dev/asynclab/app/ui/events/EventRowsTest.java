package dev.asynclab.app.ui.events;

import dev.asynclab.app.SyntheticRun;
import dev.asynclab.app.store.EventStore;
import dev.asynclab.app.store.Outcome;
import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class EventRowsTest {

    private final List<Event> events = new SyntheticRun(4, 20_000, 60_000, 5).events(20_000);

    @Test
    void unfilteredRowsAreTheStoreIndexesAndAppendedEventsArriveAsOneChange() {
        EventStore store = new EventStore();
        store.appendAll(events.subList(0, 10_000));
        EventRows rows = new EventRows(store, EventFilter.ALL);
        AtomicInteger changes = new AtomicInteger();
        rows.addListener((ListChangeListener<Integer>) c -> {
            while (c.next()) {
                assertThat(c.wasAdded()).isTrue();
                assertThat(c.getFrom()).isEqualTo(10_000);
                changes.incrementAndGet();
            }
        });
        store.appendAll(events.subList(10_000, events.size()));
        rows.refresh();
        assertThat(changes.get()).isEqualTo(1);
        assertThat(rows).hasSize(events.size());
        assertThat(rows.get(1234)).isEqualTo(1234);
    }

    @Test
    void filtersByTypeNameOutcomeAndInvocation() {
        EventStore store = new EventStore();
        store.appendAll(events);
        long timeouts = events.stream().filter(e -> e.type() == EventType.TIMED_OUT).count();
        EventRows byType = new EventRows(store, new EventFilter("", EventType.TIMED_OUT, null, 0));
        assertThat(byType).hasSize((int) timeouts);
        assertThat(store.type(byType.eventAt(0))).isEqualTo(EventType.TIMED_OUT);

        EventRows byName = new EventRows(store, new EventFilter("cart", null, null, 0));
        assertThat(byName).isNotEmpty().allSatisfy(i -> assertThat(store.name(i)).isEqualTo("load-cart"));

        EventRows failed = new EventRows(store, new EventFilter("", null, Outcome.FAILED, 0));
        assertThat(failed).isNotEmpty().allSatisfy(i ->
                assertThat(store.invocations().outcome(store.invocationSlot(store.id(i)))).isEqualTo(Outcome.FAILED));

        int slot = store.invocationSlot(events.get(events.size() / 2).id());
        EventRows one = new EventRows(store, EventFilter.ALL.withInvocation(store.invocations().id(slot)));
        assertThat(one).containsExactlyElementsOf(
                java.util.Arrays.stream(store.eventsOf(slot)).boxed().toList());
        assertThat(one.rowOf(store.eventsOf(slot)[0])).isZero();
    }
}
