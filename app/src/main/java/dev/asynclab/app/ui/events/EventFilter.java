package dev.asynclab.app.ui.events;

import dev.asynclab.app.store.EventStore;
import dev.asynclab.app.store.Outcome;
import dev.asynclab.engine.event.EventType;

/// Which events the table shows: a name containing `name` (empty: any), one `type` (null: any), events of
/// invocations that ended with `outcome` (null: any), and one invocation (`invocationId` 0: any).
public record EventFilter(String name, EventType type, Outcome outcome, long invocationId) {

    public static final EventFilter ALL = new EventFilter("", null, null, 0);

    public boolean isAll() {
        return name.isEmpty() && type == null && outcome == null && invocationId == 0;
    }

    public EventFilter withInvocation(long id) {
        return new EventFilter(name, type, outcome, id);
    }

    public boolean matches(EventStore store, int i) {
        if (invocationId != 0 && store.id(i) != invocationId) {
            return false;
        }
        if (type != null && store.type(i) != type) {
            return false;
        }
        if (outcome != null) {
            int slot = store.invocationSlot(store.id(i));
            if (slot < 0 || store.invocations().outcome(slot) != outcome) {
                return false;
            }
        }
        if (!name.isEmpty()) {
            String n = store.name(i);
            return n != null && n.contains(name);
        }
        return true;
    }
}
