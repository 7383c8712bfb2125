package dev.asynclab.lab.audit;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/// Where a log's events are on disk, so that any part of a log larger than the heap can be read without reading
/// what comes before it: per block of [#blockEvents()] events, the byte offset and line of its first record, its
/// first `seq`, its first and last `t`, and the chain's seed there (the hash the line before it declares), which
/// is all [LogWindowReader] needs to verify the block and what follows. Also what the indexing pass found of the
/// whole log (chain verified or the first bad line, a cut-off last line) and a [RunOverview].
///
/// Made by [LogIndexer] in one streaming pass, kept next to the user's cache by [LogIndexCache]. It names the
/// log's size and modification time when it was made; [#matches] tells whether it still describes the file.
///
/// ```java
/// LogIndex index = LogIndexCache.user().open(Path.of("audit.jsonl"), n -> { }, () -> false);
/// int block = index.blockAt(60_000_000_000L);   // the block holding the run's first minute's end
/// ```
///
/// @param log          the log, as given when it was indexed
/// @param size         the log's size in bytes then
/// @param modified     its modification time then, in milliseconds since the epoch
/// @param blockEvents  events per block (the last block may hold fewer)
/// @param events       records indexed (up to the first malformed line, if any)
/// @param blocks       the blocks, in file order
/// @param chainOk      the hash chain, `seq` and `t` held over every record indexed
/// @param firstBadLine the first line where they did not, from 1; 0 when `chainOk`
/// @param reason       why, "line N: …"; empty when `chainOk`
/// @param truncation   the cut-off last line, if any
/// @param overview     the run over time
public record LogIndex(Path log, long size, long modified, int blockEvents, long events, List<Block> blocks,
                       boolean chainOk, long firstBadLine, String reason, Optional<Truncation> truncation,
                       RunOverview overview) {

    public LogIndex {
        blocks = List.copyOf(blocks);
        if (blockEvents <= 0) {
            throw new IllegalArgumentException("blockEvents must be positive, got " + blockEvents);
        }
    }

    /// One block: `events` records from byte `offset` (line `firstLine`), `seq` from `firstSeq`, times
    /// `firstT`…`lastT`; `previousT` is the `t` of the record before it (`Long.MIN_VALUE` for the first block) and
    /// `seed` the hash the line before it declares (the header's for the first block).
    public record Block(long offset, long firstLine, long firstSeq, long firstT, long lastT, long previousT,
                        long seed, int events) {
    }

    /// True when `size` and `modified` are the log's now: a log that changed (appended to, rewritten) needs a
    /// new index.
    public boolean matches(long size, long modified) {
        return this.size == size && this.modified == modified;
    }

    /// Whether [#log()] as it is on disk now is the file this index was made of ([#matches]).
    ///
    /// @throws java.io.IOException when the log's size or modification time cannot be read
    public boolean matchesFile() throws java.io.IOException {
        return matches(java.nio.file.Files.size(log), java.nio.file.Files.getLastModifiedTime(log).toMillis());
    }

    /// The block holding time `t` (the last one starting at or before it; the first for a `t` before the run).
    public int blockAt(long t) {
        int lo = 0;
        int hi = blocks.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (blocks.get(mid).firstT() <= t) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return Math.max(0, lo);
    }

    /// The index of the first event of `block` in the whole log.
    public long firstEvent(int block) {
        return (long) block * blockEvents;
    }

    /// The run's first and last event times; 0 for a log with no events.
    public long firstTime() {
        return blocks.isEmpty() ? 0 : blocks.getFirst().firstT();
    }

    public long lastTime() {
        return blocks.isEmpty() ? 0 : blocks.getLast().lastT();
    }

    /// One line for a person: "chain verified over 100,000,000 events" or the first bad line's reason.
    public String summary() {
        String s = chainOk ? String.format(java.util.Locale.ROOT, "chain verified over %,d events", events) : reason;
        return s + truncation.map(t -> " · " + t.describe()).orElse("");
    }
}
