package dev.asynclab.lab.story;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LaneLabelsTest {

    @Test
    void aLaneThatServesOneCallbackNameSaysSo() {
        LaneLabels lanes = new LaneLabels();
        lanes.started("w2", "cache");
        lanes.started("w2", "cache");
        assertThat(lanes.label("w2")).isEqualTo("w2 · cache");
        assertThat(lanes.soleName("w2")).isEqualTo("cache");
    }

    @Test
    void aLaneThatServesSeveralNamesIsTheWorkerAlone() {
        LaneLabels lanes = new LaneLabels();
        lanes.started("w0", "cache");
        lanes.started("w0", "db");
        assertThat(lanes.label("w0")).isEqualTo("w0");
        assertThat(lanes.soleName("w0")).isNull();
        assertThat(lanes.namesOn("w0")).containsExactly("cache", "db");
    }

    @Test
    void aLaneThatRanNothingOrOnlyNamelessCallsIsTheWorkerAlone() {
        LaneLabels lanes = new LaneLabels();
        lanes.started("w1", null);
        lanes.started(null, "cache");
        assertThat(lanes.label("w1")).isEqualTo("w1");
        assertThat(lanes.label("w9")).isEqualTo("w9");
        assertThat(lanes.namesOn("w9")).isEmpty();
    }
}
