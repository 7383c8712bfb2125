package dev.asynclab.engine;

import dev.asynclab.docexamples.ReadmeExamples;
import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/// The README's "engine as a library" example, read from README.md as it is written, compiled against the core
/// alone and run, with what it prints checked. It used to be a copy in this file, with the README checked for two
/// of its strings: a line changed in one and not in the other went unseen.
class ReadmeExampleTest {

    static final Path README = Path.of("..", "..", "README.md");

    /// What a reader's file around the block would have: the imports, and the `fetchUser` it calls; after the
    /// block, its result and events handed back to the test.
    private static final String AROUND = """
            import dev.asynclab.engine.*;
            import dev.asynclab.engine.event.*;
            import java.time.Duration;
            import java.util.List;
            import java.util.concurrent.CopyOnWriteArrayList;

            public class ReadmeCoreExample {
                static String fetchUser(int id) {
                    return "user-" + id;
                }

                public static Object[] run() throws Exception {
            README_BLOCK
                    return new Object[] {r, events};
                }
            }
            """;

    @Test
    void theReadmeExampleCompilesAndRunsOnTheCoreAloneAsWritten(@TempDir Path dir) throws Throwable {
        String block = ReadmeExamples.block(README, "AsyncCallbacks.executeWithRetry(pool");
        Class<?> example = ReadmeExamples.compile(dir, "ReadmeCoreExample", AROUND.replace("README_BLOCK", block),
                ReadmeExampleTest.class.getClassLoader());

        var printed = new ByteArrayOutputStream();
        PrintStream out = System.out;
        Object[] result;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            result = (Object[]) ReadmeExamples.run(example, "run");
        } finally {
            System.setOut(out);
        }

        AsyncCallbackResult r = (AsyncCallbackResult) result[0];
        @SuppressWarnings("unchecked")
        List<Event> events = (List<Event>) result[1];
        assertThat(r.value()).isEqualTo("user-42");
        assertThat(events).filteredOn(e -> e.type() == EventType.RETRY_SCHEDULED).hasSize(1);
        assertThat(events).filteredOn(e -> e.type() == EventType.SUCCEEDED && "cache".equals(e.name())).hasSize(1);
        assertThat(printed.toString(StandardCharsets.UTF_8).lines().toList()).hasSize(3).satisfiesExactly(
                line -> assertThat(line).startsWith("SUCCEEDED user-42 in PT"),
                line -> assertThat(line).isEqualTo("ok on attempt 2, race won by cache"),
                line -> assertThat(line).isEqualTo("1 retries"));
    }
}
