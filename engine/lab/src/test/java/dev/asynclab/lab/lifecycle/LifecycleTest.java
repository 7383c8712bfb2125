package dev.asynclab.lab.lifecycle;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.asynclab.engine.event.EventType.CANCELLED;
import static dev.asynclab.engine.event.EventType.LATE_FINISH;
import static dev.asynclab.engine.event.EventType.LOG;
import static dev.asynclab.engine.event.EventType.QUEUED;
import static dev.asynclab.engine.event.EventType.REJECTED;
import static dev.asynclab.engine.event.EventType.RETRY_SCHEDULED;
import static dev.asynclab.engine.event.EventType.STARTED;
import static dev.asynclab.engine.event.EventType.SUBMITTED;
import static dev.asynclab.engine.event.EventType.SUCCEEDED;
import static dev.asynclab.engine.event.EventType.TIMED_OUT;
import static org.assertj.core.api.Assertions.assertThat;

/// The one lifecycle fold: each transition heard once, in order, whatever repeats or strays the events hold.
class LifecycleTest {

    /// Writes down every transition as "what id@t".
    private static final class Recorder implements Lifecycle.Listener {
        final List<String> heard = new ArrayList<>();

        @Override
        public void opened(Lifecycle l, int slot, Event e) {
            heard.add("opened " + e.id() + "@" + e.t());
        }

        @Override
        public void queued(Lifecycle l, int slot, Event e) {
            heard.add("queued " + e.id() + "@" + e.t());
        }

        @Override
        public void started(Lifecycle l, int slot, Event e) {
            heard.add("started " + e.id() + "@" + e.t());
        }

        @Override
        public void ended(Lifecycle l, int slot, Event e) {
            heard.add("ended " + e.id() + "@" + e.t() + " " + e.type());
        }

        @Override
        public void endedAgain(Lifecycle l, int slot, Event e) {
            heard.add("ended again " + e.id() + "@" + e.t() + " " + e.type());
        }

        @Override
        public void lateFinished(Lifecycle l, int slot, Event e) {
            heard.add("late " + e.id() + "@" + e.t() + (slot < 0 ? " unknown" : " " + l.phase(slot)));
        }
    }

    private static Event at(EventType type, long id, long t) {
        return Event.of(type, id, 1, 0, "n").withSeqAndTime(t, t);
    }

    @Test
    void anInvocationOpensQueuesStartsAndEndsOnce() {
        var rec = new Recorder();
        var l = Lifecycle.retaining(rec);

        int slot = l.accept(at(SUBMITTED, 7, 10));
        l.accept(at(QUEUED, 7, 11));
        l.accept(at(STARTED, 7, 20));
        l.accept(at(SUCCEEDED, 7, 50));

        assertThat(rec.heard).containsExactly("opened 7@10", "queued 7@11", "started 7@20", "ended 7@50 SUCCEEDED");
        assertThat(l.openedAt(slot)).isEqualTo(10);
        assertThat(l.queuedAt(slot)).isEqualTo(11);
        assertThat(l.startedAt(slot)).isEqualTo(20);
        assertThat(l.endedAt(slot)).isEqualTo(50);
        assertThat(l.phase(slot)).isEqualTo(Lifecycle.Phase.ENDED);
        assertThat(l.outcome(slot)).isEqualTo(SUCCEEDED);
        assertThat(l.openCount()).isZero();
        assertThat(l.endedCount()).isEqualTo(1);
    }

    @Test
    void repeatsAndLateQueueingChangeNothing() {
        var rec = new Recorder();
        var l = Lifecycle.retaining(rec);

        l.accept(at(SUBMITTED, 1, 0));
        l.accept(at(STARTED, 1, 5));
        l.accept(at(STARTED, 1, 6));
        l.accept(at(QUEUED, 1, 7));
        int slot = l.accept(at(TIMED_OUT, 1, 9));

        assertThat(rec.heard).containsExactly("opened 1@0", "started 1@5", "ended 1@9 TIMED_OUT");
        assertThat(l.startedAt(slot)).isEqualTo(5);
        assertThat(l.queuedAt(slot)).isEqualTo(-1);
    }

    @Test
    void aSecondTerminalEventIsHeardButNotApplied() {
        var rec = new Recorder();
        var l = Lifecycle.retaining(rec);

        l.accept(at(SUBMITTED, 3, 0));
        l.accept(at(CANCELLED, 3, 4));
        int slot = l.accept(at(SUCCEEDED, 3, 8));

        assertThat(rec.heard).containsExactly("opened 3@0", "ended 3@4 CANCELLED", "ended again 3@8 SUCCEEDED");
        assertThat(l.outcome(slot)).isEqualTo(CANCELLED);
        assertThat(l.endedAt(slot)).isEqualTo(4);
    }

    @Test
    void aTerminalEventAloneOpensAndEnds() {
        var rec = new Recorder();
        var l = Lifecycle.retaining(rec);

        int slot = l.accept(at(REJECTED, 4, 3));

        assertThat(rec.heard).containsExactly("opened 4@3", "ended 4@3 REJECTED");
        assertThat(l.openedAt(slot)).isEqualTo(3);
        assertThat(l.startedAt(slot)).isEqualTo(-1);
    }

    @Test
    void eventsOfUnknownIdsAndRunEventsOpenNothing() {
        var rec = new Recorder();
        var l = Lifecycle.retaining(rec);

        assertThat(l.accept(at(LOG, 5, 1))).isEqualTo(-1);
        assertThat(l.accept(at(RETRY_SCHEDULED, 5, 2))).isEqualTo(-1);
        assertThat(l.accept(Event.runStarted("r", "simulated", 1, 2).withSeqAndTime(0, 0))).isEqualTo(-1);
        assertThat(l.accept(at(LATE_FINISH, 5, 3))).isEqualTo(-1);

        assertThat(rec.heard).containsExactly("late 5@3 unknown");
        assertThat(l.size()).isZero();
    }

    @Test
    void aLateFinishIsHeardWithThePhaseItCameIn() {
        var rec = new Recorder();
        var l = Lifecycle.retaining(rec);

        l.accept(at(STARTED, 6, 0));
        l.accept(at(LATE_FINISH, 6, 1));
        l.accept(at(TIMED_OUT, 6, 2));
        l.accept(at(LATE_FINISH, 6, 3));

        assertThat(rec.heard).containsExactly("opened 6@0", "started 6@0", "late 6@1 RUNNING",
                "ended 6@2 TIMED_OUT", "late 6@3 ENDED");
    }

    @Test
    void retainingSlotsFollowFirstAppearanceAndOpenOnesAreListedInThatOrder() {
        var l = Lifecycle.retaining(null);
        for (long id = 100; id > 0; id--) {
            l.accept(at(SUBMITTED, id, 100 - id));
        }
        l.accept(at(SUCCEEDED, 100, 200));
        l.accept(at(SUCCEEDED, 98, 201));

        assertThat(l.slotOf(100)).isZero();
        assertThat(l.slotOf(1)).isEqualTo(99);
        List<Long> open = new ArrayList<>();
        l.forEachOpen(slot -> open.add(l.id(slot)));
        assertThat(open).hasSize(98).startsWith(99L, 97L, 96L).endsWith(1L);
        assertThat(l.openCount()).isEqualTo(98);
    }

    @Test
    void aForgettingFoldHoldsOnlyTheInvocationsInFlight() {
        var rec = new Recorder();
        var l = Lifecycle.forgetting(rec);

        for (long id = 1; id <= 10_000; id++) {
            l.accept(at(SUBMITTED, id, id));
            l.accept(at(SUBMITTED, id + 1_000_000, id));
            l.accept(at(STARTED, id, id));
            assertThat(l.accept(at(SUCCEEDED, id, id))).as("ended: forgotten at once").isEqualTo(-1);
            l.accept(at(CANCELLED, id + 1_000_000, id));
        }

        assertThat(l.size()).as("two in flight at most, slots reused").isEqualTo(2);
        assertThat(l.slotOf(5)).isEqualTo(-1);
        assertThat(l.openCount()).isZero();
        assertThat(l.endedCount()).isEqualTo(20_000);
        assertThat(rec.heard).filteredOn(s -> s.startsWith("ended")).hasSize(20_000);
    }
}
