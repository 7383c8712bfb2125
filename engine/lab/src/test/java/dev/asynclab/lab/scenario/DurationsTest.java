package dev.asynclab.lab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({
        "250ms, 250000000", "1.5s, 1500000000", "2m, 120000000000", "100us, 100000", "100µs, 100000",
        "7ns, 7", "1h, 3600000000000", "0, 0", "0ms, 0", "' 20 ms ', 20000000", "0.25ms, 250000"
    })
    void parsesDurationsToNanos(String text, long nanos) {
        assertThat(Durations.parse(text)).isEqualTo(nanos);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-5ms", "5", "ms", "1.5", "5 seconds", "", "1e3ms", "99999999999h"})
    void rejectsWhatIsNotADuration(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'");
    }

    @ParameterizedTest
    @CsvSource({"50/s, 50", "3000/m, 50", "1/ms, 1000", "7200/h, 2", "2.5/s, 2.5"})
    void parsesRatesPerSecond(String text, double perSecond) {
        assertThat(Durations.parseRate(text)).isEqualTo(perSecond);
    }

    @ParameterizedTest
    @ValueSource(strings = {"50", "50/d", "/s", "-5/s"})
    void rejectsWhatIsNotARate(String text) {
        assertThatThrownBy(() -> Durations.parseRate(text)).hasMessageContaining("expected a rate like 50/s");
    }

    @ParameterizedTest
    @CsvSource({"250000000, 250ms", "1500000000, 1500ms", "120000000000, 2m", "7, 7ns", "0, 0", "100000, 100us"})
    void formatsInTheLargestWholeUnit(long nanos, String text) {
        assertThat(Durations.format(nanos)).isEqualTo(text);
    }
}
