package dev.asynclab.lab.audit;

import dev.asynclab.engine.event.EventType;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/// A [LogIndex] as a small binary file: a magic and version, the log's path, size and modification time, the
/// verification result, the blocks, the overview, and a CRC-32 of all of it last. Reading gives nothing (rather
/// than an error) for a file that is missing, of another version, cut short or whose CRC does not match: the
/// caller then indexes the log again, so an index is never trusted beyond what it can show about itself.
final class LogIndexFile {

    private static final long MAGIC = 0x4153594E_43494458L; // "ASYNCIDX"
    /// Bump when the layout changes: an index of another version is rebuilt, never read.
    private static final int VERSION = 1;
    private static final int TYPES = EventType.values().length;

    private LogIndexFile() {
    }

    /// Writes `index` to `file` through a temporary file moved into place, so a reader never sees half of it.
    static void write(LogIndex index, Path file) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            var crc = new CRC32();
            try (var out = new DataOutputStream(new CheckedOutputStream(
                    new BufferedOutputStream(Files.newOutputStream(tmp)), crc))) {
                out.writeLong(MAGIC);
                out.writeInt(VERSION);
                out.writeUTF(index.log().toAbsolutePath().normalize().toString());
                out.writeLong(index.size());
                out.writeLong(index.modified());
                out.writeInt(index.blockEvents());
                out.writeLong(index.events());
                out.writeBoolean(index.chainOk());
                out.writeLong(index.firstBadLine());
                out.writeUTF(index.reason());
                out.writeLong(index.truncation().map(Truncation::line).orElse(-1L));
                out.writeInt(index.truncation().map(Truncation::bytes).orElse(-1));
                out.writeInt(index.blocks().size());
                for (LogIndex.Block b : index.blocks()) {
                    out.writeLong(b.offset());
                    out.writeLong(b.firstLine());
                    out.writeLong(b.firstSeq());
                    out.writeLong(b.firstT());
                    out.writeLong(b.lastT());
                    out.writeLong(b.previousT());
                    out.writeLong(b.seed());
                    out.writeInt(b.events());
                }
                RunOverview o = index.overview();
                out.writeInt(TYPES);
                out.writeLong(o.binWidth());
                out.writeInt(o.bins());
                for (long c : o.rawCounts()) {
                    out.writeLong(c);
                }
                for (int i = 0; i < o.bins(); i++) {
                    out.writeInt(o.rawPeakRunning()[i]);
                    out.writeInt(o.rawPeakQueued()[i]);
                }
                out.flush();
                out.writeLong(crc.getValue());
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /// The index in `file` for `log`, or empty when there is none that can be trusted to be one (see above). It
    /// does not check that the log is unchanged: [LogIndex#matches] does.
    static Optional<LogIndex> read(Path file, Path log) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        var crc = new CRC32();
        try (var in = new DataInputStream(new CheckedInputStream(
                new BufferedInputStream(Files.newInputStream(file)), crc))) {
            if (in.readLong() != MAGIC || in.readInt() != VERSION) {
                return Optional.empty();
            }
            String path = in.readUTF();
            if (!path.equals(log.toAbsolutePath().normalize().toString())) {
                return Optional.empty(); // two logs whose keys collide: not this one's
            }
            long size = in.readLong();
            long modified = in.readLong();
            int blockEvents = in.readInt();
            long events = in.readLong();
            boolean ok = in.readBoolean();
            long badLine = in.readLong();
            String reason = in.readUTF();
            long cutLine = in.readLong();
            int cutBytes = in.readInt();
            int blockCount = in.readInt();
            if (blockEvents <= 0 || blockCount < 0 || (long) blockCount * blockEvents < events - blockEvents) {
                return Optional.empty();
            }
            List<LogIndex.Block> blocks = new ArrayList<>(blockCount);
            for (int i = 0; i < blockCount; i++) {
                blocks.add(new LogIndex.Block(in.readLong(), in.readLong(), in.readLong(), in.readLong(),
                        in.readLong(), in.readLong(), in.readLong(), in.readInt()));
            }
            if (in.readInt() != TYPES) {
                return Optional.empty();
            }
            long width = in.readLong();
            int bins = in.readInt();
            if (bins < 0 || bins > RunOverview.MAX_BINS) {
                return Optional.empty();
            }
            long[] counts = new long[bins * TYPES];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = in.readLong();
            }
            int[] running = new int[bins];
            int[] queued = new int[bins];
            for (int i = 0; i < bins; i++) {
                running[i] = in.readInt();
                queued[i] = in.readInt();
            }
            long computed = crc.getValue();
            if (in.readLong() != computed || in.read() != -1) {
                return Optional.empty();
            }
            return Optional.of(new LogIndex(log, size, modified, blockEvents, events, blocks, ok, badLine, reason,
                    cutLine < 0 ? Optional.empty() : Optional.of(new Truncation(cutLine, cutBytes)),
                    new RunOverview(width, bins, counts, running, queued)));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty(); // cut short or inconsistent: index the log again
        }
    }
}
