package dev.asynclab.app.tuning;

import dev.asynclab.lab.scenario.Arrival;
import dev.asynclab.lab.scenario.CallbackSpec;
import dev.asynclab.lab.scenario.GroupSpec;
import dev.asynclab.lab.scenario.Scenario;
import dev.asynclab.lab.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScenarioVariantTest {

    private static final String YAML = """
            name: variant
            pool: { size: 2, queue: 10 }
            callbacks:
              - name: steady
                count: 3
                arrival: { every: 20ms }
                work: { sleep: 5ms }
                timeout: 100ms
              - name: random
                count: 3
                arrival: { poisson: 50/s, start: 10ms }
                work: { sleep: 5ms }
              - race:
                  name: fetch
                  count: 2
                  arrival: { burst: { size: 2, every: 1s } }
                  members:
                    - { name: a, work: { sleep: 10ms } }
                    - { name: b, work: { sleep: 20ms } }
            """;

    @Test
    void doublingTheRateHalvesEveryGapAndKeepsTheRest() throws Exception {
        Scenario s = ScenarioLoader.load("variant.yaml", YAML);
        Scenario v = ScenarioVariant.apply(s, new WhatIfSettings(2.0, 6, Duration.ofMillis(50), 3));

        var steady = (CallbackSpec) v.steps().get(0);
        assertThat(steady.arrival()).isEqualTo(new Arrival.Every(Duration.ofMillis(10), Duration.ZERO));
        assertThat(steady.timeout()).isEqualTo(Duration.ofMillis(50));
        assertThat(steady.retry().maxAttempts()).isEqualTo(3);
        assertThat(steady.work()).isEqualTo(((CallbackSpec) s.steps().get(0)).work());
        var random = (CallbackSpec) v.steps().get(1);
        assertThat(random.arrival()).isEqualTo(new Arrival.Poisson(100, Duration.ofMillis(5)));
        var race = (GroupSpec) v.steps().get(2);
        assertThat(race.arrival()).isEqualTo(new Arrival.Burst(2, Duration.ofMillis(500), Duration.ZERO));
        assertThat(race.members()).allSatisfy(m -> {
            assertThat(m.timeout()).isEqualTo(Duration.ofMillis(50));
            assertThat(m.arrival()).isEqualTo(Arrival.IMMEDIATE);
        });
        assertThat(v.pool().orElseThrow().size()).isEqualTo(6);
        assertThat(v.pool().orElseThrow().queueCapacity()).isEqualTo(10);
        // the loaded scenario itself is untouched
        assertThat(((CallbackSpec) s.steps().get(0)).timeout()).isEqualTo(Duration.ofMillis(100));
        assertThat(s.pool().orElseThrow().size()).isEqualTo(2);
    }

    @Test
    void explicitOffsetsAreCompressedToo() {
        var at = new Arrival.At(List.of(Duration.ofMillis(10), Duration.ofMillis(40)), Duration.ofMillis(8));
        assertThat(ScenarioVariant.scale(at, 4)).isEqualTo(new Arrival.At(List.of(Duration.ofNanos(2_500_000),
                Duration.ofMillis(10)), Duration.ofMillis(2)));
    }

    @Test
    void settingsOutOfRangeAreRefused() {
        assertThatThrownBy(() -> new WhatIfSettings(0, 1, Duration.ZERO, 1)).hasMessageContaining("arrival rate");
        assertThatThrownBy(() -> new WhatIfSettings(1, 0, Duration.ZERO, 1)).hasMessageContaining("pool size");
        assertThatThrownBy(() -> new WhatIfSettings(1, 1, Duration.ZERO, 0)).hasMessageContaining("attempts");
    }
}
