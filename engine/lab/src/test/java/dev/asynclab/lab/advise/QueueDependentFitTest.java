package dev.asynclab.lab.advise;

import dev.asynclab.lab.metrics.RunSummary;
import dev.asynclab.lab.scenario.CallbackSpec;
import dev.asynclab.lab.scenario.ClockMode;
import dev.asynclab.lab.scenario.Distribution;
import dev.asynclab.lab.scenario.Failure;
import dev.asynclab.lab.scenario.RetryPolicies;
import dev.asynclab.lab.scenario.RunOptions;
import dev.asynclab.lab.scenario.Scenario;
import dev.asynclab.lab.scenario.ScenarioLoader;
import dev.asynclab.lab.scenario.ScenarioRunner;
import dev.asynclab.lab.scenario.Step;
import dev.asynclab.lab.scenario.Work;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

/// CPU-bound work that ran longer while a queue stood (the machine's own threads taking turns from it): the fit
/// keeps each run with the queue it found, and the replay draws each call's length for the queue it finds.
class QueueDependentFitTest {

    private static final CpuVerdict CPU_BOUND = new CpuVerdict(CpuVerdict.State.CPU_BOUND, 2, "CPU-bound (given)");

    @TempDir
    Path dir;

    /// The truth: 5 ms of work when fewer than 2 wait, 7 ms when 2 or more do; 250 calls/s on 2 workers (a
    /// utilisation of 0.63 when quiet, 0.88 in a busy stretch).
    private static Scenario truth(int count) throws Exception {
        return Recordings.scenario("{ poisson: 250/s }", "{ cpu: 5ms, when-queued: { 2: 7ms } }", count, "0", 2);
    }

    private RunSummary recorded;

    private WorkloadFit fit() throws Exception {
        Path log = dir.resolve("audit.jsonl");
        recorded = Recordings.record(truth(12_000), ClockMode.SIMULATED, 7, log);
        return WorkloadFit.of(LogReading.read(log, 2), CPU_BOUND);
    }

    private static double mean(Distribution d) {
        var random = new SplittableRandom(1);
        double sum = 0;
        for (int i = 0; i < 50_000; i++) {
            sum += d.sample(random);
        }
        return sum / 50_000 / 1e6;
    }

    @Test
    void eachBandOfTheQueueKeepsItsOwnLengths() throws Exception {
        Work.Cpu work = fit().callbacks().getFirst().cpuWork();

        assertThat(work.whenQueued()).isNotEmpty();
        assertThat(mean(work.duration())).isCloseTo(5, withPercentage(2));
        work.whenQueued().forEach((from, d) -> assertThat(mean(d)).as("from %d waiting", from)
                .isCloseTo(from >= 2 ? 7 : 5, withPercentage(2)));
        assertThat(work.whenQueued()).containsKey(2);
    }

    /// The recorded arrivals replayed on the fitted work give back the recorded tail; one distribution for every
    /// run, however long the queue, gives a tail less than half as long (the busy stretches replayed at the quiet
    /// stretches' speed). On this workload one Poisson stream differs much from the next (a busy stretch feeds
    /// itself), so the comparison is with the recording itself, whose arrivals the replay keeps.
    @Test
    void theReplayKeepsTheTailThatOneDistributionMisses() throws Exception {
        WorkloadFit fit = fit();
        double real = recorded.overall().latency().p99() / 1e6;
        Scenario replay = fit.scenario(1.0).withPoolSize(2);
        double banded = medianP99(replay);
        double single = medianP99(withWork(replay, new Work.Cpu(fit.callbacks().getFirst().service())));
        System.out.printf("p99: recorded %.1f ms, replayed by band %.1f ms, from one distribution %.1f ms%n", real,
                banded, single);

        assertThat(banded).isCloseTo(real, withPercentage(5));
        assertThat(single).isLessThan(real * 0.6);
    }

    @Test
    void theWrittenWorkloadCarriesTheBands() throws Exception {
        WorkloadFit fit = fit();
        Scenario fitted = fit.scenario(1.0);
        String yaml = WorkloadYaml.write(fitted, fit);
        Scenario loaded = ScenarioLoader.load("workload.yaml", yaml);

        assertThat(yaml).contains("when-queued: { 1: { empirical: [");
        assertThat(((CallbackSpec) loaded.steps().getFirst()).work())
                .isEqualTo(((CallbackSpec) fitted.steps().getFirst()).work());
    }

    @Test
    void workThatIsNotCpuBoundIsOneDistribution() throws Exception {
        Path log = dir.resolve("io.jsonl");
        Recordings.record(truth(3_000), ClockMode.SIMULATED, 7, log);
        Recorded run = LogReading.read(log, 2);
        WorkloadFit fit = WorkloadFit.of(run, new CpuVerdict(CpuVerdict.State.NOT_CPU_BOUND, 2, "not (given)"));

        assertThat(((CallbackSpec) fit.scenario(1.0).steps().getFirst()).work()).isInstanceOf(Work.Sleep.class);
    }

    /// However the queue lengths fall: bands start at 1 or more, ascending, each (the one from 0 too) holding at
    /// least the minimum, and there are bands only when two could hold it.
    @Property(tries = 300)
    void bandsAlwaysHoldEnoughRuns(@ForAll @Size(max = 3_000) List<@IntRange(max = 40) Integer> waiting,
                                   @ForAll @IntRange(min = 0, max = 3) int skew) {
        int[] w = waiting.stream().mapToInt(x -> x >> skew).toArray(); // skewed towards short queues
        int[] levels = callback(w).queueLevels();

        List<Integer> bounds = new ArrayList<>(List.of(0));
        Arrays.stream(levels).forEach(bounds::add);
        bounds.add(Integer.MAX_VALUE);
        for (int i = 0; i + 1 < bounds.size(); i++) {
            int from = bounds.get(i);
            int to = bounds.get(i + 1);
            assertThat(from).isLessThan(to);
            if (levels.length > 0) {
                assertThat(Arrays.stream(w).filter(x -> x >= from && x < to).count())
                        .isGreaterThanOrEqualTo(WorkloadFit.MIN_BAND);
            }
        }
        if (w.length < 2 * WorkloadFit.MIN_BAND) {
            assertThat(levels).isEmpty();
        }
        long quiet = Arrays.stream(w).filter(x -> x == 0).count();
        if (quiet >= WorkloadFit.MIN_BAND && w.length - quiet >= WorkloadFit.MIN_BAND) {
            assertThat(levels).isNotEmpty(); // the first cut, at 1, is always possible then
        }
    }

    private static WorkloadFit.CallbackFit callback(int[] waiting) {
        long[] exec = new long[waiting.length];
        Arrays.fill(exec, 1_000_000);
        boolean[] finished = new boolean[waiting.length];
        Arrays.fill(finished, true);
        return new WorkloadFit.CallbackFit("job", waiting.length, new long[] {0}, 0, new long[0], new int[0], exec,
                waiting, finished, Failure.NONE, Duration.ZERO, RetryPolicies.NONE);
    }

    private static double medianP99(Scenario s) throws Exception {
        double[] p99 = new double[5];
        for (int i = 0; i < p99.length; i++) {
            RunSummary r = ScenarioRunner.start(s, RunOptions.DEFAULTS.withClock(ClockMode.SIMULATED).withSeed(20 + i)
                    .withPaced(false), List.of()).await(Duration.ofMinutes(2));
            p99[i] = r.overall().latency().p99() / 1e6;
        }
        return Advisor.median(p99);
    }

    private static Scenario withWork(Scenario s, Work work) {
        List<Step> steps = s.steps().stream().map(step -> {
            CallbackSpec c = (CallbackSpec) step;
            return (Step) new CallbackSpec(c.name(), c.count(), c.arrival(), work, c.fail(), c.timeout(), c.retry(),
                    c.cancelAfter(), c.position(), c.resilience());
        }).toList();
        return new Scenario(s.name(), s.description(), s.seed(), s.clock(), s.speed(), s.pool(), s.defaults(), steps,
                s.cancelAllAt(), s.expect(), s.tour(), s.source());
    }
}
