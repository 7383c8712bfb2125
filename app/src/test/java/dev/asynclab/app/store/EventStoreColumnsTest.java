package dev.asynclab.app.store;

import dev.asynclab.app.SyntheticRun;
import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/// The store keeps its columns narrow (deltas, offsets from an invocation's first event, links as distances,
/// interned texts, late ends aside): whatever the run, every event and every index reads back as a plain
/// reading of the events says it should.
class EventStoreColumnsTest {

    @Property(tries = 25)
    void everyEventAndInvocationReadsBackAsTheEventsSay(@ForAll @IntRange(min = 1, max = 24) int lanes,
            @ForAll @LongRange(min = 1, max = 2_000_000) long gap,
            @ForAll @LongRange(min = 1, max = 5_000_000) long mean,
            @ForAll @IntRange(min = 0, max = 30_000) int size, @ForAll long seed) {
        List<Event> events = new SyntheticRun(lanes, gap, mean, seed).events(size);
        EventStore store = new EventStore();
        store.appendAll(events.subList(0, events.size() / 3));
        store.appendAll(events.subList(events.size() / 3, events.size()));

        assertThat(store.size()).isEqualTo(events.size());
        for (int i = 0; i < events.size(); i++) {
            assertThat(store.event(i)).as("event %d", i).isEqualTo(events.get(i));
        }

        Map<Long, Integer> first = new HashMap<>();
        Map<Long, Integer> last = new HashMap<>();
        Map<Long, Integer> terminal = new HashMap<>();
        Map<Long, Long> lateEnd = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            if (e.id() == 0) {
                continue;
            }
            if (!first.containsKey(e.id()) && opens(e.type())) {
                first.put(e.id(), i);
            }
            if (first.containsKey(e.id())) {
                last.put(e.id(), i);
                if (e.type().isTerminal()) {
                    terminal.putIfAbsent(e.id(), i);
                }
                if (e.type() == EventType.LATE_FINISH) {
                    lateEnd.put(e.id(), e.t());
                }
            }
        }
        InvocationTable inv = store.invocations();
        assertThat(inv.size()).isEqualTo(first.size());
        Map<String, Integer> latestAttempt = new HashMap<>();
        int[] previous = new int[inv.size()];
        int[] next = new int[inv.size()];
        java.util.Arrays.fill(previous, -1);
        java.util.Arrays.fill(next, -1);
        for (int slot = 0; slot < inv.size(); slot++) {
            long id = inv.id(slot);
            assertThat(store.invocationSlot(id)).isEqualTo(slot);
            assertThat(inv.firstEvent(slot)).isEqualTo(first.get(id));
            assertThat(inv.lastEvent(slot)).isEqualTo(last.get(id));
            assertThat(inv.terminalEvent(slot)).isEqualTo(terminal.getOrDefault(id, -1));
            assertThat(inv.lateEndAt(slot)).isEqualTo(lateEnd.getOrDefault(id, -1L));
            Event opened = events.get(first.get(id));
            if (opened.group() != 0) {
                Integer before = latestAttempt.put(opened.group() + "/" + opened.name(), slot);
                if (before != null && inv.attempt(before) < opened.attempt()) {
                    previous[slot] = before;
                    next[before] = slot;
                }
            }
        }
        for (int slot = 0; slot < inv.size(); slot++) {
            assertThat(inv.previousAttempt(slot)).as("previous attempt of %d", slot).isEqualTo(previous[slot]);
            assertThat(inv.nextAttempt(slot)).as("next attempt of %d", slot).isEqualTo(next[slot]);
        }

        for (int l = 0; l < store.laneCount(); l++) {
            LaneIntervals lane = store.lane(l);
            long maxEnd = Long.MIN_VALUE;
            for (int k = 0; k < lane.size(); k++) {
                int slot = lane.slot(k);
                assertThat(inv.lane(slot)).isEqualTo(l);
                assertThat(lane.start(k)).isEqualTo(inv.startedAt(slot));
                long end = inv.endedAt(slot) < 0 ? Long.MAX_VALUE : inv.endedAt(slot);
                assertThat(lane.end(k)).isEqualTo(end);
                assertThat(lane.isOpen(k)).isEqualTo(inv.endedAt(slot) < 0);
                maxEnd = Math.max(maxEnd, end);
            }
            if (lane.size() > 0) {
                long t0 = lane.start(lane.size() / 2);
                int firstOverlapping = 0;
                long prefix = Long.MIN_VALUE;
                while (firstOverlapping < lane.size()
                        && (prefix = Math.max(prefix, lane.end(firstOverlapping))) < t0) {
                    firstOverlapping++;
                }
                assertThat(lane.firstEndingAtOrAfter(t0)).isEqualTo(firstOverlapping);
            }
        }
    }

    private static boolean opens(EventType type) {
        return type == EventType.SUBMITTED || type == EventType.QUEUED || type == EventType.STARTED
                || type.isTerminal();
    }
}
