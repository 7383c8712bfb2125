package dev.asynclab.lab.lifecycle;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/// A fold that keeps no times ([Lifecycle#retainingPhases]) answers as a retaining fold does for any events:
/// the same slots, the same transitions heard in the same order, the same phases, outcomes, ids and counts; only
/// its times are not there to ask for.
class LifecyclePhasesProperties {

    @Provide
    Arbitrary<List<Event>> events() {
        Arbitrary<EventType> types = Arbitraries.of(EventType.values());
        // Few ids, so that the same invocation is met again: repeats, second terminal events, late finishes.
        Arbitrary<Long> ids = Arbitraries.oneOf(Arbitraries.longs().between(0, 40),
                Arbitraries.longs().between(1L << 40, (1L << 40) + 5));
        return Combinators.combine(types, ids).as((type, id) -> Event.of(type, id, 1, 0, "n")).list()
                .ofMaxSize(2_000).map(LifecyclePhasesProperties::numbered);
    }

    private static List<Event> numbered(List<Event> events) {
        List<Event> out = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            out.add(events.get(i).withSeqAndTime(i, i * 10L));
        }
        return out;
    }

    @Property(tries = 300)
    void answersAsARetainingFoldDoesWithoutTimes(@ForAll("events") List<Event> events) {
        List<String> timedHeard = new ArrayList<>();
        List<String> phasesHeard = new ArrayList<>();
        Lifecycle timed = Lifecycle.retaining(new Recorder(timedHeard));
        Lifecycle phases = Lifecycle.retainingPhases(new Recorder(phasesHeard));
        for (Event e : events) {
            assertThat(phases.accept(e)).isEqualTo(timed.accept(e));
        }
        assertThat(phasesHeard).isEqualTo(timedHeard);
        assertThat(phases.size()).isEqualTo(timed.size());
        assertThat(phases.openCount()).isEqualTo(timed.openCount());
        assertThat(phases.endedCount()).isEqualTo(timed.endedCount());
        for (int slot = 0; slot < timed.size(); slot++) {
            assertThat(phases.id(slot)).isEqualTo(timed.id(slot));
            assertThat(phases.phase(slot)).isEqualTo(timed.phase(slot));
            assertThat(phases.outcome(slot)).isEqualTo(timed.outcome(slot));
            assertThat(phases.slotOf(timed.id(slot))).isEqualTo(slot);
        }
        List<Integer> timedOpen = new ArrayList<>();
        List<Integer> phasesOpen = new ArrayList<>();
        timed.forEachOpen(timedOpen::add);
        phases.forEachOpen(phasesOpen::add);
        assertThat(phasesOpen).isEqualTo(timedOpen);
        if (phases.size() > 0) {
            assertThatThrownBy(() -> phases.openedAt(0)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> phases.endedAt(0)).isInstanceOf(IllegalStateException.class);
        }
    }

    /// Writes down every transition with the phase the fold gives it then.
    private record Recorder(List<String> heard) implements Lifecycle.Listener {

        @Override
        public void opened(Lifecycle l, int slot, Event e) {
            heard.add("opened " + slot + " " + e.seq() + " " + l.phase(slot));
        }

        @Override
        public void queued(Lifecycle l, int slot, Event e) {
            heard.add("queued " + slot + " " + e.seq() + " " + l.phase(slot));
        }

        @Override
        public void started(Lifecycle l, int slot, Event e) {
            heard.add("started " + slot + " " + e.seq() + " " + l.phase(slot));
        }

        @Override
        public void ended(Lifecycle l, int slot, Event e) {
            heard.add("ended " + slot + " " + e.seq() + " " + l.outcome(slot));
        }

        @Override
        public void endedAgain(Lifecycle l, int slot, Event e) {
            heard.add("again " + slot + " " + e.seq());
        }

        @Override
        public void lateFinished(Lifecycle l, int slot, Event e) {
            heard.add("late " + slot + " " + e.seq() + (slot < 0 ? "" : " " + l.phase(slot)));
        }
    }
}
