package dev.asynclab.lab.story;

import dev.asynclab.lab.scenario.Lint;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RedFlagsTest {

    @Test
    void flagsAreRankedByWhatTheyCostCallersAndLinkedToInvocations() throws Exception {
        RunHistory h = SimulatedRuns.run("""
                name: mixed
                pool: { size: 1 }
                callbacks:
                  - name: flaky
                    count: 2
                    arrival: { at: [0ms, 0ms] }
                    work: { sleep: 10ms }
                    timeout: 1s
                    fail: { first: 1, error: IOException, message: reset }
                    retry: { attempts: 2, delay: 5ms }
                  - race:
                      name: lookup
                      arrival: { at: [100ms] }
                      timeout: 50ms
                      members:
                        - { name: primary, work: { sleep: 5ms }, fail: { probability: 1.0, error: IOException } }
                        - { name: replica, work: { sleep: 200ms } }
                """);
        List<Lint> lints = List.of(
                new Lint("retries-without-jitter", "flaky", "retries without jitter fire in synchronized waves",
                        List.of(), false),
                new Lint("queue-slower-than-work", "flaky", "invocations wait longer in the queue than they run",
                        List.of(), false),
                new Lint("race-all-failed", "lookup", "1 race runs ended with every member failed or timed out",
                        List.of(3L), true));
        List<RedFlag> flags = RedFlags.rank(lints, h);
        assertThat(flags).extracting(RedFlag::code)
                .containsExactly("race-all-failed", "queue-slower-than-work", "retries-without-jitter");
        assertThat(flags).extracting(RedFlag::rank).containsExactly(1, 2, 3);
        assertThat(flags.getFirst().sentence())
                .isEqualTo("lookup: 1 race runs ended with every member failed or timed out.");
        long raceMembers = h.idsInGroup(3).size();
        assertThat(raceMembers).isEqualTo(2);
        assertThat(flags.getFirst().ids()).isEqualTo(h.idsInGroup(3));
        // The longest wait first: the second call waited behind the first's 10 ms.
        assertThat(flags.get(1).ids()).first().isEqualTo(2L);
        assertThat(flags.get(2).ids()).containsExactly(1L, 2L);
        assertThat(new RedFlag(1, "c", "s", "x", List.of(1L, 2L, 3L, 4L)).idList(2)).isEqualTo("#1, #2 and 2 more");
    }
}
