package dev.asynclab.app.tuning;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

class WhatIfViewModelTest {

    private final OneThread fx = new OneThread();
    private final WhatIfViewModel model = new WhatIfViewModel(fx, WhatIfViewModel.DEBOUNCE);

    @AfterEach
    void close() {
        model.close();
    }

    /// Polls `condition` on the stand-in FX thread, where the view model's state lives.
    private void await(BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!fx.call(condition::getAsBoolean)) {
            assertThat(System.nanoTime()).as("waited 2 minutes").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void slidersStartAtTheDeclaredValuesAndTheChartsFillIn() throws Exception {
        assertThat(fx.call(() -> model.load(Scenarios.file(Scenarios.MMC)))).isTrue();
        assertThat(model.poolSizeProperty().get()).isEqualTo(4);
        assertThat(model.retryAttemptsProperty().get()).isEqualTo(1);
        assertThat(model.arrivalScaleProperty().get()).isEqualTo(1.0);

        await(() -> model.appliedGenerationProperty().get() > 0);

        assertThat(model.cdfData().getSeries("as declared").getItemCount()).isPositive();
        assertThat(model.cdfData().getSeries("what-if").getItemCount()).isPositive();
        assertThat(model.outcomeData().getValue("what-if", "succeeded").intValue()).isEqualTo(2000);
        assertThat(model.summaryTextProperty().get()).startsWith("1.00x arrivals, pool 4,");
    }

    @Test
    void theLastOfQuickChangesWinsAndMatchesADirectRun() throws Exception {
        fx.call(() -> model.load(Scenarios.file(Scenarios.MMC)));
        await(() -> model.appliedGenerationProperty().get() > 0);
        long before = model.appliedGenerationProperty().get();

        fx.call(() -> {
            model.poolSizeProperty().set(5);
            model.poolSizeProperty().set(6);
            model.arrivalScaleProperty().set(0.5);
            model.timeoutMillisProperty().set(150);
            return null;
        });

        await(() -> model.appliedGenerationProperty().get() > before && !model.runningProperty().get());
        assertThat(model.summaryTextProperty().get()).startsWith("0.50x arrivals, pool 6, timeout 150.0 ms, 1 attempts");
        long timedOut = model.outcomeData().getValue("what-if", "timed out").longValue();
        // exponential work with a 40 ms mean: about e^-3.75 (2.4%) of 2000 run longer than 150 ms
        assertThat(timedOut).isBetween(10L, 120L);
        var direct = dev.asynclab.lab.scenario.ScenarioRunner.start(
                ScenarioVariant.apply(Scenarios.load(Scenarios.MMC), new WhatIfSettings(0.5, 6, Duration.ofMillis(150),
                        1)), RunSpecs.simulated(6), java.util.List.of()).await();
        assertThat(timedOut).isEqualTo(direct.overall().count("TIMED_OUT"));
    }

    @Test
    void openRunHandsOnTheScenarioAsTheSlidersChangedItWithTheChangesInWords() throws Exception {
        var opened = new java.util.concurrent.atomic.AtomicReference<dev.asynclab.lab.scenario.Scenario>();
        var said = new java.util.concurrent.atomic.AtomicReference<String>();
        assertThat(fx.call(() -> {
            model.onOpenRunProperty().set((changed, changes) -> {
                opened.set(changed);
                said.set(changes);
            });
            return model.openRun();
        })).as("nothing to open before a scenario").isFalse();

        boolean handed = fx.call(() -> {
            model.load(Scenarios.file(Scenarios.MMC));
            model.poolSizeProperty().set(7);
            model.timeoutMillisProperty().set(150);
            return model.openRun();
        });

        assertThat(handed).isTrue();
        assertThat(opened.get().pool().orElseThrow().size()).isEqualTo(7);
        assertThat(opened.get().name()).isEqualTo(Scenarios.load(Scenarios.MMC).name());
        assertThat(said.get()).isEqualTo("1.00x arrivals · pool 7 · timeout 150.0 ms · 1 attempts");
    }
}
