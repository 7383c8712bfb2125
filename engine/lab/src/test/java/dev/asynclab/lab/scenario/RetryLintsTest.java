package dev.asynclab.lab.scenario;

import dev.asynclab.lab.metrics.RunMetrics;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/// The lints a callback's declared retry earns before anything runs: delays that add up past the deadline,
/// and many calls retried without jitter.
class RetryLintsTest {

    private static List<String> codes(String callback) throws ScenarioException {
        Scenario scenario = ScenarioLoader.load("l.yaml", "name: l\ncallbacks:\n  - " + callback + "\n");
        return Linter.check(scenario, new RunMetrics(0).summary()).stream().map(Lint::code).toList();
    }

    @Test
    void retryDelaysThatAddUpPastTheDeadlineAreFlagged() throws ScenarioException {
        // 100 + 200 + 400 ms of waiting between four tries: past a 500 ms deadline, within a 1 s one.
        assertThat(codes("{ name: a, timeout: 50ms, retry: { attempts: 4, delay: 100ms, backoff: 2, jitter: 0.1,"
                + " deadline: 500ms } }")).contains("retries-past-deadline");
        assertThat(codes("{ name: a, timeout: 50ms, retry: { attempts: 4, delay: 100ms, backoff: 2, jitter: 0.1,"
                + " deadline: 1s } }")).doesNotContain("retries-past-deadline");
    }

    @Test
    void manyCallsRetriedWithoutJitterAreFlagged() throws ScenarioException {
        assertThat(codes("{ name: a, count: 10, timeout: 50ms, retry: { attempts: 3, delay: 10ms } }"))
                .contains("retries-without-jitter");
        assertThat(codes("{ name: a, count: 10, timeout: 50ms, retry: { attempts: 3, delay: 10ms, jitter: 0.2 } }"))
                .doesNotContain("retries-without-jitter");
        assertThat(codes("{ name: a, count: 10, timeout: 50ms }")).as("no retry, no retry lint")
                .doesNotContain("retries-without-jitter", "retries-past-deadline");
    }
}
