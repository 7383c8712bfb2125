package dev.asynclab.lab.audit;

import dev.asynclab.engine.event.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/// `AuditVerifier.read`: one pass that hands every event on and verifies as it goes (a replay reads a log once),
/// reporting exactly what `verify` reports, and reading on past an edited line.
class AuditVerifierReadTest {

    @TempDir
    Path dir;

    private Path original() throws IOException {
        return AuditTestLogs.write(dir.resolve("audit.jsonl"), AuditTestLogs.header(), AuditTestLogs.run());
    }

    @Test
    void anUntouchedLogIsReadWholeAndReportedAsVerifyDoes() throws IOException {
        Path file = original();
        List<Event> events = new ArrayList<>();
        AuditHeader[] header = new AuditHeader[1];

        VerificationReport r = AuditVerifier.read(file, h -> header[0] = h, events::add);

        assertThat(r).isEqualTo(AuditVerifier.verify(file));
        assertThat(events).isEqualTo(AuditLogReader.read(file).events());
        assertThat(header[0]).isEqualTo(AuditLogReader.read(file).header());
    }

    @Test
    void anEditedLineIsNamedAndTheEventsAfterItStillArrive() throws IOException {
        Path file = original();
        var lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        lines.set(4, lines.get(4).replace("\"fetch-user\"", "\"fetch-usr\""));
        Files.write(file, lines, StandardCharsets.UTF_8);
        List<Event> events = new ArrayList<>();

        VerificationReport r = AuditVerifier.read(file, h -> { }, events::add);

        assertThat(r.ok()).isFalse();
        assertThat(r.firstBadLine()).isEqualTo(5);
        assertThat(r.reason()).isEqualTo(AuditVerifier.verify(file).reason());
        assertThat(events).hasSize(AuditTestLogs.run().size());
    }
}
