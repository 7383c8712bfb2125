package dev.asynclab.app.ui.timeline;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimeAxisTest {

    @Test
    void picksOneTwoFiveSteps() {
        assertThat(TimeAxis.step(90)).isEqualTo(100);
        assertThat(TimeAxis.step(101)).isEqualTo(200);
        assertThat(TimeAxis.step(3_000_000)).isEqualTo(5_000_000);
        assertThat(TimeAxis.step(0.3)).isEqualTo(1);
    }

    @Test
    void labelsInTheUnitTheStepCallsFor() {
        assertThat(TimeAxis.label(300_000_000, 100_000_000)).isEqualTo("300 ms");
        assertThat(TimeAxis.label(1_500_000, 500_000)).isEqualTo("1.5 ms");
        assertThat(TimeAxis.label(2_000_000_000, 1_000_000_000)).isEqualTo("2 s");
        assertThat(TimeAxis.label(2_500_000_000L, 500_000_000)).isEqualTo("2.5 s");
        assertThat(TimeAxis.label(40_000, 20_000)).isEqualTo("40 µs");
        assertThat(TimeAxis.label(150, 50)).isEqualTo("150 ns");
        assertThat(TimeAxis.label(150_000_000_000L, 60_000_000_000L)).isEqualTo("2:30");
    }

    @Test
    void ticksAreSpacedAndLabelled() {
        // 1 ms a pixel, 800 px: ticks every 100 ms from 0.
        var ticks = TimeAxis.ticks(0, 1_000_000, 800, 90);
        assertThat(ticks).hasSize(9);
        assertThat(ticks.get(1).x()).isEqualTo(100.0);
        assertThat(ticks.get(1).label()).isEqualTo("100 ms");
    }

    @Test
    void firstTickIsTheFirstMultipleInView() {
        var ticks = TimeAxis.ticks(150_000_000, 1_000_000, 300, 90);
        assertThat(ticks.getFirst().t()).isEqualTo(200_000_000);
        assertThat(ticks.getFirst().x()).isEqualTo(50.0);
    }

    @Test
    void writesDurationsReadably() {
        assertThat(TimeAxis.duration(850_000)).isEqualTo("850.0 µs");
        assertThat(TimeAxis.duration(12_500_000)).isEqualTo("12.5 ms");
        assertThat(TimeAxis.duration(2_000_000_000)).isEqualTo("2.00 s");
    }
}
