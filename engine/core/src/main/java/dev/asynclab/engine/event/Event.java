package dev.asynclab.engine.event;

/// One state change in a run. Everything Async Lab shows is built from these.
///
/// Absent values: `id`, `group` are 0; `attempt` is 0 outside invocations; `duration` and `queueDepth`
/// are -1; strings are null. `t` is nanoseconds since the run started and never decreases along `seq`.
///
/// ```java
/// Event e = Event.of(EventType.STARTED, 97, 2, 41, "fetch-user").withWorker("w3");
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
        int queueDepth) {

    /// An event with only its identity set; the bus fills in `seq` and `t`.
    public static Event of(EventType type, long id, int attempt, long group, String name) {
        return new Event(-1, -1, type, id, attempt, group, name, null, -1, null, null, null, -1);
    }

    public Event withSeqAndTime(long seq, long t) {
        return new Event(seq, t, type, id, attempt, group, name, worker, duration, errorType, errorMessage, value,
                queueDepth);
    }

    public Event withWorker(String worker) {
        return new Event(seq, t, type, id, attempt, group, name, worker, duration, errorType, errorMessage, value,
                queueDepth);
    }

    public Event withDuration(long duration) {
        return new Event(seq, t, type, id, attempt, group, name, worker, duration, errorType, errorMessage, value,
                queueDepth);
    }

    public Event withError(String errorType, String errorMessage) {
        return new Event(seq, t, type, id, attempt, group, name, worker, duration, errorType, errorMessage, value,
                queueDepth);
    }

    public Event withValue(String value) {
        return new Event(seq, t, type, id, attempt, group, name, worker, duration, errorType, errorMessage, value,
                queueDepth);
    }

    public Event withQueueDepth(int queueDepth) {
        return new Event(seq, t, type, id, attempt, group, name, worker, duration, errorType, errorMessage, value,
                queueDepth);
    }

    public boolean isTerminal() {
        return type.isTerminal();
    }
}
