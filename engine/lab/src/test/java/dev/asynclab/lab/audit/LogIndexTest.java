package dev.asynclab.lab.audit;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogIndexTest {

    @TempDir
    Path dir;

    /// One log for every try of the property: 600 calls, about 2,000 events.
    private static final List<Event> RUN = IndexTestLogs.poolRun(600, 7);
    private static Path shared;

    private static synchronized Path sharedLog() throws IOException {
        if (shared == null) {
            Path d = Files.createTempDirectory("asynclab-index-test-");
            d.toFile().deleteOnExit();
            shared = IndexTestLogs.write(d.resolve("run.jsonl"), RUN);
            shared.toFile().deleteOnExit();
        }
        return shared;
    }

    @Property(tries = 60)
    void aWindowReadThroughTheIndexHoldsTheSameEventsAsAReadFromTheStart(
            @ForAll @IntRange(min = 1, max = 700) int blockEvents, @ForAll @IntRange(min = 0, max = 3000) int at,
            @ForAll @IntRange(min = 1, max = 2500) int length) throws IOException {
        LogIndex index = LogIndexer.index(sharedLog(), blockEvents, n -> { }, () -> false);
        long t = RUN.get(Math.min(at, RUN.size() - 1)).t();
        int block = index.blockAt(t);
        List<Event> window = new ArrayList<>();
        VerificationReport report = LogWindowReader.read(index, block, length, h -> { }, window::add);

        int from = (int) index.firstEvent(block);
        assertThat(window).isEqualTo(RUN.subList(from, Math.min(RUN.size(), from + length)));
        assertThat(report.ok()).as(report.reason()).isTrue();
        assertThat(index.blocks().get(block).firstT()).isLessThanOrEqualTo(Math.max(t, index.firstTime()));
        if (block + 1 < index.blocks().size()) {
            assertThat(index.blocks().get(block + 1).firstT()).isGreaterThan(t);
        }
    }

    @Test
    void anIndexWrittenAndReadBackIsTheSame() throws IOException {
        Path log = IndexTestLogs.write(dir.resolve("a.jsonl"), RUN);
        LogIndex index = LogIndexer.index(log, 100, n -> { }, () -> false);
        Path file = dir.resolve("a.idx");
        LogIndexFile.write(index, file);

        LogIndex back = LogIndexFile.read(file, log).orElseThrow();
        assertThat(back.blocks()).isEqualTo(index.blocks()).hasSize((RUN.size() + 99) / 100);
        assertThat(back.events()).isEqualTo(RUN.size());
        assertThat(back.chainOk()).isTrue();
        assertThat(back.matches(Files.size(log), Files.getLastModifiedTime(log).toMillis())).isTrue();
        assertThat(back.overview().rawCounts()).isEqualTo(index.overview().rawCounts());
        assertThat(back.overview().rawPeakQueued()).isEqualTo(index.overview().rawPeakQueued());
        assertThat(back.overview().binWidth()).isEqualTo(index.overview().binWidth());
    }

    @Test
    void theOverviewCountsEveryEventOnceAndTheMostRunningAndQueued() throws IOException {
        Path log = IndexTestLogs.write(dir.resolve("a.jsonl"), RUN);
        RunOverview o = LogIndexer.index(log, 64, n -> { }, () -> false).overview();

        long total = 0;
        long timeouts = 0;
        int mostRunning = 0;
        int mostQueued = 0;
        for (int b = 0; b < o.bins(); b++) {
            total += o.total(b);
            timeouts += o.count(b, EventType.TIMED_OUT);
            mostRunning = Math.max(mostRunning, o.peakRunning(b));
            mostQueued = Math.max(mostQueued, o.peakQueued(b));
        }
        assertThat(total).isEqualTo(RUN.size());
        assertThat(timeouts).isEqualTo(RUN.stream().filter(e -> e.type() == EventType.TIMED_OUT).count());
        assertThat(mostRunning).isOne(); // the run starts each call after the last one ended
        assertThat(mostQueued).isOne();
        assertThat(o.bins()).isLessThanOrEqualTo(RunOverview.MAX_BINS);
        assertThat(o.binStart(o.bins() - 1)).isLessThanOrEqualTo(RUN.getLast().t());
        assertThat(o.binStart(o.bins() - 1) + o.binWidth()).isGreaterThan(RUN.getLast().t());
    }

    @Test
    void aLineEditedInsideAWindowIsNamedWhenTheWindowIsRead() throws IOException {
        Path log = IndexTestLogs.write(dir.resolve("a.jsonl"), RUN);
        LogIndex index = LogIndexer.index(log, 100, n -> { }, () -> false);
        // Line 1,234 (seq 1,232) gets one byte changed in place: same size, same modification time, so the index
        // still matches the file and only the chain can tell.
        int line = 1_234;
        editInPlace(log, line, "\"name\":\"f", "\"name\":\"g");

        List<Event> window = new ArrayList<>();
        VerificationReport edited = LogWindowReader.read(index, 12, 300, h -> { }, window::add);
        assertThat(edited.ok()).isFalse();
        assertThat(edited.firstBadLine()).isEqualTo(line);
        assertThat(edited.reason()).isEqualTo("line 1234: " + LogInvariants.HASH_MISMATCH);
        assertThat(window).hasSize(300); // read on past it, as a whole-log replay does

        VerificationReport after = LogWindowReader.read(index, 13, 300, h -> { }, e -> { });
        assertThat(after.ok()).as("a later window chains on from what its first line's predecessor declares")
                .isTrue();
    }

    @Test
    void aMalformedLineInsideAWindowIsNamedWithItsColumnAndWhatWasExpected() throws IOException {
        Path log = IndexTestLogs.write(dir.resolve("a.jsonl"), RUN);
        LogIndex index = LogIndexer.index(log, 100, n -> { }, () -> false);
        editInPlace(log, 1_234, "\"seq\":", "\"seX\":");

        VerificationReport r = LogWindowReader.read(index, 12, 300, h -> { }, e -> { });
        assertThat(r.ok()).isFalse();
        assertThat(r.reason()).startsWith("line 1234: column ").contains("expected the field \"seq\"");
    }

    @Test
    void theIndexingPassNamesTheFirstBadLineAndStillIndexesEveryBlock() throws IOException {
        Path log = IndexTestLogs.write(dir.resolve("a.jsonl"), RUN);
        editInPlace(log, 500, "\"name\":\"f", "\"name\":\"g");
        LogIndex index = LogIndexer.index(log, 100, n -> { }, () -> false);
        assertThat(index.chainOk()).isFalse();
        assertThat(index.firstBadLine()).isEqualTo(500);
        assertThat(index.events()).isEqualTo(RUN.size());
        assertThat(index.summary()).startsWith("line 500: hash mismatch");
    }

    @Test
    void aKeptIndexIsReusedAndAStaleOneIsMadeAgain() throws IOException {
        Path log = IndexTestLogs.write(dir.resolve("a.jsonl"), RUN.subList(0, 1_000));
        var cache = new LogIndexCache(dir.resolve("cache"), 100);
        long[] passes = {0};
        LogIndex first = cache.open(log, n -> { }, () -> {
            passes[0]++;
            return false;
        });
        assertThat(first.events()).isEqualTo(1_000);
        assertThat(Files.exists(cache.fileFor(log))).isTrue();
        long checked = passes[0];
        assertThat(checked).isPositive();

        assertThat(cache.open(log, n -> { }, () -> {
            passes[0]++;
            return false;
        }).blocks()).isEqualTo(first.blocks());
        assertThat(passes[0]).as("reused: no second pass").isEqualTo(checked);

        // The log grows (a run written on): the kept index no longer matches it.
        IndexTestLogs.write(log, RUN);
        Files.setLastModifiedTime(log, FileTime.fromMillis(first.modified() + 2_000));
        assertThat(cache.kept(log)).isEmpty();
        LogIndex again = cache.open(log, n -> { }, () -> false);
        assertThat(again.events()).isEqualTo(RUN.size());
        assertThat(cache.kept(log)).isPresent();
    }

    @Test
    void aDamagedIndexFileIsNeverTrustedButMadeAgain() throws IOException {
        Path log = IndexTestLogs.write(dir.resolve("a.jsonl"), RUN);
        var cache = new LogIndexCache(dir.resolve("cache"), 100);
        LogIndex first = cache.open(log, n -> { }, () -> false);
        Path file = cache.fileFor(log);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);
        assertThat(cache.kept(log)).isEmpty();

        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 3)); // cut short
        assertThat(cache.kept(log)).isEmpty();
        assertThat(cache.open(log, n -> { }, () -> false).blocks()).isEqualTo(first.blocks());
        assertThat(cache.kept(log)).isPresent();
    }

    @Test
    void aLogThatChangedAfterItWasIndexedIsNotReadThroughTheOldIndex() throws IOException {
        Path log = IndexTestLogs.write(dir.resolve("a.jsonl"), RUN);
        LogIndex index = LogIndexer.index(log, 100, n -> { }, () -> false);
        IndexTestLogs.write(log, RUN.subList(0, 500));
        Files.setLastModifiedTime(log, FileTime.fromMillis(index.modified() + 2_000));
        assertThatThrownBy(() -> LogWindowReader.read(index, 3, 10, h -> { }, e -> { }))
                .isInstanceOf(AuditLogException.class).hasMessageContaining("changed after it was indexed");
    }

    @Test
    void indexingStopsWhenCancelled() throws IOException {
        Path log = IndexTestLogs.write(dir.resolve("a.jsonl"), RUN);
        long[] heard = {0};
        assertThatThrownBy(() -> LogIndexer.index(log, 100, n -> heard[0] = n, () -> heard[0] >= 300))
                .isInstanceOf(CancellationException.class);
        assertThat(heard[0]).isEqualTo(300);
    }

    @Test
    void aCutOffLastLineIsReportedByTheIndex() throws IOException {
        Path log = IndexTestLogs.write(dir.resolve("a.jsonl"), RUN);
        Files.write(log, "{\"seq\":99999,\"t\":1".getBytes(StandardCharsets.UTF_8),
                java.nio.file.StandardOpenOption.APPEND);
        LogIndex index = LogIndexer.index(log, 100, n -> { }, () -> false);
        assertThat(index.chainOk()).isTrue();
        assertThat(index.events()).isEqualTo(RUN.size());
        assertThat(index.truncation()).isPresent();
    }

    /// Replaces the first `from` on line `line` (from 1) with `to`, of the same length, keeping the file's
    /// modification time.
    private static void editInPlace(Path log, int line, String from, String to) throws IOException {
        FileTime modified = Files.getLastModifiedTime(log);
        List<String> lines = new ArrayList<>(Files.readAllLines(log, StandardCharsets.UTF_8));
        String old = lines.get(line - 1);
        assertThat(old).contains(from);
        lines.set(line - 1, old.replaceFirst(java.util.regex.Pattern.quote(from), to));
        Files.write(log, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        Files.setLastModifiedTime(log, modified);
    }
}
