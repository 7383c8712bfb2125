package dev.asynclab.lab.scenario;

import java.util.List;
import java.util.stream.Collectors;

/// A scenario file that cannot be used, with every problem found in it. The message is one line per problem,
/// `file:line:column: message`, ready to print as it is.
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
        super(problems.stream().map(ScenarioProblem::toString).collect(Collectors.joining("\n")), null, false, false);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ScenarioException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /// The problems in file order of discovery; never empty.
    public List<ScenarioProblem> problems() {
        return problems;
    }
}
