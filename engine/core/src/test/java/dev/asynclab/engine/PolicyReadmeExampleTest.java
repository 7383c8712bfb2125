package dev.asynclab.engine;

import dev.asynclab.docexamples.ReadmeExamples;
import dev.asynclab.engine.AsyncCallbackResult.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/// The README's resilience-policies example, read from README.md as it is written, compiled and run on the
/// simulated clock; it prints what its last comment says it prints. It used to be a copy in this file whose lines
/// were each looked for somewhere in the README.
class PolicyReadmeExampleTest {

    /// What a reader's file around the block would have; after the block, its calls handed back to the test.
    private static final String AROUND = """
            import dev.asynclab.engine.*;
            import dev.asynclab.engine.spi.SimulatedScheduler;
            import java.time.Duration;
            import java.util.ArrayList;
            import java.util.List;
            import java.util.concurrent.CompletableFuture;

            public class ReadmePolicyExample {
                public static List<CompletableFuture<AsyncCallbackResult>> run() throws Exception {
            README_BLOCK
                    return calls;
                }
            }
            """;

    @Test
    void theReadmePolicyExampleRunsAsWrittenAndPrintsWhatItSays(@TempDir Path dir) throws Throwable {
        String block = ReadmeExamples.block(ReadmeExampleTest.README, "CircuitBreaker.builder(\"inventory-db\")");
        Class<?> example = ReadmeExamples.compile(dir, "ReadmePolicyExample", AROUND.replace("README_BLOCK", block),
                PolicyReadmeExampleTest.class.getClassLoader());

        var printed = new ByteArrayOutputStream();
        PrintStream out = System.out;
        List<CompletableFuture<AsyncCallbackResult>> calls;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            @SuppressWarnings("unchecked")
            var returned = (List<CompletableFuture<AsyncCallbackResult>>) ReadmeExamples.run(example, "run");
            calls = returned;
        } finally {
            System.setOut(out);
        }

        AsyncCallbackResult last = calls.getLast().join();
        assertThat(last.value()).isEqualTo("cached stock");
        assertThat(last.replaced().status()).isEqualTo(Status.REJECTED);
        assertThat(calls).hasSize(100).allSatisfy(c -> assertThat(c.join().value()).isEqualTo("cached stock"));
        // the block's last line is a comment saying what it prints
        String promised = block.strip().lines().toList().getLast().replaceFirst("^// ", "");
        assertThat(printed.toString(StandardCharsets.UTF_8).strip()).isEqualTo(promised)
                .isEqualTo("cached stock instead of: circuit 'inventory-db' is half-open and its 2 probe calls are "
                        + "taken");
    }
}
