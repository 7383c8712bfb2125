package dev.asynclab.app.tuning;

import dev.asynclab.app.cli.Cli;
import dev.asynclab.lab.scenario.ClockMode;
import dev.asynclab.lab.scenario.PoolSweep;
import dev.asynclab.lab.scenario.RunOptions;
import dev.asynclab.lab.scenario.SweepTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/// The Tuning view model without a screen: results are applied on the calling thread.
class TuningViewModelTest {

    private static TuningViewModel sweepOfMmc(String p99) {
        var model = new TuningViewModel(Runnable::run);
        assertThat(model.load(Scenarios.file(Scenarios.MMC))).isTrue();
        model.fromSizeProperty().set(1);
        model.toSizeProperty().set(8);
        model.p99BoundProperty().set(p99);
        return model;
    }

    @Test
    void recommendsTheSizeThatPoolSweepFindsAndChartsEverySize() throws Exception {
        TuningViewModel model = sweepOfMmc("250ms");
        List<SweepPoint> points = model.run().get(2, TimeUnit.MINUTES);

        var expected = PoolSweep.run(Scenarios.load(Scenarios.MMC), RunOptions.DEFAULTS.withClock(ClockMode.SIMULATED),
                1, 8, null, (size, summary) -> { }).smallestMeeting(SweepTarget.parse("p99<250ms"));
        assertThat(expected).isPresent();
        assertThat(model.recommendedSizeProperty().get()).isEqualTo(expected.get().poolSize());
        assertThat(points).extracting(SweepPoint::poolSize).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(model.latencyData().getSeries("p99").getItemCount()).isEqualTo(8);
        assertThat(model.throughputData().getSeries(0).getItemCount()).isEqualTo(8);
        assertThat(model.utilizationData().getSeries(0).getY(0).doubleValue()).isGreaterThan(95);
        assertThat(model.progressProperty().get()).isEqualTo(1.0);
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(model.messageProperty().get()).contains("p99<250ms: " + expected.get().poolSize());
    }

    @Test
    void explainsFromTheDataThatBeyondTheKneeTheQueueIsEmpty() throws Exception {
        TuningViewModel model = sweepOfMmc("250ms");
        List<SweepPoint> points = model.run().get(2, TimeUnit.MINUTES);
        int knee = points.get(SweepExplainer.knee(points)).poolSize();

        // the M/M/c queue has no downstream limit: past the knee the queue empties and arrivals cap throughput
        assertThat(model.explanationProperty().get())
                .startsWith("Beyond " + knee + " the queue is nearly empty")
                .contains("latency is the work itself")
                .contains("arrival rate");
    }

    @Test
    void writesTheSameCsvAsTheSweepCommand(@TempDir Path dir) throws Exception {
        TuningViewModel model = sweepOfMmc("250ms");
        model.run().get(2, TimeUnit.MINUTES);
        Path ours = dir.resolve("tuning.csv");
        model.exportCsv(ours);

        Path theirs = dir.resolve("cli.csv");
        var out = new StringWriter();
        int code = Cli.execute(new String[]{"sweep", Scenarios.file(Scenarios.MMC).toString(), "--pool", "1..8",
                "--target", "p99<250ms", "--out", theirs.toString()}, new PrintWriter(out), new PrintWriter(
                new StringWriter()));
        assertThat(code).isEqualTo(Cli.OK);
        assertThat(out.toString()).contains("smallest pool size that meets p99<250ms: "
                + model.recommendedSizeProperty().get());
        assertThat(Files.readAllLines(ours)).isEqualTo(Files.readAllLines(theirs)).hasSize(9);
    }

    @Test
    void selectingASweptSizeRaisesTheOpenRunHook() throws Exception {
        TuningViewModel model = sweepOfMmc("");
        List<Integer> opened = new ArrayList<>();
        model.onOpenRunProperty().set(opened::add);
        model.run().get(2, TimeUnit.MINUTES);

        model.select(3);
        model.select(42); // not swept: ignored

        assertThat(opened).containsExactly(3);
        assertThat(model.selectedSizeProperty().get()).isEqualTo(3);
        assertThat(model.optionsFor(3).poolSize().getAsInt()).isEqualTo(3);
        assertThat(model.optionsFor(3).clock()).contains(ClockMode.SIMULATED);
        assertThat(model.recommendedSizeProperty().get()).as("no target, no recommendation").isNull();
    }

    @Test
    void aThroughputTargetAloneWorksToo() throws Exception {
        TuningViewModel model = sweepOfMmc("");
        model.throughputBoundProperty().set("70");
        model.run().get(2, TimeUnit.MINUTES);
        // one worker serves 25/s, two 50/s, three about 75/s (40 ms mean service)
        assertThat(model.recommendedSizeProperty().get()).isEqualTo(3);
    }

    @Test
    void cancelKeepsTheSizesDoneAndSaysSo() throws Exception {
        var model = new TuningViewModel(Runnable::run);
        model.load(Scenarios.file(Scenarios.MMC));
        model.fromSizeProperty().set(1);
        model.toSizeProperty().set(400);
        var done = model.run();
        model.cancel();
        List<SweepPoint> points = done.get(2, TimeUnit.MINUTES);

        assertThat(points.size()).isLessThan(400);
        assertThat(model.messageProperty().get()).startsWith("Cancelled after " + points.size() + " sizes.");
        assertThat(model.runningProperty().get()).isFalse();
    }

    @Test
    void loadingAnotherScenarioMidSweepDropsTheOldResults() throws Exception {
        var fx = new OneThread();
        var model = new TuningViewModel(fx);
        // both steps on the stand-in FX thread, as a user's clicks would be: the sweep's end cannot come between
        var done = fx.call(() -> {
            model.load(Scenarios.file(Scenarios.MMC));
            model.toSizeProperty().set(400);
            var sweep = model.run();
            model.load(Scenarios.file("01-timeout.yaml"));
            return sweep;
        });

        assertThatThrownBy(() -> done.get(2, TimeUnit.MINUTES))
                .isInstanceOf(java.util.concurrent.CancellationException.class);
        assertThat(fx.call(() -> model.points().isEmpty())).isTrue();
        assertThat(fx.call(() -> model.runningProperty().get())).isFalse();
        assertThat(fx.call(() -> model.scenarioProperty().get().name())).isEqualTo("A timeout");
    }

    @Test
    void wrongInputsAreRefusedWithAMessage() {
        var model = new TuningViewModel(Runnable::run);
        assertThatThrownBy(() -> model.run().get()).isInstanceOf(ExecutionException.class);
        assertThat(model.messageProperty().get()).isEqualTo("open a scenario first");

        model.load(Scenarios.file(Scenarios.MMC));
        model.fromSizeProperty().set(5);
        model.toSizeProperty().set(2);
        assertThatThrownBy(() -> model.run().get()).hasMessageContaining("pool sizes");
        assertThat(model.messageProperty().get()).contains("was 5..2");

        model.fromSizeProperty().set(1);
        model.p99BoundProperty().set("fast");
        assertThatThrownBy(() -> model.run().get()).hasMessageContaining("target");
        assertThat(model.messageProperty().get()).contains("p99 bound takes a duration like 250ms");
        assertThat(model.runningProperty().get()).isFalse();
    }

    @Test
    void aBrokenScenarioNamesItsLine(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "name: x\ncallbacks:\n  - name: a\n    count: many\n");
        var model = new TuningViewModel(Runnable::run);

        assertThat(model.load(bad)).isFalse();
        assertThat(model.messageProperty().get()).startsWith(bad + ":4:");
        assertThat(model.scenarioProperty().get()).isNull();
    }

    @Test
    void chartsExportAsPng(@TempDir Path dir) throws Exception {
        TuningViewModel model = sweepOfMmc("250ms");
        model.run().get(2, TimeUnit.MINUTES);
        var charts = new TuningCharts(model);
        charts.usePalette(dev.asynclab.app.ui.timeline.OutcomePalette.of(token -> javafx.scene.paint.Color.GRAY));
        charts.mark(model.recommendedSizeProperty().get(), 3);
        charts.showTarget(model.sweptTargetProperty().get());

        List<Path> files = charts.exportAll(dir);

        assertThat(files).hasSize(3);
        for (Path f : files) {
            byte[] head = Arrays.copyOf(Files.readAllBytes(f), 4);
            assertThat(head).containsExactly(0x89, 'P', 'N', 'G');
        }
        assertThat(charts.latency().getXYPlot().getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND)).hasSize(2);
        assertThat(charts.latency().getXYPlot().getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND))
                .singleElement().satisfies(m -> assertThat(((org.jfree.chart.plot.ValueMarker) m).getValue())
                        .isEqualTo(250.0));
    }

    /// The markers are the theme's: its success colour for the recommendation, its accent for the selection.
    @Test
    void theMarkersTakeTheThemesColours() {
        var charts = new TuningCharts(new TuningViewModel(Runnable::run));
        // A palette as a theme gives it (PaletteReader resolves each token): success and accent of its own.
        var themed = dev.asynclab.app.ui.timeline.OutcomePalette.of(token -> switch (token) {
            case "-outcome-succeeded" -> javafx.scene.paint.Color.web("#123456");
            case "-timeline-accent" -> javafx.scene.paint.Color.web("#654321");
            default -> javafx.scene.paint.Color.GRAY;
        });
        charts.mark(5, 3);

        charts.usePalette(themed);

        var markers = charts.throughput().getXYPlot().getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND);
        assertThat(markers).hasSize(2).allSatisfy(m -> {
            var marker = (org.jfree.chart.plot.ValueMarker) m;
            assertThat(marker.getPaint()).isEqualTo(marker.getValue() == 5 ? new java.awt.Color(0x12, 0x34, 0x56)
                    : new java.awt.Color(0x65, 0x43, 0x21));
        });
    }
}
