package dev.asynclab.engine;

import dev.asynclab.docexamples.ExampleCompiler;
import dev.asynclab.docexamples.ExampleCompiler.Failure;
import dev.asynclab.docexamples.JavadocExamples;
import dev.asynclab.docexamples.JavadocExamples.Example;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/// Every ```` ```java ```` example in the Javadoc of the core's exported packages compiles against the core, as a
/// user would write it (the house rule: public API has Javadoc with a short example that compiles).
///
/// An example may use what its surroundings would give it — a `pool`, a `runtime`, a callback it names — without
/// declaring it, so the Javadoc stays short. What each type's examples take as given is written here, in
/// [#CONTEXTS], and only here: fields, and abstract methods for the user's own code (`show(...)`). Every example
/// also has the imports of the exported packages and of the JDK packages in [#IMPORTS].
/// [PolicyJavadocExamplesTest] also runs the policy types' examples; here they are only compiled, with the rest.
class JavadocExamplesCompileTest {

    static final List<String> IMPORTS = Stream.concat(
            Stream.of("java.util", "java.util.concurrent", "java.time", "java.nio.file"),
            JavadocExamples.read(Path.of("src/main/java")).exportedPackages().stream())
            .map(p -> "import " + p + ".*;").toList();

    static final Map<String, String> CONTEXTS = Map.ofEntries(
            Map.entry("AsyncCallbackGuard", """
                    abstract String slowLookup();
                    abstract boolean userLeftThePage();
                    abstract void show(Object value);
                    """),
            Map.entry("AsyncCallbackPool", """
                    AsyncCallbackRuntime runtime;
                    """),
            Map.entry("AsyncCallbackWrapper", """
                    abstract String fetchUser(int id);
                    abstract void show(Object value);
                    abstract void retryLater();
                    abstract void log(String line);
                    """),
            Map.entry("AsyncCallbacks", """
                    AsyncCallback flakyCall, server1, server2;
                    """),
            Map.entry("Bulkhead", """
                    AsyncCallbackPool pool;
                    AsyncCallback query;
                    """),
            Map.entry("CircuitBreaker", """
                    AsyncCallbackRuntime runtime;
                    AsyncCallbackPool pool;
                    AsyncCallback payCall;
                    """),
            Map.entry("Fallback", """
                    import dev.asynclab.engine.AsyncCallbackResult.Status;
                    AsyncCallback fetchPrice, fetchUser;
                    """),
            Map.entry("FaultInjection", """
                    AsyncCallback fetch;
                    """),
            Map.entry("RateLimiter", """
                    AsyncCallbackRuntime runtime;
                    AsyncCallbackPool pool;
                    AsyncCallback api;
                    """),
            Map.entry("RetryBudget", """
                    AsyncCallbackRuntime runtime;
                    AsyncCallback fetch;
                    """),
            Map.entry("Task", """
                    AsyncCallbackPool pool;
                    AsyncCallback server1, cache, fetch;
                    CircuitBreaker breaker;
                    RetryPolicy retry;
                    """),
            Map.entry("EventBus", """
                    Scheduler scheduler;
                    """));

    @TempDir
    Path classes;

    @Test
    void everyJavadocExampleOfTheExportedPackagesCompiles() {
        List<Example> examples = JavadocExamples.read(Path.of("src/main/java")).examples();
        List<Failure> failures = new ExampleCompiler(IMPORTS).compile(examples, CONTEXTS, classes);
        assertThat(failures.size()).as(() -> "javac errors in " + examples.size() + " examples:\n\n"
                + failures.stream().map(Failure::toString).collect(Collectors.joining("\n\n")) + "\n").isZero();
    }

    @Test
    void examplesAreFoundInEveryExportedPackage() {
        var read = JavadocExamples.read(Path.of("src/main/java"));
        assertThat(read.exportedPackages())
                .containsExactly("dev.asynclab.engine", "dev.asynclab.engine.event", "dev.asynclab.engine.spi");
        assertThat(read.examples().stream().map(Example::packageName).distinct())
                .containsExactlyInAnyOrderElementsOf(read.exportedPackages());
    }

    @Test
    void everyContextBelongsToATypeWithExamples() {
        var types = JavadocExamples.read(Path.of("src/main/java")).examples().stream().map(Example::typeName).toList();
        assertThat(types).containsAll(CONTEXTS.keySet());
    }

    @Test
    void aBrokenExampleFailsNamingItsTypeItsLineAndJavacsMessage() {
        var broken = new Example("dev.asynclab.engine", "AsyncCallbackPool", true, 26, List.of(
                "var pool = AsyncCallbackPool.builder(runtime).size(4).build();",
                "pool.submitt(ctx -> 1, \"x\", Duration.ofSeconds(1));"));
        List<Failure> failures = new ExampleCompiler(IMPORTS).compile(List.of(broken), CONTEXTS, classes);
        assertThat(failures).singleElement().asString()
                .contains("dev.asynclab.engine.AsyncCallbackPool (line 26)", "pool.submitt(", "line 2 of the example",
                        "cannot find symbol");
    }
}
