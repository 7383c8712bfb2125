package dev.asynclab.app.tuning;

import dev.asynclab.lab.scenario.ClockMode;
import dev.asynclab.lab.scenario.ScenarioRunner;
import dev.asynclab.lab.audit.AuditHeader;
import dev.asynclab.lab.audit.AuditLogWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class CompareViewModelTest {

    @Test
    void aRunComparedWithItselfShowsNoDifference() throws Exception {
        var model = new CompareViewModel(Runnable::run);
        assertThat(model.load(Scenarios.file(Scenarios.MMC))).isTrue();
        model.right().seed().set(model.left().seed().get());

        List<ComparisonRow> rows = model.compare().get(2, TimeUnit.MINUTES);

        assertThat(rows).isNotEmpty().allSatisfy(row -> {
            assertThat(row.difference()).as(row.measure()).isZero();
            assertThat(row.percent()).as(row.measure()).isZero();
            assertThat(row.differenceText()).isEqualTo("0");
        });
        assertThat(rows).extracting(ComparisonRow::measure).contains("succeeded", "latency p99", "throughput");
        var cdf = model.cdfData();
        assertThat(cdf.getSeries(0).getItemCount()).isPositive().isEqualTo(cdf.getSeries(1).getItemCount());
        for (int i = 0; i < cdf.getSeries(0).getItemCount(); i++) {
            assertThat(cdf.getSeries(0).getDataItem(i)).isEqualTo(cdf.getSeries(1).getDataItem(i));
        }
        assertThat(model.messageProperty().get()).contains("show no difference");
    }

    @Test
    void twoPoolSizesDifferWhereTheQueueDoes() throws Exception {
        var model = new CompareViewModel(Runnable::run);
        model.load(Scenarios.file(Scenarios.MMC));
        model.right().seed().set(model.left().seed().get());
        model.left().poolSize().set(4);
        model.right().poolSize().set(8);

        List<ComparisonRow> rows = model.compare().get(2, TimeUnit.MINUTES);

        ComparisonRow p99 = rows.stream().filter(r -> r.measure().equals("latency p99")).findFirst().orElseThrow();
        assertThat(p99.right()).isLessThan(p99.left());
        assertThat(p99.percent()).isNegative();
        assertThat(p99.differenceText()).startsWith("-").contains("ms (-");
        ComparisonRow succeeded = rows.stream().filter(r -> r.measure().equals("succeeded")).findFirst()
                .orElseThrow();
        assertThat(succeeded.isZero()).isTrue();
    }

    @Test
    void theDistributionSinkAgreesWithTheRunSummary() throws Exception {
        var latency = new LatencyDistribution();
        var summary = ScenarioRunner.start(Scenarios.load(Scenarios.MMC), new RunSpec(4, 14, ClockMode.SIMULATED)
                .options(), List.of(latency)).await();
        var h = latency.histogram();
        assertThat(h.getTotalCount()).isEqualTo(summary.overall().latency().count());
        assertThat(h.getValueAtPercentile(99)).isEqualTo(summary.overall().latency().p99());
        var cdf = latency.cdf("x");
        assertThat(cdf.getY(cdf.getItemCount() - 1).doubleValue()).isEqualTo(1.0);
    }

    @Test
    void theRealClockAgainstTheSimulatedOneCountsTheSameOutcomes() throws Exception {
        var model = new CompareViewModel(Runnable::run);
        model.load(Scenarios.file("04-retry-fixed-delay.yaml")); // three calls, each fails twice then succeeds
        model.right().seed().set(model.left().seed().get());
        model.right().realClock().set(true);

        List<ComparisonRow> rows = model.compare().get(2, TimeUnit.MINUTES);

        for (String count : List.of("submitted", "succeeded", "failed", "retries")) {
            ComparisonRow row = rows.stream().filter(r -> r.measure().equals(count)).findFirst().orElseThrow();
            assertThat(row.isZero()).as(count).isTrue();
        }
        assertThat(rows.stream().filter(r -> r.measure().equals("succeeded")).findFirst().orElseThrow().left())
                .isEqualTo(3);
        assertThat(model.cdfData().getSeries(1).getKey().toString()).endsWith("real");
    }

    @Test
    void twoDifferentScenariosCompareSideBySide() throws Exception {
        var model = new CompareViewModel(Runnable::run);
        assertThat(model.load(model.left(), Scenarios.file(Scenarios.MMC))).isTrue();
        assertThat(model.load(model.right(), Scenarios.file("04-retry-fixed-delay.yaml"))).isTrue();

        List<ComparisonRow> rows = model.compare().get(2, TimeUnit.MINUTES);

        ComparisonRow succeeded = rows.stream().filter(r -> r.measure().equals("succeeded")).findFirst()
                .orElseThrow();
        assertThat(succeeded.left()).as("the M/M/c queue's 2,000 requests").isEqualTo(2000);
        assertThat(succeeded.right()).as("three calls, each succeeding at its third try").isEqualTo(3);
        assertThat(model.cdfData().getSeries(0).getKey().toString()).contains(Scenarios.load(Scenarios.MMC).name());
        assertThat(model.cdfData().getSeries(1).getKey().toString())
                .contains(Scenarios.load("04-retry-fixed-delay.yaml").name());
    }

    @Test
    void aRecordedLogAgainstTheRunThatWroteItShowsNoDifference(@TempDir Path dir) throws Exception {
        var scenario = Scenarios.load(Scenarios.MMC);
        RunSpec spec = new RunSpec(3, 21, ClockMode.SIMULATED);
        Path log = dir.resolve("mmc.jsonl");
        try (AuditLogWriter writer = new AuditLogWriter(log, AuditHeader.of("test", scenario.name(),
                Instant.parse("2026-12-01T12:00:00Z"), "0.1.0", AuditHeader.CLOCK_SIMULATED, spec.seed()))) {
            ScenarioRunner.start(scenario, spec.options(), List.of(writer)).await();
        }
        var model = new CompareViewModel(Runnable::run);
        model.load(Scenarios.file(Scenarios.MMC));
        model.left().poolSize().set(spec.poolSize());
        model.left().seed().set(Long.toString(spec.seed()));
        assertThat(model.load(model.right(), log)).isTrue();
        assertThat(model.right().isLog()).isTrue();

        List<ComparisonRow> rows = model.compare().get(2, TimeUnit.MINUTES);

        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row.isZero()).as(row.measure()).isTrue());
        assertThat(model.cdfData().getSeries(1).getKey().toString()).isEqualTo("right: mmc.jsonl (recorded)");
        assertThat(model.cdfData().getSeries(1).getItemCount()).isPositive();
    }

    @Test
    void aSideWithNothingInItIsRefusedWithAMessage() {
        var model = new CompareViewModel(Runnable::run);

        assertThat(model.compare()).isCompletedExceptionally();
        assertThat(model.messageProperty().get()).isEqualTo("left: open a scenario or an audit log first");
    }

    @Test
    void aSeedThatIsNotANumberIsRefusedWithAMessage() {
        var model = new CompareViewModel(Runnable::run);
        model.load(Scenarios.file(Scenarios.MMC));
        model.right().seed().set("seven");

        assertThat(model.compare()).isCompletedExceptionally();
        assertThat(model.messageProperty().get()).isEqualTo("right seed: expected a whole number, was 'seven'");
        assertThat(model.runningProperty().get()).isFalse();
    }

    @Test
    void percentOfAZeroBaseIsZeroOrUndefined() {
        assertThat(new ComparisonRow("failed", "", 0, 0).percent()).isZero();
        assertThat(new ComparisonRow("failed", "", 0, 3).percent()).isNaN();
        assertThat(new ComparisonRow("failed", "", 0, 3).differenceText()).isEqualTo("+3 (from 0)");
        assertThat(new ComparisonRow("p99", "ms", 200, 150).differenceText()).isEqualTo("-50 ms (-25.0%)");
    }
}
