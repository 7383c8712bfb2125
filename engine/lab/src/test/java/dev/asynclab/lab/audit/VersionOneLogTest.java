package dev.asynclab.lab.audit;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/// Logs written before the resilience policies (format version 1) still read and verify.
class VersionOneLogTest {

    @TempDir
    Path dir;

    private static Path versionOneLog() throws URISyntaxException {
        return Path.of(VersionOneLogTest.class.getResource("/audit/version-1.jsonl").toURI());
    }

    @Test
    void aVersionOneLogReadsWithEveryEventAndVerifies() throws Exception {
        AuditLog log = AuditLogReader.read(versionOneLog());
        assertThat(log.header().version()).isEqualTo(1);
        // Written by the engine before the policies and before typed run and group fields: the same run, event
        // for event, and the group's kind, then written into `value`, reads back as its kind.
        assertThat(log.events()).extracting(Event::type)
                .containsExactlyElementsOf(AuditTestLogs.run().stream().map(Event::type).toList());
        assertThat(log.events()).filteredOn(e -> e.type() == EventType.GROUP_STARTED).extracting(Event::kind)
                .containsExactly("race");
        assertThat(log.events()).filteredOn(e -> e.type() == EventType.FAILED).extracting(Event::errorType)
                .containsExactly("IOException");
        assertThat(AuditVerifier.verify(versionOneLog()).ok()).isTrue();
    }

    @Test
    void thisEngineWritesVersionTwo() throws IOException {
        Path file = AuditTestLogs.write(dir.resolve("a.jsonl"), AuditTestLogs.header(), AuditTestLogs.run());
        assertThat(Files.readAllLines(file).getFirst()).contains("\"version\":2,");
    }

    @Test
    void aVersionOneLogCannotHoldAnEventTypeOfVersionTwo() throws Exception {
        var header = new AuditHeader(AuditHeader.FORMAT, 1, "run-1", "old", AuditTestLogs.START, "0.1.0",
                AuditHeader.CLOCK_SIMULATED, 42, null);
        var events = AuditTestLogs.runWithPolicies();
        Path file = AuditTestLogs.write(dir.resolve("mixed.jsonl"), header, events);
        int line = 2 + (int) events.stream().takeWhile(e -> e.type() != EventType.CIRCUIT_OPENED).count();
        assertThatThrownBy(() -> AuditLogReader.read(file))
                .isInstanceOf(AuditLogException.class)
                .hasMessageStartingWith(file + ":" + line + ":")
                .hasMessageEndingWith("event type \"CIRCUIT_OPENED\" is new in format version 2, but the header says "
                        + "version 1");
    }
}
