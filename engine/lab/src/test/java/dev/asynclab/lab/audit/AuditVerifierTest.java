package dev.asynclab.lab.audit;

import dev.asynclab.engine.event.EventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/// `verify` names the first line of a log that was edited, removed, reordered or cut, and refuses what is not
/// an audit log. The log's own rules (seq, t, one terminal event each) are in [LogInvariantsTest].
class AuditVerifierTest {

    private static final String MISMATCH = "hash mismatch (edited, removed or reordered)";

    @TempDir
    Path dir;

    @Test
    void anUntouchedRunVerifies() throws IOException {
        VerificationReport r = AuditVerifier.verify(original());

        assertThat(r.ok()).as(r.summary()).isTrue();
        assertThat(r.firstBadLine()).isZero();
        assertThat(r.events()).isEqualTo(25);
        assertThat(r.invocations()).isEqualTo(6);
        assertThat(r.finished()).isTrue();
        assertThat(r.counts()).containsEntry(EventType.SUBMITTED, 6L).containsEntry(EventType.STARTED, 4L);
        assertThat(r.truncation()).isEmpty();
    }

    @Test
    void anEditedFieldIsNamedByItsLine() throws IOException {
        Path file = tamper(lines -> {
            lines.set(4, lines.get(4).replace("\"fetch-user\"", "\"fetch-usr\""));
            return lines;
        });

        assertFirstBad(file, 5, "line 5: " + MISMATCH);
    }

    @Test
    void anEditedNumberInTheLastLineIsNamed() throws IOException {
        Path file = tamper(lines -> {
            int last = lines.size() - 1;
            lines.set(last, lines.get(last).replace("\"duration\":400000000", "\"duration\":400000001"));
            return lines;
        });

        assertFirstBad(file, 26, "line 26: " + MISMATCH);
    }

    @Test
    void aRemovedLineIsNamedByTheLineThatNowStandsThere() throws IOException {
        Path file = tamper(lines -> {
            lines.remove(6);
            return lines;
        });

        assertFirstBad(file, 7, "line 7: " + MISMATCH);
    }

    @Test
    void swappedLinesAreNamedByTheFirstOfThem() throws IOException {
        Path file = tamper(lines -> {
            Collections.swap(lines, 7, 8);
            return lines;
        });

        assertFirstBad(file, 8, "line 8: " + MISMATCH);
    }

    @Test
    void anEditedHeaderIsLineOne() throws IOException {
        Path file = tamper(lines -> {
            lines.set(0, lines.get(0).replace("\"seed\":42", "\"seed\":43"));
            return lines;
        });

        assertFirstBad(file, 1, "line 1: " + MISMATCH);
    }

    @Test
    void aReplacedHashIsNamed() throws IOException {
        Path file = tamper(lines -> {
            lines.set(3, lines.get(3).replaceAll("\"h\":\"[0-9a-f]{16}\"", "\"h\":\"0000000000000000\""));
            return lines;
        });

        assertFirstBad(file, 4, "line 4: " + MISMATCH);
    }

    @Test
    void aMalformedLineIsAFailedReportNamingLineAndColumn() throws IOException {
        Path file = tamper(lines -> {
            lines.set(2, "{\"seq\":1,\"t\":oops}");
            return lines;
        });

        VerificationReport r = AuditVerifier.verify(file);

        assertThat(r.ok()).isFalse();
        assertThat(r.firstBadLine()).isEqualTo(3);
        assertThat(r.reason()).isEqualTo("line 3: column 14: malformed: expected an integer for \"t\"");
    }

    @Test
    void aCutLastLineIsReportedButTheLogStillVerifies() throws IOException {
        Path file = original();
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 30));

        VerificationReport r = AuditVerifier.verify(file);

        assertThat(r.ok()).isTrue();
        assertThat(r.truncation()).hasValueSatisfying(t -> assertThat(t.line()).isEqualTo(26));
        assertThat(r.events()).isEqualTo(24);
        assertThat(r.finished()).isFalse();
        assertThat(r.summary()).contains("line 26: cut after");
    }

    @Test
    void aFileThatIsNotAnAuditLogIsBadInput() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.jsonl"), "{\"hello\":\"world\"}\n");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AuditVerifier.verify(file))
                .isInstanceOf(AuditLogException.class)
                .hasMessage(file + ":1:18: expected the header (\"format\":\"asynclab-audit\") on the first line");
    }

    private void assertFirstBad(Path file, long line, String reason) {
        VerificationReport r = AuditVerifier.verify(file);
        assertThat(r.ok()).isFalse();
        assertThat(r.firstBadLine()).isEqualTo(line);
        assertThat(r.reason()).isEqualTo(reason);
        assertThat(r.summary()).isEqualTo(reason);
    }

    private Path original() throws IOException {
        return AuditTestLogs.write(dir.resolve("audit.jsonl"), AuditTestLogs.header(), AuditTestLogs.run());
    }

    private Path tamper(UnaryOperator<List<String>> edit) throws IOException {
        Path file = original();
        var lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        Files.write(file, edit.apply(lines), StandardCharsets.UTF_8);
        return file;
    }
}
