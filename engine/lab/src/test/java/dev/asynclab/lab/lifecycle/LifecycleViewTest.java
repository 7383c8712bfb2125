package dev.asynclab.lab.lifecycle;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import dev.asynclab.engine.event.EventView;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/// A fold fed views (events read in place, as from the event bus's ring) hands a listener of views the views
/// themselves, building no `Event`, and a listener of `Event`s a copy of each, with the same transitions.
class LifecycleViewTest {

    /// A view that is not an `Event`, counting the copies made of it.
    static final class CountingView implements EventView {
        final Event e;
        int copies;

        CountingView(Event e) {
            this.e = e;
        }

        public long seq() { return e.seq(); }
        public long t() { return e.t(); }
        public EventType type() { return e.type(); }
        public long id() { return e.id(); }
        public int attempt() { return e.attempt(); }
        public long group() { return e.group(); }
        public String name() { return e.name(); }
        public String worker() { return e.worker(); }
        public long duration() { return e.duration(); }
        public String errorType() { return e.errorType(); }
        public String errorMessage() { return e.errorMessage(); }
        public String value() { return e.value(); }
        public int queueDepth() { return e.queueDepth(); }
        public String kind() { return e.kind(); }
        public long parentGroup() { return e.parentGroup(); }
        public long seed() { return e.seed(); }
        public int poolSize() { return e.poolSize(); }

        public Event toEvent() {
            copies++;
            return e;
        }
    }

    private static List<CountingView> views() {
        return List.of(
                new CountingView(new Event(0, 10, EventType.SUBMITTED, 1, 1, 0, "a", null, -1, null, null, null, -1)),
                new CountingView(new Event(1, 20, EventType.QUEUED, 1, 1, 0, "a", null, -1, null, null, null, 3)),
                new CountingView(new Event(2, 30, EventType.STARTED, 1, 1, 0, "a", "w0", 20, null, null, null, -1)),
                new CountingView(new Event(3, 45, EventType.TIMED_OUT, 1, 1, 0, "a", "w0", 15, "TimeoutException",
                        "late", null, -1)),
                new CountingView(new Event(4, 50, EventType.SUCCEEDED, 1, 1, 0, "a", "w0", 20, null, null, "1", -1)),
                new CountingView(new Event(5, 60, EventType.LATE_FINISH, 1, 1, 0, "a", "w0", 15, null, null, "1",
                        -1)));
    }

    @Test
    void aListenerOfViewsHearsTheViewsAndNoEventIsBuilt() {
        List<String> heard = new ArrayList<>();
        var fold = Lifecycle.retaining(new Lifecycle.Listener() {
            @Override
            public void opened(Lifecycle l, int slot, EventView e) {
                heard.add("opened@" + e.t());
            }

            @Override
            public void queued(Lifecycle l, int slot, EventView e) {
                heard.add("queued@" + e.t());
            }

            @Override
            public void started(Lifecycle l, int slot, EventView e) {
                heard.add("started@" + l.startedAt(slot));
            }

            @Override
            public void ended(Lifecycle l, int slot, EventView e) {
                heard.add("ended " + e.type() + "@" + l.endedAt(slot));
            }

            @Override
            public void endedAgain(Lifecycle l, int slot, EventView e) {
                heard.add("again " + e.type());
            }

            @Override
            public void lateFinished(Lifecycle l, int slot, EventView e) {
                heard.add("late@" + e.t());
            }
        });
        var views = views();
        views.forEach(fold::accept);
        assertThat(heard).containsExactly("opened@10", "queued@20", "started@30", "ended TIMED_OUT@45",
                "again SUCCEEDED", "late@60");
        assertThat(views).allSatisfy(v -> assertThat(v.copies).isZero());
    }

    @Test
    void aListenerOfEventsFedViewsHearsEachAsItsEvent() {
        List<Event> heard = new ArrayList<>();
        var fold = Lifecycle.retaining(new Lifecycle.Listener() {
            @Override
            public void opened(Lifecycle l, int slot, Event e) {
                heard.add(e);
            }

            @Override
            public void ended(Lifecycle l, int slot, Event e) {
                heard.add(e);
            }

            @Override
            public void lateFinished(Lifecycle l, int slot, Event e) {
                heard.add(e);
            }
        });
        var views = views();
        views.forEach(fold::accept);
        assertThat(heard).containsExactly(views.get(0).e, views.get(3).e, views.get(5).e);
        assertThat(fold.outcome(0)).isEqualTo(EventType.TIMED_OUT);
    }
}
