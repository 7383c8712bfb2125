package dev.asynclab.lab.audit;

import dev.asynclab.engine.event.Event;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;

/// Reads a window of a log through its [LogIndex]: seeks to a block's first line and reads on from there, never
/// parsing what comes before it. The window is verified as it is read, from the block's seed: the hash chain,
/// `seq` from the block's first and `t` never decreasing, so a line edited inside the window is named (file, line
/// and what was expected) just as a whole-log read names it. Like [AuditVerifier#read] it reads on past a failed
/// check and stops at a malformed line.
///
/// ```java
/// List<Event> window = new ArrayList<>();
/// VerificationReport r = LogWindowReader.read(index, index.blockAt(t), 1_000_000, h -> { }, window::add);
/// ```
public final class LogWindowReader {

    private LogWindowReader() {
    }

    /// Hands `events` at most `maxEvents` records from the start of block `firstBlock` on, and `header` the log's
    /// header first; returns what the window's verification found ([VerificationReport#lines] is the last line
    /// read).
    ///
    /// @throws AuditLogException when the log cannot be read, is not an audit log, or has changed since it was
    ///                           indexed (its size or modification time differ)
    public static VerificationReport read(LogIndex index, int firstBlock, long maxEvents,
                                          Consumer<? super AuditHeader> header, Consumer<? super Event> events) {
        if (firstBlock < 0 || firstBlock >= Math.max(1, index.blocks().size())) {
            throw new IllegalArgumentException("block " + firstBlock + " is not one of the index's "
                    + index.blocks().size());
        }
        requireUnchanged(index);
        if (index.blocks().isEmpty()) {
            try (var reader = AuditLogReader.open(index.log())) {
                header.accept(reader.header());
            }
            return LogInvariants.chainFrom(0, -1, Long.MIN_VALUE).report(Optional.empty(), 1);
        }
        LogIndex.Block block = index.blocks().get(firstBlock);
        try (var reader = AuditLogReader.openAt(index.log(), block.offset(), block.firstLine())) {
            header.accept(reader.header());
            var checks = LogInvariants.chainFrom(block.seed(), block.firstSeq(), block.previousT());
            long[] read = {0, block.firstLine()};
            try {
                reader.visit((event, line, buf, start, hashedEnd, declaredHash) -> {
                    if (read[0] == maxEvents) {
                        throw Enough.INSTANCE;
                    }
                    read[1] = line;
                    checks.check(event, line, buf, start, hashedEnd, declaredHash);
                    checks.resync(declaredHash);
                    read[0]++;
                    events.accept(event);
                });
            } catch (Enough enough) {
                return checks.report(Optional.empty(), read[1]);
            } catch (AuditLogException e) {
                checks.fail(e.line(), "column " + e.column() + ": malformed: " + e.problem());
                return checks.report(Optional.empty(), e.line());
            }
            return checks.report(reader.truncation(), reader.truncation().map(Truncation::line).orElse(read[1]));
        }
    }

    private static void requireUnchanged(LogIndex index) {
        try {
            if (!index.matchesFile()) {
                throw new AuditLogException(index.log(), 0, 0, "the log changed after it was indexed (its size or "
                        + "modification time differ); open it again to index it anew");
            }
        } catch (IOException e) {
            throw new AuditLogException(index.log(), 0, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    /// Ends the read once the window is full.
    private static final class Enough extends RuntimeException {
        static final Enough INSTANCE = new Enough();

        private Enough() {
            super(null, null, false, false);
        }
    }
}
