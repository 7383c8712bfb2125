package dev.asynclab.lab.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/// Makes a [LogIndex] in one streaming pass over a log: parses every record, checks the hash chain, gap-free
/// `seq` and `t` never decreasing (not one terminal event per invocation: that needs every invocation of the run
/// in memory, and `asynclab verify` checks it), notes where each block starts and folds the [RunOverview].
/// Memory stays the same whatever the log's size: a block's worth of bookkeeping per [#DEFAULT_BLOCK] events and
/// the invocations in flight.
///
/// It reads on past a bad hash (the index then says where the chain first broke, and each block's seed is what the
/// line before it declares, so every later window still verifies on its own) and stops at a malformed line, as
/// [AuditVerifier#read] does.
///
/// ```java
/// LogIndex index = LogIndexer.index(Path.of("audit.jsonl"), LogIndexer.DEFAULT_BLOCK,
///         n -> System.out.println(n + " events indexed"), () -> false);
/// ```
public final class LogIndexer {

    /// Events per block: 1,526 blocks for 100,000,000 events, and a window's start is never more than this many
    /// events from the time asked for.
    public static final int DEFAULT_BLOCK = 1 << 16;

    private LogIndexer() {
    }

    /// Indexes `log`; `progress` hears the events indexed so far after every block, and the pass stops with a
    /// [CancellationException] at the first block boundary where `cancelled` says so.
    ///
    /// @throws AuditLogException when the file cannot be read or does not start with an audit log header
    public static LogIndex index(Path log, int blockEvents, LongConsumer progress, BooleanSupplier cancelled) {
        if (blockEvents <= 0) {
            throw new IllegalArgumentException("blockEvents must be positive, got " + blockEvents);
        }
        long size;
        long modified;
        try {
            size = Files.size(log);
            modified = Files.getLastModifiedTime(log).toMillis();
        } catch (IOException e) {
            throw new AuditLogException(log, 0, 0, "cannot read: " + e.getMessage(), e);
        }
        try (var reader = AuditLogReader.open(log)) {
            var pass = new Pass(reader, blockEvents, progress, cancelled);
            try {
                reader.visit(pass::record);
            } catch (AuditLogException e) {
                pass.checks.fail(e.line(), "column " + e.column() + ": malformed: " + e.problem());
            }
            pass.closeBlock();
            var report = pass.checks.report(reader.truncation(), 0);
            return new LogIndex(log, size, modified, blockEvents, pass.events, pass.blocks, report.ok(),
                    report.firstBadLine(), report.reason(),
                    report.ok() ? reader.truncation() : Optional.empty(), pass.overview.build());
        }
    }

    /// One pass's state: the checks, the open block, the overview.
    private static final class Pass {
        private final AuditLogReader reader;
        private final int blockEvents;
        private final LongConsumer progress;
        private final BooleanSupplier cancelled;
        final LogInvariants checks;
        final RunOverview.Builder overview = new RunOverview.Builder();
        final List<LogIndex.Block> blocks = new ArrayList<>();
        long events;
        /// The hash the last line declared: the next block's seed.
        private long lastDeclared;
        private long lastT = Long.MIN_VALUE;
        private int inBlock;
        private long offset;
        private long firstLine;
        private long firstSeq;
        private long firstT;
        private long previousT;
        private long seed;

        Pass(AuditLogReader reader, int blockEvents, LongConsumer progress, BooleanSupplier cancelled) {
            this.reader = reader;
            this.blockEvents = blockEvents;
            this.progress = progress;
            this.cancelled = cancelled;
            checks = LogInvariants.chainFrom(reader.headerHash(), -1, Long.MIN_VALUE);
            if (reader.headerHash() != reader.headerDeclaredHash()) {
                checks.fail(1, LogInvariants.HASH_MISMATCH);
            }
            lastDeclared = reader.headerDeclaredHash();
        }

        void record(dev.asynclab.engine.event.Event e, long line, byte[] buf, int start, int hashedEnd,
                    long declaredHash) {
            if (inBlock == 0) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("indexing " + reader.file() + " was cancelled");
                }
                offset = reader.lineOffset();
                firstLine = line;
                firstSeq = e.seq();
                firstT = e.t();
                previousT = lastT;
                seed = lastDeclared;
            }
            checks.check(e, line, buf, start, hashedEnd, declaredHash);
            // Chain on from what the line declares, so one edited line fails itself and not every line after it.
            checks.resync(declaredHash);
            overview.add(e);
            lastDeclared = declaredHash;
            lastT = e.t();
            events++;
            if (++inBlock == blockEvents) {
                closeBlock();
                progress.accept(events);
            }
        }

        void closeBlock() {
            if (inBlock > 0) {
                blocks.add(new LogIndex.Block(offset, firstLine, firstSeq, firstT, lastT, previousT, seed, inBlock));
                inBlock = 0;
            }
        }
    }
}
