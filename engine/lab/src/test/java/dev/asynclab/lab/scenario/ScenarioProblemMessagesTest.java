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

    @Test
    void outOfRangeNumbersNameTheirRange() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.load("s.yaml", "name: s\nspeed: 0\ncallbacks: [ { name: a } ]\n"));

        assertThat(e.getMessage()).isEqualTo("s.yaml:2:8: expected a number from 0.01 to 100 for 'speed' in the "
                + "scenario, found 0");
    }
}
