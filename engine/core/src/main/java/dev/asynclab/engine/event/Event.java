package dev.asynclab.engine.event;

/// One state change in a run. Everything Async Lab shows is built from these.
///
/// Absent values: `id`, `group` are 0; `attempt` is 0 outside invocations; `duration` and `queueDepth`
/// are -1; strings are null. `t` is nanoseconds since the run started and never decreases along `seq`.
///
/// The last four fields say what a run or a group started as, typed rather than written into `value`:
/// - `RUN_STARTED`: `kind` is the clock (`real`, `simulated`), `seed` the run's seed, `poolSize` the size of
///   the pool the run shares (-1: none, each call runs on its own).
/// - `GROUP_STARTED`: `kind` is the group's kind (`retry`, `parallel`, `race`, `hedged`) and `parentGroup`
///   the group it runs in (0: none).
///
/// Elsewhere they are absent: `kind` null, `parentGroup` and `seed` 0, `poolSize` -1.
///
/// ```java
/// Event e = Event.of(EventType.STARTED, 97, 2, 41, "fetch-user").withWorker("w3");
/// Event run = Event.runStarted("Pool saturation", "simulated", 42, 4);
/// Event race = Event.groupStarted(41, "data-fetch", "race", 0);
/// ```
public record Event(
        long seq,
        long t,
        EventType type,
        long id,
        int attempt,
        long group,
        String name,
        String worker,
        long duration,
        String errorType,
        String errorMessage,
        String value,
        int queueDepth,
        String kind,
        long parentGroup,
        long seed,
        int poolSize) implements EventView {

    /// An event without the run and group fields (absent), as most events are.
    public Event(long seq, long t, EventType type, long id, int attempt, long group, String name, String worker,
                 long duration, String errorType, String errorMessage, String value, int queueDepth) {
        this(seq, t, type, id, attempt, group, name, worker, duration, errorType, errorMessage, value, queueDepth,
                null, 0, 0, -1);
    }

    /// The most characters a value's text keeps in an event; longer text ends in `…`.
    public static final int MAX_VALUE_TEXT = 200;

    /// The text an event carries for a callback's value: `String.valueOf`, cut to `MAX_VALUE_TEXT` characters;
    /// null for null. Never throws: a value whose `toString` throws or returns null is named by its type.
    ///
    /// ```java
    /// String text = Event.textOf(42); // "42"
    /// ```
    public static String textOf(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Integer i && i >= SMALL_TEXT_LOW && i < SMALL_TEXT_HIGH) {
            return SMALL_INT_TEXT[i - SMALL_TEXT_LOW];
        }
        try {
            String s = String.valueOf(value);
            if (s == null) {
                return typeName(value.getClass());
            }
            return s.length() <= MAX_VALUE_TEXT ? s : s.substring(0, MAX_VALUE_TEXT - 1) + "…";
        } catch (Throwable broken) {
            return "(a " + typeName(value.getClass()) + " whose toString() threw)";
        }
    }

    /// The text of each small `Integer`, made once: a callback that returns a count or a status code (the pool batch's
    /// trivial callback returns 1) otherwise cost the bus's writer a fresh String per result (48 bytes, and for the
    /// audit log a text its field cache had to hash and compare rather than recognise by identity).
    private static final int SMALL_TEXT_LOW = -128;
    private static final int SMALL_TEXT_HIGH = 1024;
    private static final String[] SMALL_INT_TEXT = new String[SMALL_TEXT_HIGH - SMALL_TEXT_LOW];

    static {
        for (int i = SMALL_TEXT_LOW; i < SMALL_TEXT_HIGH; i++) {
            SMALL_INT_TEXT[i - SMALL_TEXT_LOW] = Integer.toString(i);
        }
    }

    /// The name an event gives a type (an error's type, a value's type): its simple name, or for an anonymous (or
    /// otherwise unnamed) class the simple name of its nearest named superclass, so `new IOException("x") {}`
    /// reads "IOException". Never throws.
    public static String typeName(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            String simple;
            try {
                simple = c.getSimpleName();
            } catch (Throwable malformed) { // an InternalError for a malformed class name
                simple = "";
            }
            if (!simple.isEmpty()) {
                return simple;
            }
        }
        String name = type.getName();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /// An event with only its identity set; the bus fills in `seq` and `t`.
    public static Event of(EventType type, long id, int attempt, long group, String name) {
        return new Event(-1, -1, type, id, attempt, group, name, null, -1, null, null, null, -1);
    }

    /// The `RUN_STARTED` of a run named `name` on `clock` (`real`, `simulated`) with `seed`, sharing a pool of
    /// `poolSize` (-1: none).
    public static Event runStarted(String name, String clock, long seed, int poolSize) {
        return new Event(-1, -1, EventType.RUN_STARTED, 0, 0, 0, name, null, -1, null, null, null, -1, clock, 0, seed,
                poolSize);
    }

    /// The `GROUP_STARTED` of group `group`, of `kind` (`retry`, `parallel`, `race`, `hedged`), inside
    /// `parentGroup` (0: none).
    public static Event groupStarted(long group, String name, String kind, long parentGroup) {
        return new Event(-1, -1, EventType.GROUP_STARTED, 0, 0, group, name, null, -1, null, null, null, -1, kind,
                parentGroup, 0, -1);
    }

    public Event withSeqAndTime(long seq, long t) {
        return new Event(seq, t, type, id, attempt, group, name, worker, duration, errorType, errorMessage, value,
                queueDepth, kind, parentGroup, seed, poolSize);
    }

    public Event withWorker(String worker) {
        return new Event(seq, t, type, id, attempt, group, name, worker, duration, errorType, errorMessage, value,
                queueDepth, kind, parentGroup, seed, poolSize);
    }

    public Event withDuration(long duration) {
        return new Event(seq, t, type, id, attempt, group, name, worker, duration, errorType, errorMessage, value,
                queueDepth, kind, parentGroup, seed, poolSize);
    }

    public Event withError(String errorType, String errorMessage) {
        return new Event(seq, t, type, id, attempt, group, name, worker, duration, errorType, errorMessage, value,
                queueDepth, kind, parentGroup, seed, poolSize);
    }

    public Event withValue(String value) {
        return new Event(seq, t, type, id, attempt, group, name, worker, duration, errorType, errorMessage, value,
                queueDepth, kind, parentGroup, seed, poolSize);
    }

    public Event withQueueDepth(int queueDepth) {
        return new Event(seq, t, type, id, attempt, group, name, worker, duration, errorType, errorMessage, value,
                queueDepth, kind, parentGroup, seed, poolSize);
    }

    /// This event: it is already one that may be kept.
    @Override
    public Event toEvent() {
        return this;
    }

    public boolean isTerminal() {
        return type.isTerminal();
    }
}
