package dev.asynclab.lab.audit;

import dev.asynclab.engine.event.Event;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/// The parallel reader yields exactly what the sequential one ([AuditVerifier#read]) yields — header, events in
/// order, report — and fails with the same first error, for any of the test logs, any chunk size (down to a few
/// bytes, so chunks end everywhere, and lines longer than a chunk) and any number of workers, with a byte of the
/// file replaced, removed or added anywhere, a blank line added, or the file cut short anywhere.
class ParallelLogReaderTest {

    private Path dir;

    @BeforeProperty
    void makeDir() throws IOException {
        dir = Files.createTempDirectory("parallel-log-reader-");
    }

    @AfterProperty
    void deleteDir() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /// An edit to a log's bytes: what kind, where (a fraction of the file), and the byte it puts there.
    record Edit(int kind, double at, byte value) {
        byte[] apply(byte[] log) {
            int i = (int) (at * log.length);
            return switch (kind) {
                case 0 -> log;
                case 1 -> { // replace
                    byte[] b = log.clone();
                    if (b.length > 0) {
                        b[Math.min(i, b.length - 1)] = value;
                    }
                    yield b;
                }
                case 2 -> { // remove
                    if (log.length == 0) {
                        yield log;
                    }
                    int at = Math.min(i, log.length - 1);
                    byte[] b = new byte[log.length - 1];
                    System.arraycopy(log, 0, b, 0, at);
                    System.arraycopy(log, at + 1, b, at, log.length - at - 1);
                    yield b;
                }
                case 3 -> insert(log, i, new byte[] {value});
                case 4 -> insert(log, i, " \n".getBytes()); // a blank line, or spaces and a line break mid-line
                default -> java.util.Arrays.copyOf(log, i); // cut short
            };
        }

        private static byte[] insert(byte[] log, int at, byte[] what) {
            byte[] b = new byte[log.length + what.length];
            System.arraycopy(log, 0, b, 0, at);
            System.arraycopy(what, 0, b, at, what.length);
            System.arraycopy(log, at, b, at + what.length, log.length - at);
            return b;
        }
    }

    @Provide
    Arbitrary<Edit> edits() {
        Arbitrary<Byte> value = Arbitraries.oneOf(
                Arbitraries.of((byte) '\n', (byte) ' ', (byte) '"', (byte) '0', (byte) '7', (byte) 'x', (byte) '}',
                        (byte) '{', (byte) ',', (byte) ':', (byte) '\\', (byte) '-', (byte) 'a'),
                Arbitraries.bytes());
        return net.jqwik.api.Combinators.combine(
                Arbitraries.integers().between(0, 5), Arbitraries.doubles().between(0, 1), value).as(Edit::new);
    }

    @Provide
    Arbitrary<List<Event>> logs() {
        return Arbitraries.oneOf(
                Arbitraries.just(AuditTestLogs.run()),
                Arbitraries.just(AuditTestLogs.runWithPolicies()),
                Arbitraries.integers().between(0, 600).map(n ->
                        LongStream.range(0, n).mapToObj(AuditTestLogs::synthetic).toList()));
    }

    @Property(tries = 400)
    void yieldsWhatTheSequentialReaderYields(@ForAll("logs") List<Event> events, @ForAll("edits") Edit edit,
            @ForAll @IntRange(min = 1, max = 600) int chunkBytes, @ForAll @IntRange(min = 1, max = 3) int workers)
            throws IOException {
        Path clean = AuditTestLogs.write(dir.resolve("clean.jsonl"), AuditTestLogs.header(), events);
        Path file = dir.resolve("edited.jsonl");
        Files.write(file, edit.apply(Files.readAllBytes(clean)));

        Outcome sequential = Outcome.of(sink -> AuditVerifier.read(file, sink.header(), sink.events()));
        Outcome parallel = Outcome.of(sink -> ParallelLogReader.read(file, chunkBytes, workers, sink.header(),
                sink.events()));

        assertThat(parallel.failure()).isEqualTo(sequential.failure());
        assertThat(parallel.report()).isEqualTo(sequential.report());
        assertThat(parallel.header()).isEqualTo(sequential.header());
        assertThat(parallel.events()).isEqualTo(sequential.events());
    }

    /// What a read gave: its report or the error it threw (as file:line:column: problem), and what it handed over.
    record Outcome(VerificationReport report, String failure, AuditHeader header, List<Event> events) {

        record Sink(List<AuditHeader> headers, List<Event> list) {
            java.util.function.Consumer<AuditHeader> header() {
                return headers::add;
            }

            java.util.function.Consumer<Event> events() {
                return list::add;
            }
        }

        static Outcome of(java.util.function.Function<Sink, VerificationReport> read) {
            Sink sink = new Sink(new ArrayList<>(), new ArrayList<>());
            VerificationReport report = null;
            String failure = null;
            try {
                report = read.apply(sink);
            } catch (AuditLogException e) {
                failure = e.getMessage() + " @" + e.line() + ":" + e.column();
            }
            return new Outcome(report, failure, sink.headers().isEmpty() ? null : sink.headers().getFirst(),
                    sink.list());
        }
    }
}
