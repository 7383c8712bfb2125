package dev.asynclab.app.tuning;

import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import org.jfree.data.general.DatasetChangeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/// The What-if view on a headless screen: moving a slider reruns the scenario and changes the chart's dataset.
class WhatIfViewFxTest {

    private final FxRobot robot = new FxRobot();
    private final WhatIfViewModel model = new WhatIfViewModel();

    @BeforeAll
    static void startToolkit() throws Exception {
        TuningStage.prepare();
    }

    @AfterEach
    void close() {
        model.close();
    }

    @Test
    void movingThePoolSliderUpdatesTheChartsDataset() throws Exception {
        FxToolkit.setupSceneRoot(() -> {
            model.load(Scenarios.file(Scenarios.MMC));
            return new WhatIfView(model).root();
        });
        FxToolkit.showStage();
        WaitForAsyncUtils.waitFor(2, TimeUnit.MINUTES, () -> model.appliedGenerationProperty().get() > 0);
        WaitForAsyncUtils.waitForFxEvents();
        long before = model.appliedGenerationProperty().get();
        double p99Before = p99OfWhatIf();
        AtomicInteger changes = new AtomicInteger();
        DatasetChangeListener counter = e -> changes.incrementAndGet();
        robot.interact(() -> model.cdfData().addChangeListener(counter));

        robot.interact(() -> robot.lookup("#whatif-pool").queryAs(Slider.class).setValue(2));
        WaitForAsyncUtils.waitFor(2, TimeUnit.MINUTES, () -> model.appliedGenerationProperty().get() > before
                && !model.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(model.poolSizeProperty().get()).isEqualTo(2);
        assertThat(changes.get()).isPositive();
        // two workers for 80/s of 40 ms work is overload: the tail grows by orders of magnitude
        assertThat(p99OfWhatIf()).isGreaterThan(10 * p99Before);
        assertThat(robot.lookup("#whatif-summary").queryAs(Label.class).getText()).contains("pool 2,");
    }

    /// The latency (ms) at which the what-if CDF reaches 0.99.
    private double p99OfWhatIf() {
        var series = model.cdfData().getSeries("what-if");
        for (int i = 0; i < series.getItemCount(); i++) {
            if (series.getY(i).doubleValue() >= 0.99) {
                return series.getX(i).doubleValue();
            }
        }
        throw new AssertionError("the what-if CDF never reaches 0.99");
    }
}
