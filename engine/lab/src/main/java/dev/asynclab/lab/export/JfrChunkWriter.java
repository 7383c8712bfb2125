package dev.asynclab.lab.export;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/// Writes one JFR chunk (a whole `.jfr` file) with the events' own times, which the JDK's `jdk.jfr` API cannot
/// do: it stamps events with the current time.
///
/// Overview of the format (version 2.1, as the JDK 25 reader and JDK Mission Control read it):
///
/// - a 68-byte header, big-endian: magic `FLR\0`, version 2.1, chunk size, offsets of the constant pools and of
///   the metadata, start (epoch ns), duration (ns), start ticks, ticks per second, a file-state byte (0 =
///   finished) and a flag byte (bit 0 = integers compressed, bit 1 = final chunk);
/// - records, each a size (counting itself) and a type id, both LEB128, then the fields in the order the type
///   declares them: integers LEB128, strings by encoding byte, constant-pool fields as the entry's key;
/// - a checkpoint record (type 1) with the constant pools (here: the threads), and the metadata record (type 0)
///   with the types, both after the events, since the threads are known only at the end.
///
/// Ticks are nanoseconds since the chunk's start, so an event's start is simply its `t` in the log.
///
/// ```java
/// try (var chunk = JfrChunkWriter.create(path, metadata, startEpochNanos)) {
///     chunk.event(type.id, body, endTicks);
/// }
/// ```
final class JfrChunkWriter implements AutoCloseable {

    private static final int HEADER_SIZE = 68;
    private static final long CHECKPOINT_TYPE = 1;
    private static final long METADATA_TYPE = 0;
    /// The flag byte: integers are LEB128 (JDK Mission Control reads them raw without this bit; the JDK always
    /// reads LEB128), and this chunk is the recording's last.
    private static final byte COMPRESSED_INTEGERS = 1;
    private static final byte FINAL_CHUNK = 1 << 1;

    private final FileChannel file;
    private final JfrMetadata metadata;
    private final long startEpochNanos;
    private final ByteBuffer out = ByteBuffer.allocate(1 << 16);
    private final JfrBuffer record = new JfrBuffer();
    private final Map<String, Long> threads = new LinkedHashMap<>();
    private long position = HEADER_SIZE;
    private long lastTicks;

    private JfrChunkWriter(FileChannel file, JfrMetadata metadata, long startEpochNanos) {
        this.file = file;
        this.metadata = metadata;
        this.startEpochNanos = startEpochNanos;
    }

    static JfrChunkWriter create(Path path, JfrMetadata metadata, long startEpochNanos) throws IOException {
        var channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        channel.position(HEADER_SIZE);
        return new JfrChunkWriter(channel, metadata, startEpochNanos);
    }

    /// The constant-pool key of the thread named `name` (a worker), made on first use.
    long thread(String name) {
        return threads.computeIfAbsent(name, n -> (long) threads.size() + 1);
    }

    /// Writes an event of type `typeId` whose fields (from `startTime` on) are in `body`; `endTicks` is when it
    /// ended, to know the recording's length.
    void event(long typeId, JfrBuffer body, long endTicks) throws IOException {
        lastTicks = Math.max(lastTicks, endTicks);
        writeRecord(typeId, body);
    }

    private void writeRecord(long typeId, JfrBuffer body) throws IOException {
        int payload = JfrBuffer.varLongSize(typeId) + body.size();
        int size = payload + 1;
        while (JfrBuffer.varLongSize(size) + payload != size) {
            size = JfrBuffer.varLongSize(size) + payload;
        }
        record.clear().putVarLong(size).putVarLong(typeId).putBytes(body.array(), 0, body.size());
        put(record.array(), record.size());
    }

    @Override
    public void close() throws IOException {
        try (file) {
            long checkpointAt = position;
            writeRecord(CHECKPOINT_TYPE, checkpoint());
            long metadataAt = position;
            var body = new JfrBuffer().putVarLong(0).putVarLong(0).putVarLong(1);
            metadata.writeTo(body);
            writeRecord(METADATA_TYPE, body);
            flush();
            ByteBuffer header = ByteBuffer.allocate(HEADER_SIZE).order(ByteOrder.BIG_ENDIAN);
            header.put(new byte[] {'F', 'L', 'R', 0}).putShort((short) 2).putShort((short) 1)
                    .putLong(position).putLong(checkpointAt).putLong(metadataAt)
                    .putLong(startEpochNanos).putLong(lastTicks).putLong(0).putLong(1_000_000_000L)
                    .put((byte) 0).put((byte) 0).put((byte) 0).put((byte) (COMPRESSED_INTEGERS | FINAL_CHUNK)).flip();
            file.write(header, 0);
        }
    }

    /// The checkpoint: start, duration, delta to the next checkpoint (0: none), flags, then one pool, the
    /// threads: its type id, its size, and per thread the key and the fields of `java.lang.Thread`.
    private JfrBuffer checkpoint() {
        var body = new JfrBuffer().putVarLong(0).putVarLong(0).putVarLong(0).putByte(0);
        if (threads.isEmpty()) {
            return body.putVarLong(0);
        }
        body.putVarLong(1).putVarLong(JfrMetadata.THREAD).putVarLong(threads.size());
        threads.forEach((name, key) -> body.putVarLong(key)
                .putString(name).putVarLong(key).putString(name).putVarLong(key));
        return body;
    }

    private void put(byte[] bytes, int length) throws IOException {
        int from = 0;
        while (from < length) {
            int n = Math.min(out.remaining(), length - from);
            out.put(bytes, from, n);
            from += n;
            if (!out.hasRemaining()) {
                flush();
            }
        }
        position += length;
    }

    private void flush() throws IOException {
        out.flip();
        while (out.hasRemaining()) {
            file.write(out);
        }
        out.clear();
    }
}
