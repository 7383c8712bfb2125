package dev.asynclab.lab.scenario;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/// A scenario with mistakes is refused whole, with one message per problem naming file, line and column, what
/// was expected and what was found, in the order of the file.
class ScenarioProblemMessagesTest {

    @Test
    void messageNamesFileLineColumnAndTheKeyMeant() {
        String text = """
                name: Pool
                pool: { size: 4 }
                callbacks:
                  - name: fetch-user
                    count: 10
                    work: { sleep: 10ms }
                    timout: 100ms
                """;

        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load("pool.yaml", text));

        assertThat(e.getMessage())
                .isEqualTo("pool.yaml:7:5: unknown key 'timout' in callback 'fetch-user' (did you mean 'timeout'?)");
    }

    @Test
    void collectsEveryProblemOfAFileInOrder() {
        String text = """
                name: Many
                seed: lots
                pool: { size: 0, threads: green }
                callbacks:
                  - name: a
                    count: -1
                    work: { sleep: 5 }
                """;

        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load("many.yaml", text));

        assertThat(e.problems()).extracting(ScenarioProblem::line).containsExactly(2, 3, 3, 6, 7);
        assertThat(e.problems().get(2).message()).isEqualTo("expected one of virtual, platform for 'threads' in pool, "
                + "found 'green'");
    }

    /// The reader checks the top-level keys in its own order (seed before callbacks), not the file's: the list
    /// still reads down the file, so a reader fixing them top to bottom never jumps back.
    @Test
    void problemsAreListedByLineThenColumnWhateverOrderTheyWereFoundIn() {
        String text = """
                name: Reordered
                callbacks:
                  - { name: a, count: -1, work: { sleep: 5 } }
                seed: lots
                """;

        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load("r.yaml", text));

        assertThat(e.problems()).extracting(ScenarioProblem::line).containsExactly(3, 3, 4);
        assertThat(e.problems().get(0).column()).isLessThan(e.problems().get(1).column());
        assertThat(e.getMessage().lines().map(l -> l.split(":")[1])).containsExactly("3", "3", "4");
    }

    @Test
    void problemsAtOneLineAreOrderedByColumnAndKeepTheirOrderAtOnePlace() {
        ScenarioProblem late = new ScenarioProblem("f.yaml", 9, 1, "late");
        ScenarioProblem right = new ScenarioProblem("f.yaml", 2, 30, "right");
        ScenarioProblem left = new ScenarioProblem("f.yaml", 2, 3, "left");
        ScenarioProblem leftAgain = new ScenarioProblem("f.yaml", 2, 3, "left again");

        ScenarioException e = new ScenarioException(java.util.List.of(late, right, left, leftAgain));

        assertThat(e.problems()).containsExactly(left, leftAgain, right, late);
        assertThat(e.getMessage()).isEqualTo("f.yaml:2:3: left\nf.yaml:2:3: left again\nf.yaml:2:30: right\n"
                + "f.yaml:9:1: late");
    }

    @Test
    void outOfRangeNumbersNameTheirRange() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.load("s.yaml", "name: s\nspeed: 0\ncallbacks: [ { name: a } ]\n"));

        assertThat(e.getMessage()).isEqualTo("s.yaml:2:8: expected a number from 0.01 to 100 for 'speed' in the "
                + "scenario, found 0");
    }
}
