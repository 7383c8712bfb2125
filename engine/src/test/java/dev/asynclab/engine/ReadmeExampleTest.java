package dev.asynclab.engine;

import dev.asynclab.engine.audit.AuditHeader;
import dev.asynclab.engine.audit.AuditLogWriter;
import dev.asynclab.engine.audit.AuditVerifier;
import dev.asynclab.engine.event.EventBus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/// The README's "engine as a library" example, kept compiling and true.
class ReadmeExampleTest {

    static String fetchUser(int id) {
        return "user-" + id;
    }

    @Test
    void theReadmeExampleRuns(@TempDir Path dir) throws Exception {
        Path auditFile = dir.resolve("audit.jsonl");
        // --- README example starts here
        // One call: a timeout, cancellation and an exception boundary.
        AsyncCallbackResult r = new AsyncCallbackWrapper(() -> fetchUser(42), "fetch-user", Duration.ofMillis(500))
                .executeBlocking();
        System.out.println(r.status() + " " + r.value() + " in " + r.executionTime());

        // A pool of 4 with an audit log, and a call retried with exponential backoff and jitter.
        var header = AuditHeader.of("run-1", "readme", Instant.now(), EngineVersion.VERSION, "real", 1);
        try (var audit = AuditLogWriter.open(auditFile, header);
             var bus = EventBus.create(1 << 16, audit)) {
            var runtime = AsyncCallbackRuntime.builder().events(bus).build();
            try (var pool = new AsyncCallbackPool(runtime, 4, 100)) {
                var policy = RetryPolicy.builder().maxAttempts(3)
                        .delay(Duration.ofMillis(20)).backoff(2.0, Duration.ofSeconds(1)).jitter(0.2).build();
                var flaky = AsyncCallbacks.executeWithRetry(pool, ctx -> {
                    if (ctx.attempt() < 2) {
                        throw new java.io.IOException("connection reset");
                    }
                    return "ok on attempt " + ctx.attempt();
                }, "flaky", Duration.ofSeconds(1), policy);
                var fastest = AsyncCallbacks.executeRace(pool, List.of(
                        Task.call("server-1", ctx -> { ctx.sleep(Duration.ofMillis(200)); return "server-1"; },
                                Duration.ofSeconds(1)),
                        Task.call("cache", ctx -> "cache", Duration.ofSeconds(1))), Duration.ofMillis(300));
                System.out.println(flaky.join().value() + ", race won by " + fastest.join().value());
                pool.awaitAll(Duration.ofSeconds(10));
            }
        }
        System.out.println(AuditVerifier.verify(auditFile).summary());
        // --- README example ends here
        assertThat(r.value()).isEqualTo("user-42");
        assertThat(AuditVerifier.verify(auditFile).ok()).isTrue();
    }

    @Test
    void readmeExampleStaysInTheReadme() throws IOException {
        String readme = java.nio.file.Files.readString(Path.of("..", "README.md"));
        assertThat(readme).contains("AsyncCallbacks.executeWithRetry(pool", "AuditLogWriter.open(auditFile, header)");
    }
}
