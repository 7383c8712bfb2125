package dev.asynclab.lab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.asynclab.lab.polyglot.ScriptLanguage;
import dev.asynclab.engine.RetryPolicy;
import dev.asynclab.engine.spi.RealScheduler.ThreadMode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/// The loader reads every key of a scenario into the model, with the scenario's and the engine's defaults where
/// a file says nothing. How it words what is wrong is [ScenarioProblemMessagesTest]; script files, [ScriptFilesTest].
class ScenarioLoaderTest {

    private static final String FULL = """
            name: Full
            description: every key
            seed: 42
            clock: real
            speed: 0.5
            pool: { size: 4, queue: 100, threads: platform }
            defaults:
              timeout: 500ms
              retry: { attempts: 2, delay: 10ms }
            cancel_all: { at: 2s }
            callbacks:
              - name: fetch-user
                count: 200
                arrival: { poisson: 3000/m, start: 1s }
                work: { sleep: { uniform: [50ms, 150ms] } }
                fail: { probability: 0.1, error: IOException, message: connection reset }
                retry: { attempts: 3, delay: 100ms, backoff: 2.0, max_delay: 1s, jitter: 0.2,
                         retry_on: [IOException], retry_timeouts: false, deadline: 5s }
                cancel: { after: 30ms }
              - name: plain
                work: { cpu: 20ms }
              - race:
                  name: data-fetch
                  timeout: 300ms
                  count: 2
                  arrival: { at: [0ms, 5ms] }
                  members:
                    - { name: server-1, work: { sleep: { exponential: 20ms } }, timeout: 0 }
                    - { name: cache, work: { js: "sleep(10); return 'hit'" }, fail: { first: 1 } }
                    - parallel:
                        members:
                          - { name: a, work: { sleep: { normal: { mean: 10ms, stddev: 2ms } } } }
                          - { name: b, work: { sleep: { lognormal: { median: 8ms, sigma: 0.5 } } } }
            expect:
              succeeded: ">= 190"
              late_finish: 1
              max_queue: 2..5
            """;

    @Test
    void readsEveryKeyIntoTheModel() throws ScenarioException {
        Scenario s = ScenarioLoader.load("full.yaml", FULL);

        assertThat(s.name()).isEqualTo("Full");
        assertThat(s.seed()).isEqualTo(42);
        assertThat(s.clock()).isEqualTo(ClockMode.REAL);
        assertThat(s.speed()).isEqualTo(0.5);
        assertThat(s.pool()).contains(new PoolSpec(4, 100, ThreadMode.PLATFORM));
        assertThat(s.cancelAllAt()).contains(Duration.ofSeconds(2));
        assertThat(s.source()).isEmpty();
        assertThat(s.steps()).hasSize(3);

        CallbackSpec fetch = (CallbackSpec) s.steps().get(0);
        assertThat(fetch.count()).isEqualTo(200);
        assertThat(fetch.arrival()).isEqualTo(new Arrival.Poisson(50.0, Duration.ofSeconds(1)));
        assertThat(fetch.work()).isEqualTo(new Work.Sleep(new Distribution.Uniform(Duration.ofMillis(50),
                Duration.ofMillis(150))));
        assertThat(fetch.fail()).isEqualTo(new Failure(0.1, "IOException", "connection reset", 0, false));
        assertThat(fetch.timeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(fetch.retry()).usingRecursiveComparison().isEqualTo(RetryPolicy.builder().maxAttempts(3)
                .delay(Duration.ofMillis(100)).backoff(2.0, Duration.ofSeconds(1)).jitter(0.2).retryOn("IOException")
                .retryTimeouts(false).deadline(Duration.ofSeconds(5)).build());
        assertThat(fetch.cancelAfter()).contains(Duration.ofMillis(30));
        assertThat(fetch.position()).isEqualTo(new Position(12, 5));
    }

    @Test
    void appliesDefaultsToCallbacksThatSayNothing() throws ScenarioException {
        CallbackSpec plain = (CallbackSpec) ScenarioLoader.load("full.yaml", FULL).steps().get(1);

        assertThat(plain.count()).isEqualTo(1);
        assertThat(plain.arrival()).isEqualTo(Arrival.IMMEDIATE);
        assertThat(plain.work()).isEqualTo(new Work.Cpu(new Distribution.Fixed(Duration.ofMillis(20))));
        assertThat(plain.fail()).isEqualTo(Failure.NONE);
        assertThat(plain.timeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(plain.retry().maxAttempts()).isEqualTo(2);
        assertThat(plain.cancelAfter()).isEmpty();
    }

    @Test
    void readsNestedGroups() throws ScenarioException {
        GroupSpec race = (GroupSpec) ScenarioLoader.load("full.yaml", FULL).steps().get(2);

        assertThat(race.kind()).isEqualTo(GroupKind.RACE);
        assertThat(race.name()).isEqualTo("data-fetch");
        assertThat(race.count()).isEqualTo(2);
        assertThat(race.timeout()).isEqualTo(Duration.ofMillis(300));
        assertThat(race.members()).hasSize(3);
        assertThat(race.position()).isEqualTo(new Position(22, 5));
        CallbackSpec server = (CallbackSpec) race.members().get(0);
        assertThat(server.timeout()).isZero();
        assertThat(server.work()).isEqualTo(new Work.Sleep(new Distribution.Exponential(Duration.ofMillis(20))));
        CallbackSpec cache = (CallbackSpec) race.members().get(1);
        assertThat(cache.work()).isEqualTo(new Work.Script(ScriptLanguage.JS, "sleep(10); return 'hit'", "full.yaml:29",
                29));
        assertThat(cache.fail()).isEqualTo(new Failure(0, "RuntimeException", "injected failure", 1, false));
        GroupSpec parallel = (GroupSpec) race.members().get(2);
        assertThat(parallel.kind()).isEqualTo(GroupKind.PARALLEL);
        assertThat(parallel.name()).isEqualTo("parallel@30");
        assertThat(parallel.timeout()).isZero();
        assertThat(((CallbackSpec) parallel.members().get(1)).work()).isEqualTo(new Work.Sleep(
                new Distribution.LogNormal(Duration.ofMillis(8), 0.5)));
    }

    @Test
    void readsTheExpectBlock() throws ScenarioException {
        Expectation expect = ScenarioLoader.load("full.yaml", FULL).expect();

        assertThat(expect.counts()).containsOnlyKeys("succeeded", "late_finish", "max_queue");
        assertThat(expect.counts().get("max_queue")).isEqualTo(new Comparison(2, 5, "2..5"));
    }

    @Test
    void countsFirstAttemptsOfTheWholeScenario() throws ScenarioException {
        assertThat(ScenarioLoader.load("full.yaml", FULL).invocationCount()).isEqualTo(200 + 1 + 2 * 4);
    }

    @Test
    void failWithoutProbabilityAlwaysFailsButHangAloneDoesNot() throws ScenarioException {
        String text = "name: f\ncallbacks:\n  - { name: a, fail: { error: E } }\n"
                + "  - { name: b, fail: { hang: true } }\n";

        List<Step> steps = ScenarioLoader.load("f.yaml", text).steps();

        assertThat(((CallbackSpec) steps.get(0)).fail().probability()).isEqualTo(1.0);
        assertThat(((CallbackSpec) steps.get(1)).fail()).isEqualTo(new Failure(0, "RuntimeException",
                "injected failure", 0, true));
    }

    @Test
    void aliasesWithinTheLimitAreResolved() throws ScenarioException {
        String text = "name: a\nslow: &slow { sleep: 50ms }\ncallbacks:\n  - { name: a, work: *slow }\n";

        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load("a.yaml", text));
        assertThat(e.getMessage()).contains("unknown key 'slow' in the scenario");

        String reuse = "name: a\ncallbacks:\n  - { name: a, work: &slow { sleep: 50ms } }\n"
                + "  - { name: b, work: *slow }\n";
        assertThat(((CallbackSpec) ScenarioLoader.load("a.yaml", reuse).steps().get(1)).work())
                .isEqualTo(new Work.Sleep(new Distribution.Fixed(Duration.ofMillis(50))));
    }

    @Test
    void overridesForTheCommandLineKeepEverythingElse() throws ScenarioException {
        Scenario s = ScenarioLoader.load("full.yaml", FULL);

        Scenario changed = s.withClock(ClockMode.SIMULATED).withSeed(7).withSpeed(2).withPoolSize(16);

        assertThat(changed.clock()).isEqualTo(ClockMode.SIMULATED);
        assertThat(changed.seed()).isEqualTo(7);
        assertThat(changed.speed()).isEqualTo(2);
        assertThat(changed.pool()).contains(new PoolSpec(16, 100, ThreadMode.PLATFORM));
        assertThat(changed.steps()).isEqualTo(s.steps());
        assertThat(changed.expect()).isEqualTo(s.expect());
        assertThat(ScenarioLoader.load("m.yaml", "name: m\ncallbacks: [ { name: a } ]\n").withPoolSize(3).pool())
                .contains(new PoolSpec(3, -1, ThreadMode.VIRTUAL));
    }

    @Test
    void noPoolMeansNoPoolAndDefaultsAreTheEngines() throws ScenarioException {
        Scenario s = ScenarioLoader.load("min.yaml", "name: min\ncallbacks:\n  - name: a\n");

        assertThat(s.pool()).isEqualTo(Optional.empty());
        assertThat(s.clock()).isEqualTo(ClockMode.SIMULATED);
        assertThat(s.defaults()).isEqualTo(Defaults.STANDARD);
        assertThat(((CallbackSpec) s.steps().getFirst()).timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.expect()).isEqualTo(Expectation.NONE);
    }
}
