package dev.asynclab.lab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ExpectationTest {

    @ParameterizedTest
    @CsvSource({
        "5, 5, true", "5, 4, false", "== 5, 5, true", "'> 0', 1, true", "'> 0', 0, false", "'>= 190', 190, true",
        "'>= 190', 189, false", "'< 3', 2, true", "'< 3', 3, false", "'<= 3', 3, true", "2..5, 2, true",
        "2..5, 5, true", "2..5, 6, false", "' 2 .. 5 ', 1, false"
    })
    void comparisonGrammar(String text, long observed, boolean holds) {
        assertThat(Comparison.parse(text).test(observed)).isEqualTo(holds);
    }

    @ParameterizedTest
    @ValueSource(strings = {"about 5", "> -1", "5..2", "< 0", "!= 3", "", ">="})
    void rejectsWhatIsNotAComparison(String text) {
        assertThatThrownBy(() -> Comparison.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void checkNamesEveryConditionThatDoesNotHold() {
        Map<String, Comparison> counts = new LinkedHashMap<>();
        counts.put("succeeded", Comparison.parse(">= 190"));
        counts.put("timed_out", Comparison.parse("> 0"));
        counts.put("late_finish", Comparison.parse("1"));
        Expectation expect = new Expectation(counts);

        assertThat(expect.check(Map.of("succeeded", 200L, "timed_out", 3L, "late_finish", 1L))).isEmpty();
        assertThat(expect.check(Map.of("succeeded", 150L, "timed_out", 0L))).containsExactly(
                "succeeded: expected >= 190, observed 150",
                "timed_out: expected > 0, observed 0",
                "late_finish: expected 1, but the run reported no such count");
    }

    @Test
    void keysAreTheOnesTheSchemaDocuments() {
        assertThat(Expectation.KEYS).containsKeys("succeeded", "failed", "timed_out", "cancelled", "rejected",
                "late_finish", "retries", "max_queue", "max_active", "groups_succeeded", "groups_failed", "submitted");
    }
}
