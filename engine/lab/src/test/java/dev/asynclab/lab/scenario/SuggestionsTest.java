package dev.asynclab.lab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuggestionsTest {

    private static final List<String> KEYS = List.of("name", "count", "arrival", "work", "fail", "timeout", "retry",
            "cancel");

    @ParameterizedTest
    @CsvSource({"timout, timeout", "retyr, retry", "arival, arrival", "wrok, work", "Timeout, timeout",
        "cancle, cancel", "counts, count"})
    void suggestsTheKeyMeant(String typo, String meant) {
        assertThat(Suggestions.closest(typo, KEYS)).contains(meant);
    }

    @ParameterizedTest
    @CsvSource({"priority", "x", "deadline"})
    void suggestsNothingForUnrelatedWords(String word) {
        assertThat(Suggestions.closest(word, KEYS)).isEmpty();
    }
}
