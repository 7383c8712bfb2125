package dev.asynclab.engine;

import dev.asynclab.engine.spi.SimulatedScheduler;
import dev.asynclab.engine.AsyncCallbackResult.Status;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/// The README's resilience-policies example, compiled, run, and kept word for word in the README.
class PolicyReadmeExampleTest {

    @Test
    void theReadmePolicyExampleRuns() {
        // --- README example starts here
        // A call to a dead dependency: retried within a shared budget, guarded by a breaker, with a fallback.
        var sim = new SimulatedScheduler();
        var runtime = AsyncCallbackRuntime.builder().scheduler(sim).build();
        var breaker = CircuitBreaker.builder("inventory-db").runtime(runtime)
                .countWindow(10).minimumCalls(10).failureRateThreshold(50)
                .waitInOpenState(Duration.ofMillis(500)).halfOpenCalls(2).build();
        var budget = RetryBudget.builder("backend").runtime(runtime).ratio(0.2).minPerSecond(1).build();
        Task lookup = Task.call("inventory", ctx -> {
                    ctx.sleep(Duration.ofMillis(50));
                    throw new java.io.IOException("connection refused");
                }, Duration.ofMillis(200))
                .withRetry(RetryPolicy.builder().maxAttempts(4).delay(Duration.ofMillis(20)).build())
                .withRetryBudget(budget)
                .withCircuitBreaker(breaker)
                .withFallback(Fallback.value("cached stock"));
        List<CompletableFuture<AsyncCallbackResult>> calls = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            sim.schedule(() -> calls.add(AsyncCallbacks.execute(runtime, lookup)), i * 25_000_000L);
        }
        sim.runUntilIdle(); // 2.5 s of simulated time, at once
        AsyncCallbackResult last = calls.getLast().join();
        System.out.println(last.value() + " instead of: " + last.replaced().errorMessage());
        // cached stock instead of: circuit 'inventory-db' is half-open and its 2 probe calls are taken
        // --- README example ends here
        assertThat(last.value()).isEqualTo("cached stock");
        assertThat(last.replaced().status()).isEqualTo(Status.REJECTED);
        assertThat(last.replaced().errorMessage())
                .isEqualTo("circuit 'inventory-db' is half-open and its 2 probe calls are taken");
        assertThat(calls).allSatisfy(c -> assertThat(c.join().value()).isEqualTo("cached stock"));
    }

    @Test
    void theExampleIsInTheReadmeWordForWord() throws IOException {
        String source = Files.readString(Path.of("src", "test", "java", "dev", "asynclab", "engine",
                "PolicyReadmeExampleTest.java"));
        String example = source.substring(source.indexOf("// --- README example starts here"),
                source.indexOf("        // --- README example ends here"));
        String readme = Files.readString(Path.of("..", "..", "README.md"));
        example.lines().skip(1).map(line -> line.length() >= 8 ? line.substring(8) : line.strip())
                .forEach(line -> assertThat(readme).contains(line));
    }
}
