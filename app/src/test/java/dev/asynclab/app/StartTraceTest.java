package dev.asynclab.app;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StartTraceTest {

    @Test
    void eachMarkIsOneLineWithTheUptimeAndTheProcessAndThreadCpuTimesAtThatMoment() {
        var bytes = new ByteArrayOutputStream();
        var uptimes = new ArrayDeque<>(List.of(Duration.ofMillis(412), Duration.ofMillis(1730)));
        var cpus = new ArrayDeque<>(List.of(Duration.ofMillis(655), Duration.ofNanos(2_345_999_999L)));
        var threadCpus = new ArrayDeque<>(List.of(Duration.ofMillis(120), Duration.ofNanos(980_500_000L)));
        var trace = new StartTrace(new PrintStream(bytes, true, StandardCharsets.UTF_8), uptimes::poll, cpus::poll,
                threadCpus::poll);

        trace.print("main");
        trace.print("shown");

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "asynclab start: main at 412 ms, cpu 655 ms, thread 120 ms",
                "asynclab start: shown at 1730 ms, cpu 2345 ms, thread 980 ms");
    }

    @Test
    void isOffWithoutTheProperty() {
        // The build's test JVMs are not started with -Dasynclab.startTrace=true.
        assertThat(System.getProperty("asynclab.startTrace")).isNull();
        assertThat(StartTrace.on()).isFalse();
    }
}
