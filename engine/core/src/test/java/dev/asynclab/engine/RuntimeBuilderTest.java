package dev.asynclab.engine;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/// `AsyncCallbackRuntime.builder()` starts the real clock's timer thread only when the runtime is to use it.
/// Checked in a fresh JVM: in this one, other tests have long started the shared real clock.
class RuntimeBuilderTest {

    @Test
    void aRuntimeGivenAnotherSchedulerStartsNoRealTimerThread() throws Exception {
        assertThat(timersAfterBuilding("simulated")).isEqualTo("timers=0");
    }

    @Test
    void aRuntimeOnTheDefaultClockDoesStartIt() throws Exception {
        assertThat(timersAfterBuilding("default")).isEqualTo("timers=1");
    }

    private static String timersAfterBuilding(String clock) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        String classpath = String.join(File.pathSeparator, location(AsyncCallbackRuntime.class),
                location(TimerThreadProbe.class));
        Process p = new ProcessBuilder(List.of(java, "-cp", classpath, TimerThreadProbe.class.getName(), clock))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out.lines().reduce((a, b) -> b).orElse("");
    }

    private static String location(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
