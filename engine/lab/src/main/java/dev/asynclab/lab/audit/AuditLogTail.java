package dev.asynclab.lab.audit;

import dev.asynclab.engine.event.Event;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/// Follows an audit log that another process is still writing, as `tail -f` does: each [#poll()] returns the
/// events of the whole lines added since the last one; a line still being written waits for its newline.
/// The file need not exist yet. If it shrinks (a new run replaced it), following starts over from its
/// beginning and [#restarts()] counts it. The chain and invariants are checked as lines arrive ([#report()]);
/// a malformed line is skipped and reported there rather than stopping the follow. Poll from one thread.
///
/// ```java
/// var tail = new AuditLogTail(Path.of("audit.jsonl"));
/// // every frame:
/// for (Event e : tail.poll()) store.add(e);
/// tail.header().ifPresent(h -> title.set(h.scenario()));
/// ```
public final class AuditLogTail implements AutoCloseable {

    private final Path file;
    private final LineDecoder decoder;
    private FileChannel channel;
    private long position;
    private byte[] pending = new byte[1 << 16];
    private int pendingLength;
    private long lineNumber;
    private AuditHeader header;
    private LogInvariants checks;
    private long skippedLines;
    private int restarts;

    public AuditLogTail(Path file) {
        this.file = file;
        this.decoder = new LineDecoder(file);
    }

    /// The events of every whole line written since the last call (empty when there is nothing new).
    ///
    /// @throws AuditLogException when the file's first line is not an audit log header, or it cannot be read
    public List<Event> poll() {
        var events = new ArrayList<Event>();
        if (!open()) {
            return events;
        }
        try {
            long size = channel.size();
            if (size < position) {
                restart();
            }
            readAvailable(size);
        } catch (IOException e) {
            throw new AuditLogException(file, lineNumber + 1, 0, "cannot read: " + e.getMessage(), e);
        }
        decodeWholeLines(events);
        return events;
    }

    private boolean open() {
        if (channel != null) {
            return true;
        }
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
            return true;
        } catch (NoSuchFileException e) {
            return false; // not written yet: the writer may still be starting
        } catch (IOException e) {
            throw new AuditLogException(file, 0, 0, "cannot open: " + e.getMessage(), e);
        }
    }

    private void restart() {
        position = 0;
        pendingLength = 0;
        lineNumber = 0;
        header = null;
        checks = null;
        skippedLines = 0;
        restarts++;
    }

    private void readAvailable(long size) throws IOException {
        while (position < size) {
            if (pendingLength == pending.length) {
                pending = Arrays.copyOf(pending, pending.length * 2);
            }
            int n = channel.read(ByteBuffer.wrap(pending, pendingLength, pending.length - pendingLength), position);
            if (n <= 0) {
                return;
            }
            position += n;
            pendingLength += n;
        }
    }

    private void decodeWholeLines(List<Event> events) {
        int start = 0;
        for (int i = 0; i < pendingLength; i++) {
            if (pending[i] != '\n') {
                continue;
            }
            lineNumber++;
            if (!isBlank(start, i)) {
                decodeLine(start, i, events);
            }
            start = i + 1;
        }
        System.arraycopy(pending, start, pending, 0, pendingLength - start);
        pendingLength -= start;
    }

    private void decodeLine(int start, int end, List<Event> events) {
        if (header == null) {
            try {
                header = decoder.header(pending, start, end, lineNumber);
            } catch (AuditLogException notALog) {
                lineNumber = 0; // nothing consumed: the next poll reads the same first line again
                throw notALog;
            }
            checks = new LogInvariants(ChainHash.hash(0, pending, start, decoder.hashedEnd() - start),
                    decoder.declaredHash());
            return;
        }
        Event e;
        try {
            e = decoder.record(pending, start, end, lineNumber);
        } catch (AuditLogException bad) {
            skippedLines++;
            checks.fail(bad.line(), "column " + bad.column() + ": malformed: " + bad.problem());
            return;
        }
        checks.check(e, lineNumber, pending, start, decoder.hashedEnd(), decoder.declaredHash());
        events.add(e);
    }

    private boolean isBlank(int start, int end) {
        for (int i = start; i < end; i++) {
            if (pending[i] != ' ' && pending[i] != '\t' && pending[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    /// The header, once its line has been written.
    public Optional<AuditHeader> header() {
        return Optional.ofNullable(header);
    }

    /// The chain and invariant checks over what has arrived so far (empty before the header).
    public Optional<VerificationReport> report() {
        return checks == null ? Optional.empty() : Optional.of(checks.report(Optional.empty(), lineNumber));
    }

    /// Malformed lines skipped since the last restart.
    public long skippedLines() {
        return skippedLines;
    }

    /// How many times the file shrank and following started over.
    public int restarts() {
        return restarts;
    }

    @Override
    public void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // read-only: closing cannot lose anything
            }
            channel = null;
        }
    }
}
