package dev.asynclab.lab.audit;

import dev.asynclab.engine.event.Event;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/// Reads and verifies an audit log as [AuditVerifier#read] does — the same events in the same order, the same
/// report, the same first error — with the decoding and hashing of its lines spread over worker threads.
///
/// Overview: the calling thread reads the file after the header in chunks of about `chunkBytes`, each cut after
/// its last newline (the rest starts the next chunk), and hands each chunk to a worker. A worker decodes the
/// chunk's lines and computes each line's chain hash from the hash *the line before declared* — all it has, the
/// chain's state being known only in order — except for the chunk's first record, whose seed is in the chunk
/// before. The calling thread takes the chunks back in file order and checks there, line by line, what only order
/// can tell: the chunk's first link (hashed now, from the chain's state), each line's hash against the one it
/// declares, `seq`, `t` and the invocations' lifecycle ([LogInvariants#checkHashed]). Until the first failure the
/// chain's state after a line *is* the hash that line declared (they matched), so each precomputed link is the one
/// a sequential check computes; after a failure nothing more is checked. A worker that meets a malformed line
/// stops its chunk there; the calling thread turns that into the error the sequential reader gives, with the line
/// counted from the file's start. Chunks are immutable once handed over and their results reach the calling
/// thread through the futures, which order the hand-over; no other state is shared. At most `IN_FLIGHT` chunks
/// are out at a time, so memory stays a few chunks whatever the file's size.
///
/// ```java
/// List<Event> events = new ArrayList<>();
/// VerificationReport r = ParallelLogReader.read(Path.of("audit.jsonl"), 1 << 20, 2, h -> { }, events::add);
/// ```
public final class ParallelLogReader {

    /// Chunks decoded or being decoded ahead of the one being checked: enough to keep every worker busy while the
    /// calling thread checks one and reads the next.
    private static final int IN_FLIGHT_PER_WORKER = 3;

    private final Path file;
    private final int chunkBytes;
    private final int formatVersion;
    /// One decoder per worker thread: a decoder keeps a parse position and a cache of repeated strings.
    private final ThreadLocal<LineDecoder> decoders;

    private ParallelLogReader(Path file, int chunkBytes, int formatVersion) {
        this.file = file;
        this.chunkBytes = chunkBytes;
        this.formatVersion = formatVersion;
        this.decoders = ThreadLocal.withInitial(() -> new LineDecoder(file, formatVersion));
    }

    /// Reads `file` as [AuditVerifier#read(Path, Consumer, Consumer)] does, decoding on `workers` threads (started
    /// for this read and ended with it) in chunks of about `chunkBytes`; `header` and `events` are called on this
    /// thread, in file order.
    ///
    /// @throws AuditLogException when the file cannot be read or does not start with an audit log header
    public static VerificationReport read(Path file, int chunkBytes, int workers, Consumer<? super AuditHeader> header,
                                          Consumer<? super Event> events) {
        if (chunkBytes < 1 || workers < 1) {
            throw new IllegalArgumentException("chunkBytes and workers must be at least 1");
        }
        long offset;
        long lineBefore;
        LogInvariants checks;
        AuditHeader head;
        try (var reader = AuditLogReader.open(file)) {
            head = reader.header();
            offset = reader.recordsOffset();
            lineBefore = reader.linesRead();
            checks = new LogInvariants(reader.headerHash(), reader.headerDeclaredHash());
        }
        header.accept(head);
        ExecutorService pool = Executors.newFixedThreadPool(workers,
                Thread.ofPlatform().daemon().name("audit-decode-", 0).factory());
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return new ParallelLogReader(file, chunkBytes, head.version())
                    .run(channel, offset, lineBefore, checks, pool, workers * IN_FLIGHT_PER_WORKER, events);
        } catch (IOException e) {
            throw new AuditLogException(file, 0, 0, "cannot read: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    private VerificationReport run(FileChannel channel, long offset, long lineBefore, LogInvariants checks,
                                   ExecutorService pool, int inFlight, Consumer<? super Event> events) {
        Splitter splitter = new Splitter(channel, offset);
        ArrayDeque<Future<Chunk>> pending = new ArrayDeque<>();
        long base = lineBefore; // lines before the chunk being checked
        long lastLine = 1;
        long badLine = 0;
        Truncation truncation = null;
        IOException readFailure = null;
        while (true) {
            while (readFailure == null && pending.size() < inFlight && !splitter.done()) {
                try {
                    Piece piece = splitter.next();
                    pending.add(pool.submit(() -> decode(piece)));
                } catch (IOException e) {
                    readFailure = e;
                }
            }
            if (pending.isEmpty()) {
                break;
            }
            Chunk c = take(pending.removeFirst());
            for (int j = 0; j < c.count; j++) {
                long line = base + c.lines[j];
                long h = j == 0 ? ChainHash.hash(checks.chainState(), c.bytes, c.firstStart,
                        c.firstHashedEnd - c.firstStart) : c.hashes[j];
                lastLine = line;
                if (badLine == 0 && !checks.checkHashed(c.events[j], line, h, c.declared[j])) {
                    badLine = line;
                }
                events.accept(c.events[j]);
            }
            if (c.error != null) {
                long line = base + c.error.line();
                checks.fail(line, "column " + c.error.column() + ": malformed: " + c.error.problem());
                return checks.report(Optional.empty(), line);
            }
            if (c.truncated != null) {
                truncation = new Truncation(base + c.truncated.line(), c.truncated.bytes());
            }
            base += c.lineCount;
        }
        if (readFailure != null) {
            throw new AuditLogException(file, base + 1, 0, "cannot read: " + readFailure.getMessage(), readFailure);
        }
        if (badLine != 0) {
            return checks.report(Optional.empty(), badLine);
        }
        Optional<Truncation> cut = Optional.ofNullable(truncation);
        return checks.report(cut, cut.map(Truncation::line).orElse(lastLine));
    }

    private Chunk take(Future<Chunk> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditLogException(file, 0, 0, "the read was interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /// Bytes of whole lines (`bytes[0, length)`), and whether they end the file (their last line may then have no
    /// newline).
    private record Piece(byte[] bytes, int length, boolean last) {
    }

    /// What a worker made of a piece: its records with their line numbers (counted from the piece's start, from 1),
    /// declared hashes and — all but the first — chain hashes; then, when the piece stops early, the malformed
    /// line (`error`, its line counted from the piece's start) or the file's cut-off last line (`truncated`).
    private static final class Chunk {
        byte[] bytes;
        int count;
        Event[] events = new Event[64];
        long[] lines = new long[64];
        long[] hashes = new long[64];
        long[] declared = new long[64];
        int firstStart;
        int firstHashedEnd;
        long lineCount;
        AuditLogException error;
        Truncation truncated;

        void add(Event e, long line, long hash, long declaredHash) {
            if (count == events.length) {
                int n = count * 2;
                events = Arrays.copyOf(events, n);
                lines = Arrays.copyOf(lines, n);
                hashes = Arrays.copyOf(hashes, n);
                declared = Arrays.copyOf(declared, n);
            }
            events[count] = e;
            lines[count] = line;
            hashes[count] = hash;
            declared[count] = declaredHash;
            count++;
        }
    }

    /// A worker's job: the lines of `piece`, as [AuditLogReader#visit] splits and decodes them.
    private Chunk decode(Piece piece) {
        LineDecoder decoder = decoders.get();
        byte[] b = piece.bytes();
        int length = piece.length();
        Chunk c = new Chunk();
        c.bytes = b;
        long line = 0;
        long previousDeclared = 0;
        int i = 0;
        while (i < length) {
            int newline = LineSource.indexOfNewline(b, i, length);
            boolean terminated = newline >= 0;
            int end = terminated ? newline : length;
            line++;
            if (!blank(b, i, end)) {
                Event e;
                try {
                    e = decoder.record(b, i, end, line);
                } catch (AuditLogException ex) {
                    if (terminated) { // only the file's last line can lack its newline
                        c.error = ex;
                    } else {
                        c.truncated = new Truncation(line, end - i);
                    }
                    break;
                }
                int hashedEnd = decoder.hashedEnd();
                long declaredHash = decoder.declaredHash();
                if (c.count == 0) {
                    c.firstStart = i;
                    c.firstHashedEnd = hashedEnd;
                    c.add(e, line, 0, declaredHash);
                } else {
                    c.add(e, line, ChainHash.hash(previousDeclared, b, i, hashedEnd - i), declaredHash);
                }
                previousDeclared = declaredHash;
            }
            i = end + 1;
        }
        c.lineCount = line;
        return c;
    }

    /// As [LineSource#blank()]: only spaces, tabs and carriage returns.
    private static boolean blank(byte[] b, int start, int end) {
        for (int i = start; i < end; i++) {
            byte c = b[i];
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    /// Cuts the file from an offset into pieces of whole lines: each of about `chunkBytes` (more when one line is
    /// longer), ending after its last newline; the last piece is the rest of the file. Used by the calling thread
    /// only.
    private final class Splitter {
        private final FileChannel channel;
        private long position;
        private byte[] carry = new byte[0];
        private int carried;
        private boolean done;

        Splitter(FileChannel channel, long offset) {
            this.channel = channel;
            this.position = offset;
        }

        boolean done() {
            return done;
        }

        Piece next() throws IOException {
            byte[] buf = new byte[Math.max(chunkBytes, carried * 2)];
            System.arraycopy(carry, 0, buf, 0, carried);
            int filled = carried;
            int scanned = 0; // bytes already known to hold no newline
            while (true) {
                boolean eof = false;
                while (filled < buf.length) {
                    int n = channel.read(ByteBuffer.wrap(buf, filled, buf.length - filled), position);
                    if (n < 0) {
                        eof = true;
                        break;
                    }
                    position += n;
                    filled += n;
                }
                if (eof) {
                    done = true;
                    carried = 0;
                    return new Piece(buf, filled, true);
                }
                int cut = lastNewline(buf, scanned, filled);
                if (cut >= 0) {
                    carried = filled - cut - 1;
                    if (carry.length < carried) {
                        carry = new byte[Math.max(carried, chunkBytes)];
                    }
                    System.arraycopy(buf, cut + 1, carry, 0, carried);
                    return new Piece(buf, cut + 1, false);
                }
                scanned = filled; // one line longer than the buffer: grow it and read on
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
        }

        private static int lastNewline(byte[] b, int from, int to) {
            for (int i = to - 1; i >= from; i--) {
                if (b[i] == '\n') {
                    return i;
                }
            }
            return -1;
        }
    }
}
