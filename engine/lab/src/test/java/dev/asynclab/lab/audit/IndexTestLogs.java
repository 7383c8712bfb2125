package dev.asynclab.lab.audit;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/// A pool run of `calls` invocations for the index tests: each submitted, some queued (with their depth), started
/// on one of four workers, ended in one of three ways, with times that often repeat (several events at one `t`), so
/// that windows and blocks start on equal times too.
final class IndexTestLogs {

    private IndexTestLogs() {
    }

    static List<Event> poolRun(int calls, long seed) {
        var random = new SplittableRandom(seed);
        List<Event> events = new ArrayList<>();
        long t = 0;
        events.add(Event.runStarted("pool", "simulated", seed, 4).withSeqAndTime(0, 0));
        for (int id = 1; id <= calls; id++) {
            events.add(Event.of(EventType.SUBMITTED, id, 1, 0, "fetch-" + id % 3).withSeqAndTime(events.size(), t));
            if (random.nextInt(3) == 0) {
                events.add(Event.of(EventType.QUEUED, id, 1, 0, "fetch-" + id % 3).withQueueDepth(random.nextInt(9))
                        .withSeqAndTime(events.size(), t));
                t += random.nextInt(3) * 1_000L;
            }
            String worker = "w" + id % 4;
            events.add(Event.of(EventType.STARTED, id, 1, 0, "fetch-" + id % 3).withWorker(worker)
                    .withSeqAndTime(events.size(), t));
            t += random.nextInt(4) * 10_000L;
            Event end = switch (random.nextInt(3)) {
                case 0 -> Event.of(EventType.FAILED, id, 1, 0, "fetch-" + id % 3).withError("IOException", "réset ✓");
                case 1 -> Event.of(EventType.TIMED_OUT, id, 1, 0, "fetch-" + id % 3)
                        .withError("TimeoutException", "timed out after 100 ms");
                default -> Event.of(EventType.SUCCEEDED, id, 1, 0, "fetch-" + id % 3).withValue("ok");
            };
            events.add(end.withWorker(worker).withDuration(10_000).withSeqAndTime(events.size(), t));
        }
        events.add(Event.of(EventType.RUN_FINISHED, 0, 0, 0, "pool").withDuration(t).withSeqAndTime(events.size(), t));
        return events;
    }

    static Path write(Path file, List<Event> events) throws IOException {
        return AuditTestLogs.write(file, AuditTestLogs.header(), events);
    }
}
