package dev.asynclab.lab.advise;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CpuVerdictTest {

    private static Recorded run(int pool, Recorded.Contention c) {
        return new Recorded("r", "real", pool, -1, 1, List.of(), c, 0);
    }

    @Test
    void callsWaitingForACpuWithFreeWorkersMeanCpuBound() {
        var v = CpuVerdict.of(run(4, new Recorded.Contention(2, 300, 1000, Double.NaN)), 2);
        assertThat(v.cpuBound()).isTrue();
        assertThat(v.effective(8)).isEqualTo(2);
        assertThat(v.effective(1)).isEqualTo(1);
        assertThat(v.reason()).contains("CPU-bound", "2 cores");
    }

    @Test
    void callsSlowingDownWhenCrowdedMeanCpuBound() {
        var v = CpuVerdict.of(run(8, new Recorded.Contention(8, 0, 1000, 2.4)), 2);
        assertThat(v.cpuBound()).isTrue();
        assertThat(v.reason()).contains("2.4 times slower");
    }

    @Test
    void moreRunningThanCoresWithoutWaitingIsNotCpuBound() {
        var v = CpuVerdict.of(run(8, new Recorded.Contention(8, 3, 1000, 1.02)), 2);
        assertThat(v.state()).isEqualTo(CpuVerdict.State.NOT_CPU_BOUND);
        assertThat(v.effective(8)).isEqualTo(8);
    }

    @Test
    void aPoolNoLargerThanTheCoresCannotTell() {
        var v = CpuVerdict.of(run(2, new Recorded.Contention(2, 0, 1000, Double.NaN)), 2);
        assertThat(v.state()).isEqualTo(CpuVerdict.State.CANNOT_TELL);
        assertThat(v.reason()).contains("cannot tell");
    }
}
