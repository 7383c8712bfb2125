package dev.asynclab.lab.advise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asynclab.lab.metrics.RunSummary;
import dev.asynclab.lab.scenario.ClockMode;
import dev.asynclab.lab.scenario.RunOptions;
import dev.asynclab.lab.scenario.Scenario;
import dev.asynclab.lab.scenario.ScenarioRunner;
import dev.asynclab.lab.scenario.SweepTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/// Advice from logs of known workloads recorded on the simulated clock: its predictions agree with runs of the
/// true workload at each size, and it recommends the size a sweep of the true workload finds.
class AdvisorTest {

    @TempDir
    Path dir;

    /// The median p99 (ms) of the true scenario at `size` over `seeds` runs.
    private static double trueP99(Scenario truth, int size, int seeds) throws Exception {
        double[] p99 = new double[seeds];
        for (int i = 0; i < seeds; i++) {
            RunSummary s = ScenarioRunner.start(truth, RunOptions.DEFAULTS.withClock(ClockMode.SIMULATED)
                    .withSeed(100 + i).withPoolSize(size).withPaced(false), List.of()).await();
            p99[i] = s.overall().latency().p99() / 1e6;
        }
        return Advisor.median(p99);
    }

    @Test
    void predictionsMatchTheTrueWorkloadAndTheRecommendationIsTheSweeps() throws Exception {
        // M/M/c with an offered load of 3 workers: recorded at 6, asked about 4..8.
        Scenario truth = Recordings.scenario("{ poisson: 150/s }", "{ sleep: { exponential: 20ms } }", 4_000, "0", 6);
        Path log = dir.resolve("audit.jsonl");
        Recordings.record(truth, ClockMode.SIMULATED, 1, log);
        Recorded run = LogReading.read(log, 2);
        WorkloadFit fit = WorkloadFit.of(run, CpuVerdict.of(run, 2));
        SweepTarget target = SweepTarget.parse("p99<105ms");

        Advice advice = Advisor.advise(fit, new Advisor.Settings(4, 8, 1.0, 20, 9), target, row -> { });

        List<Double> truths = new ArrayList<>();
        Integer smallestTrue = null;
        for (Advice.Size row : advice.sizes()) {
            double real = trueP99(truth, row.pool(), 9);
            truths.add(real);
            if (smallestTrue == null && real < 105) {
                smallestTrue = row.pool();
            }
            assertThat(real).as("pool %d: true p99 within the predicted interval", row.pool())
                    .isBetween(row.p99LowMs(), row.p99HighMs());
            assertThat(row.p99Ms()).as("pool %d", row.pool()).isCloseTo(real,
                    org.assertj.core.data.Percentage.withPercentage(15));
            assertThat(row.throughputPerS()).isCloseTo(150, org.assertj.core.data.Percentage.withPercentage(5));
            assertThat(row.utilization()).isCloseTo(3.0 / row.pool(), org.assertj.core.data.Percentage.withPercentage(8));
        }
        System.out.println("advice " + advice.sizes() + " truth " + truths);
        assertThat(advice.recommended()).hasValue(smallestTrue);
    }

    /// The recording is one run, lucky or not: the interval must hold the next runs of the same workload, not
    /// only replays of the recording. Twelve runs of the declared workload on the simulated clock (other seeds,
    /// other arrivals: p99s from 67.9 to 88.3 ms) against the interval fitted from one of them (66.5–84.3 ms
    /// around 76.6): 95 % nominal, so 11 or 12 of 12; it holds 11. The replicates' central 95 % alone (69.5–82.1
    /// ms, the same replicates without the √2) held 7.
    @Test
    void theIntervalHoldsTheNextRunsOfTheWorkload() throws Exception {
        Scenario truth = Recordings.scenario("{ poisson: 200/s }",
                "{ sleep: { lognormal: { median: 8ms, sigma: 0.8 } } }", 24_000, "0", 4);
        Advice.Size row = recordedAndAdvisedAt(truth, 3, 40);

        List<Double> runs = new ArrayList<>();
        for (int seed = 2; seed < 14; seed++) {
            runs.add(ScenarioRunner.start(truth, RunOptions.DEFAULTS.withClock(ClockMode.SIMULATED).withSeed(seed)
                    .withPoolSize(3).withPaced(false), List.of()).await().overall().latency().p99() / 1e6);
        }
        System.out.println("interval " + row.p99LowMs() + " .. " + row.p99HighMs() + " around " + row.p99Ms()
                + ", runs " + runs);
        assertThat(runs.stream().filter(p -> p >= row.p99LowMs() && p <= row.p99HighMs()).count())
                .isGreaterThanOrEqualTo(11);
    }

    /// Bursts every 100 ms: the bootstrap's blocks must join in the traffic's rhythm. Joined at fixed offsets,
    /// bursts met bursts a few milliseconds apart at the joins: here 103.1 ms predicted against 98.6 ms (4.5 %
    /// long), in the real-clock fidelity runs 7–11 % long.
    @Test
    void burstsKeepTheirRhythmAcrossTheBootstrapsJoins() throws Exception {
        Scenario truth = Recordings.scenario("{ burst: { size: 8, every: 100ms } }",
                "{ sleep: { uniform: [10ms, 30ms] } }", 4_800, "0", 4);
        Advice.Size row = recordedAndAdvisedAt(truth, 2, 20);

        double real = trueP99(truth, 2, 5);
        System.out.println("bursts at 2: predicted " + row.p99Ms() + ", true " + real);
        assertThat(row.p99Ms()).isCloseTo(real, org.assertj.core.data.Percentage.withPercentage(4));
    }

    /// `truth` recorded on the simulated clock (seed 1), fitted and advised at one pool size.
    private Advice.Size recordedAndAdvisedAt(Scenario truth, int pool, int replicates) throws Exception {
        Path log = dir.resolve("audit.jsonl");
        Recordings.record(truth, ClockMode.SIMULATED, 1, log);
        Recorded run = LogReading.read(log, 2);
        return Advisor.advise(WorkloadFit.of(run, CpuVerdict.of(run, 2)),
                new Advisor.Settings(pool, pool, 1.0, replicates, 5), null, r -> { }).sizes().getFirst();
    }

    @Test
    void higherRateNeedsMoreWorkers() throws Exception {
        Scenario truth = Recordings.scenario("{ poisson: 100/s }", "{ sleep: { exponential: 20ms } }", 3_000, "0", 4);
        Path log = dir.resolve("audit.jsonl");
        Recordings.record(truth, ClockMode.SIMULATED, 1, log);
        Recorded run = LogReading.read(log, 2);
        WorkloadFit fit = WorkloadFit.of(run, CpuVerdict.of(run, 2));
        SweepTarget target = SweepTarget.parse("p99<100ms");

        Advice now = Advisor.advise(fit, new Advisor.Settings(1, 10, 1.0, 10, 3), target, row -> { });
        Advice later = Advisor.advise(fit, new Advisor.Settings(1, 10, 2.0, 10, 3), target, row -> { });

        assertThat(later.recommended().getAsInt()).isGreaterThan(now.recommended().getAsInt());
        assertThat(later.sizes().get(9).throughputPerS()).isCloseTo(200,
                org.assertj.core.data.Percentage.withPercentage(6));
    }

    @Test
    void adviceJsonHasExactlyTheDocumentedShape() throws Exception {
        var row = new Advice.Size(3, 10.5, 20.25, 30.125, 28.0, 33.0, 180.0, 0.75);
        var advice = new Advice(java.util.OptionalInt.of(3), List.of(row),
                new CpuVerdict(CpuVerdict.State.NOT_CPU_BOUND, 2, "x"), List.of(), 20, 1.0);
        JsonNode json = new ObjectMapper().readTree(AdviceJson.write(advice));
        assertThat(json.fieldNames()).toIterable().containsExactly("recommended", "sizes");
        assertThat(json.get("recommended").asInt()).isEqualTo(3);
        JsonNode size = json.get("sizes").get(0);
        assertThat(size.fieldNames()).toIterable().containsExactly("pool", "p50Ms", "p95Ms", "p99Ms", "p99LowMs",
                "p99HighMs", "throughputPerS", "utilization");
        assertThat(size.get("p99Ms").asDouble()).isEqualTo(30.125);

        var none = new Advice(java.util.OptionalInt.empty(), List.of(row), advice.cpu(), List.of(), 20, 1.0);
        assertThat(new ObjectMapper().readTree(AdviceJson.write(none)).get("recommended").isNull()).isTrue();
    }

    @Test
    void targetsNamingWhatAdviceDoesNotPredictAreRefused() {
        assertThatThrownBy(() -> Advisor.checkTarget(SweepTarget.parse("max<50ms")))
                .hasMessageContaining("names max");
        Advisor.checkTarget(SweepTarget.parse("p99<50ms and throughput>100/s"));
    }
}
