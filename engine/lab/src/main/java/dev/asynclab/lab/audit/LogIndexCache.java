package dev.asynclab.lab.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/// Where log indexes are kept between runs: one file per log in a folder of the user's cache
/// (`$XDG_CACHE_HOME/asynclab/index`, else `~/.cache/asynclab/index`; the system property `asynclab.cache` moves
/// it), named by a hash of the log's absolute path. The index file names the log's path, size and modification
/// time; an index that does not match the log as it is now, or cannot be read whole, is made again. A cache that
/// cannot be written costs only the next open's indexing pass: the index is still returned.
///
/// ```java
/// LogIndex index = LogIndexCache.user().open(Path.of("audit.jsonl"), n -> { }, () -> false);
/// ```
public final class LogIndexCache {

    private final Path dir;
    private final int blockEvents;

    /// A cache in `dir` whose indexes have `blockEvents` events a block.
    public LogIndexCache(Path dir, int blockEvents) {
        this.dir = dir;
        this.blockEvents = blockEvents;
    }

    /// The user's cache, with [LogIndexer#DEFAULT_BLOCK] events a block.
    public static LogIndexCache user() {
        return new LogIndexCache(userDir(), LogIndexer.DEFAULT_BLOCK);
    }

    static Path userDir() {
        String set = System.getProperty("asynclab.cache");
        if (set != null && !set.isBlank()) {
            return Path.of(set, "index");
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("asynclab").resolve("index");
    }

    /// The index file kept for `log`.
    public Path fileFor(Path log) {
        byte[] path = log.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8);
        return dir.resolve(ChainHash.toHex(ChainHash.hash(0, path, 0, path.length)) + ".idx");
    }

    /// The kept index of `log` if it still matches the file, else a new one ([LogIndexer#index], which `progress`
    /// and `cancelled` are handed to), kept for next time.
    ///
    /// @throws AuditLogException when the log cannot be read or is not an audit log
    /// @throws java.util.concurrent.CancellationException when `cancelled` stopped the indexing pass
    public LogIndex open(Path log, LongConsumer progress, BooleanSupplier cancelled) {
        Optional<LogIndex> kept = kept(log);
        if (kept.isPresent()) {
            return kept.get();
        }
        LogIndex index = LogIndexer.index(log, blockEvents, progress, cancelled);
        try {
            Files.createDirectories(dir);
            LogIndexFile.write(index, fileFor(log));
        } catch (IOException | UnsupportedOperationException e) {
            // Not kept: the next open indexes again. The index itself is whole, so this open goes on.
        }
        return index;
    }

    /// The kept index of `log`, when there is one that matches the file as it is now and has this cache's block
    /// size.
    public Optional<LogIndex> kept(Path log) {
        return LogIndexFile.read(fileFor(log), log).filter(i -> i.blockEvents() == blockEvents && matchesFile(i));
    }

    private static boolean matchesFile(LogIndex index) {
        try {
            return index.matchesFile();
        } catch (IOException e) {
            return false; // a log that cannot be read is indexed anew, which says why it cannot
        }
    }
}
