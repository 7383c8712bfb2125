package dev.asynclab.lab.audit;

import dev.asynclab.engine.event.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/// Measures the audit log on one thread and prints the figures (not a test: figures live in reports, not in
/// assertions). Run with:
/// `./mvnw -B -q -pl engine/lab -am test -Dtest=AuditLogThroughput -Dasynclab.measure=true
/// -Dsurefire.failIfNoSpecifiedTests=false` (its output lands in `engine/lab/target/surefire-reports`), or `main`
/// with `java` on the compiled classes.
@EnabledIfSystemProperty(named = "asynclab.measure", matches = "true")
public final class AuditLogThroughput {

    @Test
    void report() throws Exception {
        main(new String[0]);
    }

    private static final int EVENTS = 2_000_000;
    private static final int ROUNDS = 4;

    private AuditLogThroughput() {
    }

    public static void main(String[] args) throws Exception {
        Event[] events = new Event[EVENTS];
        for (int i = 0; i < EVENTS; i++) {
            events[i] = AuditTestLogs.synthetic(i);
        }
        compareHashes();
        Path file = Files.createTempFile("asynclab-audit-bench", ".jsonl");
        Path copy = Files.createTempFile("asynclab-audit-baseline", ".jsonl");
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                long c0 = cpuNanos();
                long t0 = System.nanoTime();
                try (var writer = new AuditLogWriter(file, AuditTestLogs.header())) {
                    for (int i = 0; i < EVENTS; i++) {
                        writer.onEvent(events[i]);
                        if ((i & 4095) == 4095) {
                            writer.onBatchEnd(); // as the event bus does at most every 4096 events
                        }
                    }
                }
                long t1 = System.nanoTime();
                long c1 = cpuNanos();
                long[] read = {0};
                try (var reader = AuditLogReader.open(file)) {
                    reader.forEach(e -> read[0] += e.seq());
                }
                long t2 = System.nanoTime();
                long c2 = cpuNanos();
                VerificationReport report = AuditVerifier.verify(file);
                long t3 = System.nanoTime();
                long c3 = cpuNanos();
                long rawWrite = copyInChunks(file, copy);
                long rawRead = countLines(file);
                System.out.printf("round %d: %,d events, %,d bytes; M events/s by wall time (by process CPU "
                                + "time): write %.2f (%.2f), read %.2f (%.2f) = %d ms per million, verify %.2f (%.2f);"
                                + " baselines on the same bytes: plain file write %.2f, read and count lines %.2f;"
                                + " %s%n", round, EVENTS, Files.size(file), rate(t1 - t0), rate(c1 - c0),
                        rate(t2 - t1), rate(c2 - c1), (t2 - t1) / 1_000_000 * 1_000_000 / EVENTS, rate(t3 - t2),
                        rate(c3 - c2), rate(rawWrite), rate(rawRead), report.summary());
            }
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(copy);
        }
    }

    /// Baseline for writing: the same bytes, already formatted, copied to a file in 64 KiB writes.
    private static long copyInChunks(Path from, Path to) throws IOException {
        byte[] all = Files.readAllBytes(from);
        long t0 = System.nanoTime();
        try (var out = Files.newOutputStream(to)) {
            for (int off = 0; off < all.length; off += 1 << 16) {
                out.write(all, off, Math.min(1 << 16, all.length - off));
            }
        }
        return System.nanoTime() - t0;
    }

    /// Baseline for reading: the file read in 1 MiB chunks and its newlines counted.
    private static long countLines(Path file) throws IOException {
        long t0 = System.nanoTime();
        long lines = 0;
        byte[] buf = new byte[1 << 20];
        try (var in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        if (lines < EVENTS) {
            throw new IllegalStateException("the log has " + lines + " lines");
        }
        return System.nanoTime() - t0;
    }

    /// CPU time of the whole process (this thread, GC and JIT): unlike wall time, not inflated by other
    /// processes competing for the cores.
    private static long cpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos();
    }

    private static double rate(long nanos) {
        return EVENTS / (nanos / 1e9) / 1e6;
    }

    /// Per-line cost of the chain hash: XXH64 (chosen) against SHA-256 through MessageDigest, on a typical line.
    private static void compareHashes() throws NoSuchAlgorithmException {
        byte[] line = ("{\"seq\":812,\"t\":153204117,\"type\":\"TIMED_OUT\",\"id\":97,\"attempt\":2,\"group\":41,"
                + "\"name\":\"fetch-user\",\"worker\":\"w3\",\"duration\":100000000").getBytes(StandardCharsets.UTF_8);
        int n = 5_000_000;
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] prev = new byte[8];
        for (int round = 0; round < 2; round++) {
            long h = 0;
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                h = ChainHash.hash(h, line, 0, line.length);
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sha.update(prev);
                sha.update(line);
                byte[] d = sha.digest();
                System.arraycopy(d, 0, prev, 0, 8);
            }
            long t2 = System.nanoTime();
            System.out.printf("hash of a %d-byte line: xxh64 %.1f ns, sha-256 %.1f ns (%x %x)%n", line.length,
                    (t1 - t0) / (double) n, (t2 - t1) / (double) n, h, prev[0]);
        }
    }
}
