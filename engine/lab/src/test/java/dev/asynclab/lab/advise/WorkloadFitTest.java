package dev.asynclab.lab.advise;

import dev.asynclab.lab.scenario.Arrival;
import dev.asynclab.lab.scenario.CallbackSpec;
import dev.asynclab.lab.scenario.ClockMode;
import dev.asynclab.lab.scenario.Distribution;
import dev.asynclab.lab.scenario.Scenario;
import dev.asynclab.lab.scenario.ScenarioLoader;
import dev.asynclab.lab.scenario.Work;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

/// Fits of logs recorded on the simulated clock from workloads whose parameters are known.
class WorkloadFitTest {

    @TempDir
    Path dir;

    private WorkloadFit fit(Scenario s) throws Exception {
        Path log = dir.resolve("audit.jsonl");
        Recordings.record(s, ClockMode.SIMULATED, 11, log);
        Recorded run = LogReading.read(log, 2);
        return WorkloadFit.of(run, CpuVerdict.of(run, 2));
    }

    private static double mean(Distribution d, int draws) {
        var random = new SplittableRandom(5);
        double sum = 0;
        for (int i = 0; i < draws; i++) {
            sum += d.sample(random);
        }
        return sum / draws / 1e6;
    }

    @Test
    void fitRecoversThePoissonRateAndTheMeanServiceTime() throws Exception {
        WorkloadFit fit = fit(Recordings.scenario("{ poisson: 100/s }", "{ sleep: { exponential: 20ms } }", 5_000,
                "0", 4));

        assertThat(fit.poolSize()).isEqualTo(4);
        assertThat(fit.queueCap()).isEqualTo(-1);
        WorkloadFit.CallbackFit job = fit.callbacks().getFirst();
        assertThat(job.count()).isEqualTo(5_000);
        Arrival.Gaps arrival = (Arrival.Gaps) job.arrival();
        // 1 ms batches merge about 10 % of Poisson gaps at 100/s; the rate is what must survive
        double meanBatch = arrival.sizes().stream().mapToInt(Integer::intValue).average().orElseThrow();
        assertThat(1000 / mean(arrival.gaps(), 200_000) * meanBatch).isCloseTo(100, withPercentage(5));
        assertThat(mean(job.service(), 200_000)).isCloseTo(20, withPercentage(5));
        assertThat(job.failure().probability()).isZero();
        assertThat(job.retry().maxAttempts()).isEqualTo(1);
    }

    @Test
    void kaplanMeierKeepsTheTailThatTimeoutsCut() throws Exception {
        // Exponential work with a mean of 20 ms under a 30 ms timeout: 22 % of attempts are cut short.
        WorkloadFit fit = fit(Recordings.scenario("{ poisson: 40/s }", "{ sleep: { exponential: 20ms } }", 6_000,
                "30ms", 8));
        WorkloadFit.CallbackFit job = fit.callbacks().getFirst();
        long[] exec = job.execNs();
        boolean[] finished = job.finished();
        var km = KaplanMeier.of(exec, finished);
        // the true quantiles of an exponential: -mean * ln(1 - p)
        assertThat(km.quantile(0.5) / 1e6).isCloseTo(20 * Math.log(2), withPercentage(6));
        assertThat(km.quantile(0.7) / 1e6).isCloseTo(-20 * Math.log(0.3), withPercentage(6));
        assertThat(km.coverage()).isCloseTo(1 - Math.exp(-30.0 / 20), withPercentage(5));
        // dropping the timed-out attempts instead would put the median well below the truth
        long[] completeOnly = java.util.stream.IntStream.range(0, exec.length).filter(i -> finished[i])
                .mapToLong(i -> exec[i]).sorted().toArray();
        assertThat(completeOnly[completeOnly.length / 2] / 1e6).isLessThan(20 * Math.log(2) * 0.85);
        assertThat(job.timeout().toMillis()).isEqualTo(30);
    }

    @Test
    void fitRecoversFailuresAndRetries() throws Exception {
        Scenario s = ScenarioLoader.load("flaky.yaml", """
                name: flaky
                pool: { size: 4 }
                callbacks:
                  - name: call
                    count: 3000
                    arrival: { poisson: 50/s }
                    work: { sleep: { uniform: [5ms, 15ms] } }
                    fail: { probability: 0.2, error: IOException, message: connection reset }
                    retry: { attempts: 3, delay: 40ms, backoff: 2, jitter: 0.2 }
                """);
        WorkloadFit.CallbackFit call = fit(s).callbacks().getFirst();
        assertThat(call.failure().probability()).isCloseTo(0.2, withPercentage(10));
        assertThat(call.failure().error()).isEqualTo("IOException");
        assertThat(call.failure().message()).isEqualTo("connection reset");
        assertThat(call.retry().maxAttempts()).isEqualTo(3);
        assertThat(call.retry().delay().toNanos() / 1e6).isCloseTo(40, withPercentage(5));
        assertThat(call.retry().backoff()).isEqualTo(2.0);
        assertThat(call.retry().jitter()).isCloseTo(0.2, withPercentage(15));
        assertThat(call.count()).isEqualTo(3000); // first attempts only: retries are the policy's, not traffic
    }

    @Test
    void fitKeepsBurstSizes() throws Exception {
        WorkloadFit fit = fit(Recordings.scenario("{ burst: { size: 12, every: 300ms } }",
                "{ sleep: 10ms }", 1_200, "0", 4));
        Arrival.Gaps arrival = (Arrival.Gaps) fit.callbacks().getFirst().arrival();
        assertThat(arrival.sizes()).containsOnly(12);
        assertThat(((Distribution.Empirical) arrival.gaps()).values()).allMatch(d -> d.toMillis() == 300);
    }

    @Test
    void writtenWorkloadLoadsAndMeansTheSame() throws Exception {
        WorkloadFit fit = fit(Recordings.scenario("{ poisson: 100/s }", "{ sleep: { lognormal: { median: 10ms, "
                + "sigma: 0.8 } } }", 3_000, "50ms", 4));
        Scenario fitted = fit.scenario(1.5);
        String yaml = WorkloadYaml.write(fitted, fit);
        Scenario loaded = ScenarioLoader.load("workload.yaml", yaml);

        assertThat(loaded.pool()).isEqualTo(fitted.pool());
        CallbackSpec a = (CallbackSpec) loaded.steps().getFirst();
        CallbackSpec b = (CallbackSpec) fitted.steps().getFirst();
        assertThat(a.count()).isCloseTo(4_500, org.assertj.core.data.Percentage.withPercentage(3));
        assertThat(a.arrival()).isEqualTo(b.arrival());
        assertThat(a.work()).isEqualTo(b.work());
        assertThat(a.timeout()).isEqualTo(b.timeout());
        assertThat(((Work.Sleep) a.work()).duration()).isInstanceOf(Distribution.Empirical.class);
        assertThat(yaml).contains("arrival: { at: [").contains("sleep: { empirical: [");
    }

    /// Which traces count as Poisson streams, whose replicates draw fresh arrivals: exponential gaps at a steady
    /// rate do; bursts, evenly spaced arrivals and a rate that changes half-way do not.
    @Test
    void onlyASteadyPoissonStreamIsDrawnAfresh() {
        var random = new SplittableRandom(9);
        long[] poisson = new long[5_000];
        long[] even = new long[5_000];
        long[] drifting = new long[5_000];
        long[] bursts = new long[5_000];
        for (int i = 1; i < poisson.length; i++) {
            poisson[i] = poisson[i - 1] + Math.round(-Math.log(1 - random.nextDouble()) * 5e6);
            even[i] = i * 5_000_000L;
            double mean = i < 2_500 ? 10e6 : 2.5e6; // 100/s, then 400/s
            drifting[i] = drifting[i - 1] + Math.round(-Math.log(1 - random.nextDouble()) * mean);
            bursts[i] = (i / 8) * 100_000_000L + (i % 8) * 50_000L;
        }
        assertThat(trace(poisson).poissonLike()).isTrue();
        assertThat(trace(even).poissonLike()).isFalse();
        assertThat(trace(drifting).poissonLike()).isFalse();
        assertThat(trace(bursts).poissonLike()).isFalse();

        WorkloadFit.CallbackFit replicate = trace(poisson).resample(new SplittableRandom(3));
        var fresh = replicate.replay(1.0).offsets().stream().map(java.time.Duration::toNanos).toList();
        assertThat(fresh).isSorted().doesNotContainAnyElementsOf(Arrays.stream(poisson).skip(1).boxed().toList());
        assertThat((double) fresh.size()).isCloseTo(5_000, withPercentage(6)); // 4 standard deviations
        assertThat(trace(poisson).replay(1.0).offsets()).hasSize(5_000); // in order: the trace as recorded
    }

    private static WorkloadFit.CallbackFit trace(long[] trace) {
        return new WorkloadFit.CallbackFit("job", trace.length, trace, 0, new long[] {1}, new int[] {1},
                new long[] {1_000_000}, new int[] {0}, new boolean[] {true}, dev.asynclab.lab.scenario.Failure.NONE,
                java.time.Duration.ZERO, dev.asynclab.lab.scenario.RetryPolicies.NONE);
    }

    @Test
    void replayKeepsBurstsWholeAndScalesTheRate() throws Exception {
        WorkloadFit fit = fit(Recordings.scenario("{ burst: { size: 8, every: 100ms } }", "{ sleep: 10ms }", 1_600,
                "0", 4));
        WorkloadFit.CallbackFit job = fit.callbacks().getFirst();
        for (WorkloadFit.CallbackFit c : List.of(job, fit.resample(new SplittableRandom(4)).callbacks().getFirst())) {
            var times = c.replay(1.0).offsets().stream().map(java.time.Duration::toNanos).toList();
            assertThat(times).hasSize(1_600);
            // every instant that has arrivals has a whole burst of 8
            assertThat(times.stream().collect(java.util.stream.Collectors.groupingBy(t -> t,
                    java.util.stream.Collectors.counting())).values()).containsOnly(8L);
        }
        // twice the rate over the same span: one burst every 50 ms from 0 while it lasts (19.91 s: 399 of them)
        assertThat(job.replay(2.0).offsets()).hasSize(3_192);
    }

    @Test
    void resampledReplicatesDifferButKeepTheShape() throws Exception {
        WorkloadFit fit = fit(Recordings.scenario("{ poisson: 100/s }", "{ sleep: { exponential: 20ms } }", 2_000,
                "0", 4));
        WorkloadFit.CallbackFit a = fit.resample(new SplittableRandom(1)).callbacks().getFirst();
        WorkloadFit.CallbackFit b = fit.resample(new SplittableRandom(2)).callbacks().getFirst();
        assertThat(Arrays.equals(a.execNs(), b.execNs())).isFalse();
        assertThat(mean(a.service(), 50_000)).isCloseTo(20, withPercentage(12));
        assertThat(mean(b.service(), 50_000)).isCloseTo(20, withPercentage(12));
    }
}
