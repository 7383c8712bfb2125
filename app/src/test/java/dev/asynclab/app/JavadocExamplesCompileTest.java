package dev.asynclab.app;

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

/// Every ```` ```java ```` example in the Javadoc of the app's exported packages compiles against the app, the lab
/// and the core, as a user would write it (the house rule: public API has Javadoc with a short example that compiles).
///
/// An example may use what its surroundings would give it without declaring it, so the Javadoc stays short. What
/// each type's examples take as given is written here, in [#CONTEXTS], and only here: fields, and abstract methods
/// for the user's own code. Every example also has the imports of the core's, the lab's and the app's exported
/// packages (the lab's read from its `module-info`) and of the JDK packages in [#IMPORTS].
class JavadocExamplesCompileTest {

    private static final Path SOURCES = Path.of("src/main/java");

    static final List<String> IMPORTS = Stream.of(
            Stream.of("java.util", "java.util.concurrent", "java.time", "java.nio.file",
                    "dev.asynclab.engine", "dev.asynclab.engine.event", "dev.asynclab.engine.spi"),
            JavadocExamples.read(Path.of("../engine/lab/src/main/java")).exportedPackages().stream(),
            JavadocExamples.read(SOURCES).exportedPackages().stream())
            .flatMap(s -> s).map(p -> "import " + p + ".*;").toList();

    static final Map<String, String> CONTEXTS = Map.ofEntries(
            Map.entry("AppIcon", "javafx.stage.Stage stage;"),
            Map.entry("DesktopWindow", "import java.io.PrintWriter;"),
            Map.entry("DrainBudget", """
                    List<Event> pending;
                    FeedListener listener;
                    """),
            Map.entry("FxEventFeed", "EventStore store;"),
            Map.entry("BreakerBands", """
                    EventStore store;
                    long t;
                    """),
            Map.entry("EventStore", "List<Event> events;"),
            Map.entry("AdviceView", "javafx.scene.control.Tab tab;"),
            Map.entry("CompareView", "javafx.scene.control.Tab tab;"),
            Map.entry("WhatIfView", "javafx.scene.control.Tab tab;"),
            Map.entry("ChartPng", "org.jfree.chart.JFreeChart chart;"),
            Map.entry("FxBatch", """
                    import javafx.application.Platform;
                    javafx.collections.ObservableList<SweepPoint> series;
                    SweepPoint point;
                    """),
            Map.entry("LatencyDistribution", """
                    import org.jfree.data.xy.XYSeries;
                    Scenario scenario;
                    RunOptions options;
                    """),
            Map.entry("RunComparison", "RunSummary left, right;"),
            Map.entry("ScenarioTraits", "Scenario scenario;"),
            Map.entry("ScenarioVariant", "Scenario scenario;"),
            Map.entry("WhatIfSettings", "Scenario scenario;"),
            Map.entry("SeriesBatch", """
                    org.jfree.data.xy.XYSeries series;
                    double[] xs, ys;
                    """),
            Map.entry("SweepCsv", "List<SweepPoint> points;"),
            Map.entry("SweepExplainer", "List<SweepPoint> points;"),
            Map.entry("SweepPoint", """
                    PoolSweep.Row row;
                    SweepTarget target;
                    """),
            Map.entry("TuningCharts", "TuningViewModel model;"),
            Map.entry("TuningTabs", """
                    import javafx.scene.Scene;
                    javafx.stage.Stage stage;
                    abstract void openRun(RunOptions options);
                    """),
            // The application's main window, which opens a run or a what-if rerun in a new session.
            Map.entry("TuningView", """
                    javafx.scene.control.Tab tab;
                    interface MainWindow { void openRun(Scenario scenario, RunOptions options); }
                    MainWindow mainWindow;
                    """),
            Map.entry("WhatIfViewModel", """
                    interface MainWindow { void runWhatIf(Scenario changed, String changes); }
                    MainWindow mainWindow;
                    """));

    @TempDir
    Path work;

    @Test
    void everyJavadocExampleOfTheExportedPackagesCompiles() {
        List<Example> examples = JavadocExamples.read(SOURCES).examples();
        List<Failure> failures = new ExampleCompiler(IMPORTS).compile(examples, CONTEXTS, work);
        assertThat(failures.size()).as(() -> "javac errors in " + examples.size() + " examples:\n\n"
                + failures.stream().map(Failure::toString).collect(Collectors.joining("\n\n")) + "\n").isZero();
    }

    @Test
    void examplesAreFoundInEveryExportedPackage() {
        var read = JavadocExamples.read(SOURCES);
        assertThat(read.exportedPackages())
                .containsExactly("dev.asynclab.app", "dev.asynclab.app.store", "dev.asynclab.app.feed",
                        "dev.asynclab.app.tuning")
                .as("exported only to javafx.fxml: not public API").doesNotContain("dev.asynclab.app.ui.timeline");
        assertThat(read.examples().stream().map(Example::packageName).distinct())
                .containsExactlyInAnyOrderElementsOf(read.exportedPackages());
    }

    @Test
    void everyContextBelongsToATypeWithExamples() {
        var examples = JavadocExamples.read(SOURCES).examples();
        assertThat(examples.stream().map(Example::typeName).toList()).containsAll(CONTEXTS.keySet());
        assertThat(examples.stream().collect(Collectors.groupingBy(Example::typeName,
                Collectors.mapping(Example::packageName, Collectors.toSet()))))
                .as("a context is keyed by a type's simple name").allSatisfy((type, packages) ->
                        assertThat(packages).as(type).hasSize(1));
    }

    @Test
    void aBrokenExampleFailsNamingItsTypeItsLineAndJavacsMessage() {
        var broken = new Example("dev.asynclab.app.tuning", "SweepCsv", true, 12, List.of(
                "var hasTarget = true;",
                "SweepCsv.writeCsv(points, hasTarget, Path.of(\"sweep.csv\"));"));
        List<Failure> failures = new ExampleCompiler(IMPORTS).compile(List.of(broken), CONTEXTS, work);
        assertThat(failures).singleElement().asString()
                .contains("dev.asynclab.app.tuning.SweepCsv (line 12)", "SweepCsv.writeCsv(points", "line 2 of the example",
                        "cannot find symbol");
    }

    @Test
    void anExampleOfATypeThatIsNotPublicIsCompiledInItsPackage() {
        var read = JavadocExamples.read(SOURCES);
        assertThat(read.examples()).filteredOn(e -> e.typeName().equals("DrainBudget")).singleElement()
                .satisfies(e -> assertThat(e.publicType()).isFalse());
        List<Failure> failures = new ExampleCompiler(IMPORTS).compile(read.examples().stream()
                .filter(e -> e.typeName().equals("DrainBudget")).toList(), CONTEXTS, work);
        assertThat(failures).isEmpty();
    }
}
