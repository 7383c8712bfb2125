package dev.asynclab.lab.audit;

import dev.asynclab.engine.event.Event;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Optional;
import java.util.function.Consumer;

/// Reads an audit log: the header at once, then the events as a stream, so a log of millions of events never
/// has to sit in memory. A last line cut mid-way is not an error: it is dropped and reported by
/// [#truncation()]. Any other malformed line throws an [AuditLogException] naming file, line and column.
/// The hash chain is not checked here; [AuditVerifier] does that.
///
/// ```java
/// try (var reader = AuditLogReader.open(Path.of("audit.jsonl"))) {
///     System.out.println(reader.header().scenario());
///     long n = reader.forEach(store::add);
///     reader.truncation().ifPresent(t -> System.err.println(t.describe()));
/// }
/// ```
public final class AuditLogReader implements AutoCloseable {

    /// What the hash chain needs from each record line (package-private: the verifier's view).
    interface RecordVisitor {
        void record(Event event, long line, byte[] buf, int start, int hashedEnd, long declaredHash);
    }

    private final Path file;
    private final FileChannel channel;
    private final InputStream in;
    private final LineSource lines;
    private final LineDecoder decoder;
    private final AuditHeader header;
    private final long headerHash;
    private final long headerDeclaredHash;
    private Truncation truncation;
    private boolean consumed;

    private AuditLogReader(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
        this.in = Channels.newInputStream(channel);
        this.lines = new LineSource(in);
        this.decoder = new LineDecoder(file);
        if (!nextNonBlank()) {
            throw new AuditLogException(file, 0, 0, "the file is empty; expected the header line of an audit log");
        }
        if (!lines.terminated) {
            throw new AuditLogException(file, lines.number, 0,
                    "the header line is cut off (the writer stopped before finishing it)");
        }
        header = decoder.header(lines.buf, lines.start, lines.end, lines.number);
        headerHash = ChainHash.hash(0, lines.buf, lines.start, decoder.hashedEnd() - lines.start);
        headerDeclaredHash = decoder.declaredHash();
    }

    /// Opens `file` and reads its header line.
    ///
    /// @throws AuditLogException when the file cannot be read or does not start with a valid header
    public static AuditLogReader open(Path file) {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new AuditLogException(file, 0, 0, "no such file");
        } catch (IOException e) {
            throw new AuditLogException(file, 0, 0, "cannot open: " + e.getMessage(), e);
        } catch (UnsupportedOperationException e) {
            throw new AuditLogException(file, 0, 0, "cannot open: not a file on a local file system");
        }
        try {
            return new AuditLogReader(file, channel);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /// Opens `file`, reads its header line, then goes to byte `offset`, where line `line` starts (a block of a
    /// [LogIndex]): the records read next are those from there on, numbered from `line`.
    static AuditLogReader openAt(Path file, long offset, long line) {
        AuditLogReader reader = open(file);
        try {
            reader.channel.position(offset);
        } catch (IOException e) {
            reader.close();
            throw new AuditLogException(file, line, 0, "cannot read: " + e.getMessage(), e);
        }
        reader.lines.restart(offset, line - 1);
        return reader;
    }

    /// Reads the whole log into memory.
    public static AuditLog read(Path file) {
        try (var reader = open(file)) {
            var events = new ArrayList<Event>();
            reader.forEach(events::add);
            return new AuditLog(reader.header(), events, reader.truncation());
        }
    }

    public AuditHeader header() {
        return header;
    }

    public Path file() {
        return file;
    }

    /// Hands every whole record to `consumer`, in file order, and returns how many there were. Once per reader.
    public long forEach(Consumer<? super Event> consumer) {
        return visit((event, line, buf, start, hashedEnd, declaredHash) -> consumer.accept(event));
    }

    long visit(RecordVisitor visitor) {
        if (consumed) {
            throw new IllegalStateException("this reader has already been read; open the file again");
        }
        consumed = true;
        long count = 0;
        while (nextNonBlank()) {
            Event event;
            try {
                event = decoder.record(lines.buf, lines.start, lines.end, lines.number);
            } catch (AuditLogException e) {
                if (lines.terminated) {
                    throw e;
                }
                truncation = new Truncation(lines.number, lines.end - lines.start);
                break;
            }
            visitor.record(event, lines.number, lines.buf, lines.start, decoder.hashedEnd(), decoder.declaredHash());
            count++;
        }
        return count;
    }

    /// The cut-off last line, if the log ended mid-line; known once the events have been read.
    public Optional<Truncation> truncation() {
        return Optional.ofNullable(truncation);
    }

    /// The file offset of the record line being visited (within a [RecordVisitor] call).
    long lineOffset() {
        return lines.offset();
    }

    /// The file offset where the line after the header starts (before any record is read): a reader that splits the
    /// rest of the file itself ([ParallelLogReader]) starts there.
    long recordsOffset() {
        return lines.nextOffset();
    }

    /// The lines read so far: before any record, the header's line number (blank lines may come before it).
    long linesRead() {
        return lines.number;
    }

    /// The header line's hash as computed from its bytes (the chain's first link).
    long headerHash() {
        return headerHash;
    }

    long headerDeclaredHash() {
        return headerDeclaredHash;
    }

    private boolean nextNonBlank() {
        try {
            while (lines.next()) {
                if (!lines.blank()) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new AuditLogException(file, lines.number + 1, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        closeQuietly(channel);
    }

    private static void closeQuietly(java.io.Closeable in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing was written, so nothing can be lost by a failed close
        }
    }
}
