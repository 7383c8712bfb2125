package dev.asynclab.lab.scenario;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/// A target that cannot be read says which one and why, in one line (`sweep`/`advise --target` print it as is).
class SweepTargetMessageTest {

    @Test
    void aBadNumberNamesTheTargetItBelongsTo() {
        assertThatIllegalArgumentException().isThrownBy(() -> SweepTarget.parse("p99<<5"))
                .withMessage("cannot read target 'p99<<5': expected a duration like 250ms, 1.5s, 2m or 100us, "
                        + "found '<5'");
        assertThatIllegalArgumentException().isThrownBy(() -> SweepTarget.parse("p99<50ms and throughput>x"))
                .withMessageStartingWith("cannot read target 'throughput>x': expected a rate like 50/s");
        assertThatIllegalArgumentException().isThrownBy(() -> SweepTarget.parse("p99<250"))
                .withMessageStartingWith("cannot read target 'p99<250': ");
    }

    @Test
    void whatTheHelpShowsReads() {
        // sweep --help: "p99<50ms" or "p99<50ms and throughput>180/s"; advise names p50, p95, p99, throughput
        assertThat(SweepTarget.parse("p99<50ms").text()).isEqualTo("p99<50ms");
        assertThat(SweepTarget.parse("p99<50ms and throughput>180/s").text())
                .isEqualTo("p99<50ms and throughput>180/s");
        assertThat(SweepTarget.parse("p50<=1s, p95<2s").text()).isEqualTo("p50<=1s, p95<2s");
    }
}
