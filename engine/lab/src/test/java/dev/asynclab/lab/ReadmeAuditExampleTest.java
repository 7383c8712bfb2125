package dev.asynclab.lab;

import dev.asynclab.engine.AsyncCallbackRuntime;
import dev.asynclab.engine.AsyncCallbackWrapper;
import dev.asynclab.engine.AsyncCallbackRuntime;
import dev.asynclab.engine.event.EventBus;
import dev.asynclab.lab.audit.AuditHeader;
import dev.asynclab.lab.audit.AuditLogWriter;
import dev.asynclab.lab.audit.AuditVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/// The README's audit-log example (the lab on the core), kept compiling and true.
class ReadmeAuditExampleTest {

    static String fetchUser(int id) {
        return "user-" + id;
    }

    @Test
    void theReadmeAuditExampleWritesAVerifiedLog(@TempDir Path dir) throws Exception {
        Path auditFile = dir.resolve("audit.jsonl");
        // --- README example starts here
        // The lab's audit log is a sink like any other: hash-chained JSON Lines that `asynclab verify` checks.
        var header = AuditHeader.of("run-1", "readme", Instant.now(), AsyncCallbackRuntime.ENGINE_VERSION, "real", 1);
        try (var audit = AuditLogWriter.open(auditFile, header);
             var bus = EventBus.create(1 << 16, audit)) {
            var runtime = AsyncCallbackRuntime.builder().events(bus).build();
            new AsyncCallbackWrapper(runtime, ctx -> fetchUser(7), "fetch-user", Duration.ofMillis(500)).executeBlocking();
        }
        System.out.println(AuditVerifier.verify(auditFile).summary());
        // --- README example ends here
        assertThat(AuditVerifier.verify(auditFile).ok()).isTrue();
        assertThat(Files.readString(auditFile)).contains("\"SUCCEEDED\"", "fetch-user");
    }

    @Test
    void theExampleStaysInTheReadme() throws IOException {
        assertThat(Files.readString(Path.of("..", "..", "README.md"))).contains("AuditLogWriter.open(auditFile, header)");
    }
}
