package dev.asynclab.lab.scenario;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/// A scenario file that cannot be used, with every problem found in it. The message is one line per problem,
/// `file:line:column: message`, in line order (then column), ready to print as it is: the loader finds problems
/// in several passes (keys, then values, then references across the file), and a reader works down the file.
///
/// ```java
/// try {
///     ScenarioLoader.load(path);
/// } catch (ScenarioException e) {
///     System.err.println(e.getMessage());
/// }
/// ```
public class ScenarioException extends Exception {

    private final List<ScenarioProblem> problems;

    public ScenarioException(List<ScenarioProblem> problems) {
        List<ScenarioProblem> sorted = inLineOrder(problems);
        super(sorted.stream().map(ScenarioProblem::toString).collect(Collectors.joining("\n")), null, false, false);
        this.problems = sorted;
    }

    /// Sorted by line, then column; problems at one place keep the order they were found in (a stable sort).
    private static List<ScenarioProblem> inLineOrder(List<ScenarioProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ScenarioException needs at least one problem");
        }
        return problems.stream().sorted(Comparator.comparingInt(ScenarioProblem::line)
                .thenComparingInt(ScenarioProblem::column)).toList();
    }

    /// The problems in line order, then column; never empty.
    public List<ScenarioProblem> problems() {
        return problems;
    }
}
