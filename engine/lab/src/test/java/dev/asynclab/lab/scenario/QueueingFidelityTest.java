package dev.asynclab.lab.scenario;

import dev.asynclab.lab.metrics.RunSummary;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

/// The engine as a queueing system: Poisson arrivals and exponential service on a pool of c (M/M/c) must give
/// the mean queue wait of the Erlang C formula, and Little's law must hold.
class QueueingFidelityTest {

    static String mmc(int servers, double perSecond, String meanService, int count, String clock) {
        return """
                name: M/M/c fidelity
                seed: 1
                clock: %s
                pool: { size: %d }
                callbacks:
                  - name: job
                    count: %d
                    arrival: { poisson: %s/s }
                    work: { sleep: { exponential: %s } }
                    timeout: 0
                """.formatted(clock, servers, count, perSecond, meanService);
    }

    /// Erlang C: the mean wait in queue of an M/M/c system, in seconds.
    static double erlangCWait(int c, double lambda, double mu) {
        double a = lambda / mu;
        double term = 1;
        double sum = 0;
        for (int k = 0; k < c; k++) {
            sum += term;
            term *= a / (k + 1);
        }
        double last = term * c / (c - a); // a^c / c! * c / (c - a)
        double pWait = last / (sum + last);
        return pWait / (c * mu - lambda);
    }

    private static RunSummary run(String yaml) throws Exception {
        Scenario s = ScenarioLoader.load("mmc.yaml", yaml);
        return ScenarioRunner.start(s, RunOptions.DEFAULTS, List.of()).await(Duration.ofMinutes(5));
    }

    @Test
    void simulatedMmcQueueWaitMatchesErlangC() throws Exception {
        int c = 4;
        double lambda = 60;
        double mu = 1 / 0.05;
        RunSummary s = run(mmc(c, lambda, "50ms", 400_000, "simulated"));
        double expected = erlangCWait(c, lambda, mu);
        double observed = s.overall().queueWait().mean() / 1e9;
        assertThat(observed).isCloseTo(expected, withPercentage(5));
        assertThat(s.meanInSystem()).isCloseTo(s.littleLambdaW(), withPercentage(2));
        assertThat(s.utilization()).isCloseTo(lambda / (c * mu), withPercentage(5));
    }

    @Test
    void realClockRunsKeepLittlesLaw() throws Exception {
        // An identity for a system that starts and ends empty, so it holds however loaded the machine is: it
        // checks that the real clock's events account for every moment of every invocation.
        RunSummary s = run(mmc(4, 300, "6ms", 600, "real"));
        assertThat(s.overall().latency().count()).isEqualTo(600);
        assertThat(s.meanInSystem()).isCloseTo(s.littleLambdaW(), withPercentage(2));
    }

    /// Needs a quiet machine: `./mvnw -B -pl engine/lab -am -Pfidelity test -Dtest=QueueingFidelityTest
    /// -Dsurefire.failIfNoSpecifiedTests=false`.
    @Test
    @org.junit.jupiter.api.Tag("fidelity")
    void realClockMmcQueueWaitMatchesErlangCLoosely() throws Exception {
        // On real threads the service time is what the machine gives; the queue's job is to turn that service
        // into the Erlang C wait. So the formula is fed the arrival rate and mean service measured in the run.
        // A machine too loaded to keep time (sleeps overrunning by more than 5 %, which also bunches the
        // arrivals) cannot say anything about the queue: the test then reports itself skipped, saying why.
        int c = 4;
        RunSummary simulated = run(mmc(c, 300, "6ms", 2_500, "simulated"));
        RunSummary s = run(mmc(c, 300, "6ms", 2_500, "real"));
        double overrun = s.overall().execution().mean() / simulated.overall().execution().mean() - 1;
        org.junit.jupiter.api.Assumptions.assumeTrue(overrun < 0.05, () -> String.format(
                "the machine is too loaded to keep time: 6 ms sleeps took %.0f %% longer", overrun * 100));
        double lambda = s.overall().latency().count() / (s.durationNanos() / 1e9);
        double mu = 1e9 / s.overall().execution().mean();
        double expected = erlangCWait(c, lambda, mu);
        double observed = s.overall().queueWait().mean() / 1e9;
        System.out.printf("M/M/c real clock: lambda %.1f/s, service %.3f ms, Erlang C %.3f ms, observed %.3f ms%n",
                lambda, 1e3 / mu, expected * 1e3, observed * 1e3);
        assertThat(observed).isCloseTo(expected, withPercentage(15));
        assertThat(s.meanInSystem()).isCloseTo(s.littleLambdaW(), withPercentage(5));
    }
}
