package dev.asynclab.app.ui.run;

import dev.asynclab.lab.audit.AuditHeader;
import dev.asynclab.lab.audit.AuditLogTail;
import dev.asynclab.lab.audit.VerificationReport;
import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventSink;
import dev.asynclab.engine.event.EventType;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/// Follows an audit log that another program is still writing, as `tail -f` does: polls it every
/// `POLL_MILLIS` on a virtual thread and hands new events to the sink, until stopped or the log's
/// `RUN_FINISHED` arrives.
///
/// ```java
/// var source = new AuditTailSource(Path.of("audit.jsonl"));
/// source.start(feed);
/// ```
public final class AuditTailSource implements RunSource {

    static final long POLL_MILLIS = 100;

    private final Path file;
    private volatile boolean stopped;
    private volatile AuditLogTail tail;

    public AuditTailSource(Path file) {
        this.file = file;
    }

    @Override
    public void start(EventSink sink) {
        Thread.ofVirtual().name("audit-tail").start(() -> {
            try (AuditLogTail t = new AuditLogTail(file)) {
                tail = t;
                boolean finished = false;
                while (!stopped && !finished) {
                    List<Event> events = t.poll();
                    for (Event e : events) {
                        sink.onEvent(e);
                        finished |= e.type() == EventType.RUN_FINISHED;
                    }
                    sink.onBatchEnd();
                    if (events.isEmpty()) {
                        Thread.sleep(POLL_MILLIS);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                sink.onClose();
            }
        });
    }

    @Override
    public void stop() {
        stopped = true;
    }

    @Override
    public String title() {
        return "following " + file.getFileName();
    }

    public Optional<AuditHeader> header() {
        return Optional.ofNullable(tail).flatMap(AuditLogTail::header);
    }

    /// The chain and invariant check so far.
    public Optional<VerificationReport> report() {
        return Optional.ofNullable(tail).flatMap(AuditLogTail::report);
    }
}
