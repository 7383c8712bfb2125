package dev.asynclab.lab;

import dev.asynclab.docexamples.ReadmeExamples;
import dev.asynclab.lab.audit.AuditVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/// The README's audit-log example (the lab on the core), read from README.md as it is written, compiled and run:
/// it writes a log that verifies. It used to be a copy in this file, with the README checked for one of its strings.
class ReadmeAuditExampleTest {

    /// What a reader's file around the block would have: the imports, the `fetchUser` it calls, and the
    /// `auditFile` it writes (here, in the test's folder).
    private static final String AROUND = """
            import dev.asynclab.engine.AsyncCallbackRuntime;
            import dev.asynclab.engine.AsyncCallbackWrapper;
            import dev.asynclab.engine.event.EventBus;
            import dev.asynclab.lab.audit.AuditHeader;
            import dev.asynclab.lab.audit.AuditLogWriter;
            import dev.asynclab.lab.audit.AuditVerifier;
            import java.nio.file.Path;
            import java.time.Duration;
            import java.time.Instant;

            public class ReadmeAuditExample {
                static String fetchUser(int id) {
                    return "user-" + id;
                }

                public static void run(Path auditFile) throws Exception {
            README_BLOCK
                }
            }
            """;

    @Test
    void theReadmeAuditExampleCompilesAndWritesAVerifiedLogAsWritten(@TempDir Path dir) throws Throwable {
        String block = ReadmeExamples.block(Path.of("..", "..", "README.md"), "AuditLogWriter.open(auditFile");
        Class<?> example = ReadmeExamples.compile(dir.resolve("example"), "ReadmeAuditExample",
                AROUND.replace("README_BLOCK", block), ReadmeAuditExampleTest.class.getClassLoader());
        Path auditFile = dir.resolve("audit.jsonl");

        var printed = new ByteArrayOutputStream();
        PrintStream out = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            ReadmeExamples.run(example, "run", auditFile);
        } finally {
            System.setOut(out);
        }

        assertThat(AuditVerifier.verify(auditFile).ok()).isTrue();
        assertThat(Files.readString(auditFile)).contains("\"SUCCEEDED\"", "fetch-user");
        assertThat(printed.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo(AuditVerifier.verify(auditFile).summary());
    }
}
