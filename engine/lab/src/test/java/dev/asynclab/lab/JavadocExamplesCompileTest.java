package dev.asynclab.lab;

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

/// Every ```` ```java ```` example in the Javadoc of the lab's exported packages compiles against the lab and the
/// core, as a user would write it (the house rule: public API has Javadoc with a short example that compiles).
///
/// An example may use what its surroundings would give it — a `scenario`, a `summary`, a log's `path`, the user's
/// own `submit()` — without declaring it, so the Javadoc stays short. What each type's examples take as given is
/// written here, in [#CONTEXTS], and only here: fields, and abstract methods for the user's own code. Every example
/// also has the imports of the core's and the lab's exported packages and of the JDK packages in [#IMPORTS].
class JavadocExamplesCompileTest {

    static final List<String> IMPORTS = Stream.of(
            Stream.of("java.util", "java.util.concurrent", "java.time", "java.nio.file",
                    "dev.asynclab.engine", "dev.asynclab.engine.event", "dev.asynclab.engine.spi"),
            JavadocExamples.read(Path.of("src/main/java")).exportedPackages().stream())
            .flatMap(s -> s).map(p -> "import " + p + ".*;").toList();

    static final Map<String, String> CONTEXTS = Map.ofEntries(
            Map.entry("RunMetrics", "Path path;"),
            Map.entry("Notable", "RunHistory history;"),
            Map.entry("RedFlags", """
                    Scenario scenario;
                    RunSummary summary;
                    List<Event> events;
                    """),
            Map.entry("RunHistory", "Path path;"),
            Map.entry("StepCaption", """
                    RunHistory history;
                    Event event;
                    """),
            Map.entry("StoryTeller", "List<Event> events;"),
            Map.entry("TourPlan", """
                    Scenario scenario;
                    RunSummary summary;
                    List<Event> events;
                    """),
            Map.entry("JfrChunkWriter", """
                    Path path;
                    JfrMetadata metadata;
                    long startEpochNanos;
                    JfrMetadata.EventType type;
                    JfrBuffer body;
                    long endTicks;
                    """),
            Map.entry("AuditLogException", "Path path;"),
            Map.entry("AuditLogReader", "List<Event> store;"),
            Map.entry("AuditLogTail", """
                    List<Event> store;
                    java.util.concurrent.atomic.AtomicReference<String> title;
                    """),
            Map.entry("AuditLogWriter", "AuditHeader header;"),
            Map.entry("AuditVerifier", "Path path;"),
            Map.entry("EventSource", "Event event;"),
            Map.entry("LogWindowReader", """
                    LogIndex index;
                    long t;
                    """),
            Map.entry("RunOverview", "LogIndex index;"),
            Map.entry("Truncation", "AuditLogReader reader;"),
            Map.entry("VerificationReport", "Path path;"),
            Map.entry("Advice", """
                    WorkloadFit fit;
                    SweepTarget target;
                    """),
            Map.entry("AdviceJson", """
                    Path dir;
                    Advice advice;
                    """),
            Map.entry("Advisor", "WorkloadFit fit;"),
            Map.entry("CpuVerdict", "Recorded recorded;"),
            Map.entry("WorkloadYaml", """
                    Path dir;
                    WorkloadFit fit;
                    """),
            Map.entry("Arrival", "java.util.random.RandomGenerator random;"),
            Map.entry("ArrivalStream", """
                    Scheduler scheduler;
                    abstract void submit();
                    """),
            Map.entry("ClockMode", "Scenario scenario;"),
            Map.entry("Defaults", "Scenario scenario;"),
            Map.entry("Failure", """
                    int attempt;
                    java.util.random.RandomGenerator random;
                    """),
            Map.entry("GroupKind", """
                    AsyncCallbackPool pool;
                    GroupSpec group;
                    List<Task> tasks;
                    """),
            Map.entry("Linter", """
                    Scenario scenario;
                    ScenarioRun run;
                    """),
            Map.entry("PoolSpec", """
                    Scenario scenario;
                    AsyncCallbackRuntime runtime;
                    """),
            Map.entry("PoolSweep", "Scenario scenario;"),
            Map.entry("Position", """
                    Path file;
                    CallbackSpec spec;
                    """),
            Map.entry("RetryPolicies", "CallbackSpec callback;"),
            Map.entry("Scenario", "Map<String, Long> observedCounts;"),
            Map.entry("ScenarioException", "Path path;"),
            Map.entry("ScenarioRun", """
                    Scenario scenario;
                    AuditLogWriter auditWriter;
                    """),
            Map.entry("ScenarioScripts", """
                    Scenario scenario;
                    List<EventSink> sinks;
                    """),
            Map.entry("Step", """
                    Step step;
                    abstract void submit(CallbackSpec callback);
                    abstract void runGroup(GroupSpec group);
                    """),
            Map.entry("SweepTarget", "RunSummary summary;"),
            Map.entry("Tour", "Scenario scenario;"),
            Map.entry("TourMeasure", "RunSummary summary;"),
            Map.entry("TourQuestion", """
                    TourQuestion question;
                    RunSummary summary;
                    """),
            Map.entry("ScriptErrorTypes", """
                    AsyncCallbackResult result;
                    abstract void warnAbout(String message);
                    """),
            Map.entry("ScriptHost", "AsyncCallback.Context ctx;"),
            Map.entry("AdaptivePool", """
                    AsyncCallbackPool pool;
                    Task task;
                    """),
            Map.entry("Lifecycle", """
                    List<Long> latencies;
                    List<Event> events;
                    """));

    @TempDir
    Path work;

    @Test
    void everyJavadocExampleOfTheExportedPackagesCompiles() {
        List<Example> examples = JavadocExamples.read(Path.of("src/main/java")).examples();
        List<Failure> failures = new ExampleCompiler(IMPORTS).compile(examples, CONTEXTS, work);
        assertThat(failures.size()).as(() -> "javac errors in " + examples.size() + " examples:\n\n"
                + failures.stream().map(Failure::toString).collect(Collectors.joining("\n\n")) + "\n").isZero();
    }

    @Test
    void examplesAreFoundInEveryExportedPackage() {
        var read = JavadocExamples.read(Path.of("src/main/java"));
        assertThat(read.exportedPackages()).hasSize(9).doesNotContain("dev.asynclab.lab.export.perfetto");
        assertThat(read.examples().stream().map(Example::packageName).distinct())
                .containsExactlyInAnyOrderElementsOf(read.exportedPackages());
    }

    @Test
    void everyContextBelongsToATypeWithExamples() {
        var examples = JavadocExamples.read(Path.of("src/main/java")).examples();
        assertThat(examples.stream().map(Example::typeName).toList()).containsAll(CONTEXTS.keySet());
        assertThat(examples.stream().collect(Collectors.groupingBy(Example::typeName,
                Collectors.mapping(Example::packageName, Collectors.toSet()))))
                .as("a context is keyed by a type's simple name").allSatisfy((type, packages) ->
                        assertThat(packages).as(type).hasSize(1));
    }

    @Test
    void aBrokenExampleFailsNamingItsTypeItsLineAndJavacsMessage() {
        var broken = new Example("dev.asynclab.lab.advise", "Advisor", true, 26, List.of(
                "Advice a = Advisor.advise(fit, new Advisor.Settings(1, 16, 1.5, 40, 7), SweepTarget.parse(\"p99<50ms\"));"));
        List<Failure> failures = new ExampleCompiler(IMPORTS).compile(List.of(broken), CONTEXTS, work);
        assertThat(failures).singleElement().asString()
                .contains("dev.asynclab.lab.advise.Advisor (line 26)", "Advisor.advise(fit", "line 1 of the example",
                        "cannot be applied to given types");
    }
}
