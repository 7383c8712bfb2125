package dev.asynclab.app.ui.timeline;

import dev.asynclab.app.store.Outcome;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ColumnBinsTest {

    private record Run(int from, int to, Outcome outcome) {
    }

    private static List<Run> runs(ColumnBins bins) {
        List<Run> runs = new ArrayList<>();
        bins.forEachRun((from, to, outcome) -> runs.add(new Run(from, to, outcome)));
        return runs;
    }

    @Test
    void manyThinAttemptsBecomeOneRectanglePerRunOfColumns() {
        ColumnBins bins = new ColumnBins();
        bins.reset(100);
        for (int i = 0; i < 10_000; i++) {
            double x = 10 + i * 0.002; // 10,000 attempts over 20 pixels
            bins.add(x, x + 0.001, Outcome.SUCCEEDED);
        }
        assertThat(bins.added()).isEqualTo(10_000);
        assertThat(runs(bins)).containsExactly(new Run(10, 30, Outcome.SUCCEEDED));
    }

    @Test
    void aColumnShowsItsMostNotableOutcome() {
        ColumnBins bins = new ColumnBins();
        bins.reset(10);
        bins.add(2.1, 2.2, Outcome.SUCCEEDED);
        bins.add(2.5, 2.6, Outcome.FAILED);
        bins.add(2.7, 2.8, Outcome.SUCCEEDED);
        bins.add(3.1, 3.2, Outcome.SUCCEEDED);
        assertThat(runs(bins)).containsExactly(new Run(2, 3, Outcome.FAILED), new Run(3, 4, Outcome.SUCCEEDED));
    }

    @Test
    void clipsToTheViewAndForgetsOnReset() {
        ColumnBins bins = new ColumnBins();
        bins.reset(5);
        bins.add(-3, 0.5, Outcome.TIMED_OUT);
        bins.add(4.5, 9, Outcome.CANCELLED);
        assertThat(runs(bins)).containsExactly(new Run(0, 1, Outcome.TIMED_OUT), new Run(4, 5, Outcome.CANCELLED));
        bins.reset(5);
        assertThat(runs(bins)).isEmpty();
    }
}
