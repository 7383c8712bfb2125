package dev.asynclab.engine;

import dev.asynclab.engine.spi.SimulatedScheduler;
import dev.asynclab.engine.AsyncCallbackResult.Status;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/// The Javadoc examples of the policy types, compiled here as written and run on the simulated clock; a second
/// test checks that each class still shows exactly these lines, so the two cannot drift apart.
class PolicyJavadocExamplesTest {

    private final SimulatedScheduler sim = new SimulatedScheduler();
    private final AsyncCallbackRuntime runtime = AsyncCallbackRuntime.builder().scheduler(sim).build();
    private final AsyncCallbackPool pool = AsyncCallbackPool.builder(runtime).size(2).queueCapacity(10).build();
    private final AsyncCallback payCall = ctx -> "paid";
    private final AsyncCallback api = ctx -> "called";
    private final AsyncCallback query = ctx -> "rows";
    private final AsyncCallback fetch = ctx -> "fetched";
    private final AsyncCallback fetchPrice = ctx -> 42;
    private final AsyncCallback fetchUser = ctx -> "ann";
    private final CircuitBreaker breaker = CircuitBreaker.builder("b").runtime(runtime).build();
    private final RetryPolicy retry = RetryPolicy.ofDefaults();

    @Test
    void circuitBreakerExample() throws Exception {
        // --- example
        var breaker = CircuitBreaker.builder("payments").runtime(runtime)
                .countWindow(10).minimumCalls(5).failureRateThreshold(50)
                .waitInOpenState(Duration.ofSeconds(1)).halfOpenCalls(2)
                .build();
        Task pay = Task.call("pay", payCall, Duration.ofMillis(200))
                .withRetry(RetryPolicy.ofDefaults())
                .withCircuitBreaker(breaker);
        AsyncCallbacks.execute(pool, pay);
        // --- end
        sim.runUntilIdle();
        pool.close();
    }

    @Test
    void rateLimiterExample() throws Exception {
        // --- example
        var limiter = RateLimiter.builder("api").runtime(runtime)
                .limit(10, Duration.ofSeconds(1)).burst(5).maxWait(Duration.ofMillis(500))
                .build();
        AsyncCallbacks.execute(pool, Task.call("call-api", api, Duration.ofSeconds(1)).withRateLimiter(limiter));
        // --- end
        sim.runUntilIdle();
        pool.close();
    }

    @Test
    void bulkheadExample() throws Exception {
        // --- example
        var db = Bulkhead.of("db", 4);
        AsyncCallbacks.execute(pool, Task.call("query", query, Duration.ofSeconds(1)).withBulkhead(db));
        // --- end
        sim.runUntilIdle();
        pool.close();
    }

    @Test
    void retryBudgetExample() throws Exception {
        // --- example
        var budget = RetryBudget.builder("backend").runtime(runtime)
                .ratio(0.2).minPerSecond(1).window(Duration.ofSeconds(10)).build();
        Task call = Task.call("fetch", fetch, Duration.ofMillis(100))
                .withRetry(RetryPolicy.builder().maxAttempts(4).build())
                .withRetryBudget(budget);
        // --- end
        sim.runUntilIdle();
        pool.close();
    }

    @Test
    void fallbackExample() throws Exception {
        // --- example
        Task price = Task.call("price", fetchPrice, Duration.ofMillis(200))
                .withFallback(Fallback.value("cached price"));
        Task user = Task.call("user", fetchUser, Duration.ofMillis(200))
                .withFallback(Fallback.of(failed -> "guest (" + failed.errorType() + ")").on(Status.TIMED_OUT));
        // --- end
        sim.runUntilIdle();
        pool.close();
    }

    @Test
    void faultInjectionExample() throws Exception {
        // --- example
        Task chaotic = Task.call("fetch", fetch, Duration.ofMillis(300)).withFaults(
                FaultInjection.latency(0.2, Duration.ofMillis(500)),
                FaultInjection.failure(0.1, "IOException", "injected: connection reset"));
        // --- end
        sim.runUntilIdle();
        pool.close();
    }

    @Test
    void taskExample() throws Exception {
        // --- example
        Task.Policies policies = Task.Policies.NONE.withCircuitBreaker(breaker).withFallback(Fallback.value("-"));
        Task call = Task.call("fetch", fetch, Duration.ofMillis(200)).withRetry(retry).withPolicies(policies);
        // --- end
        sim.runUntilIdle();
        pool.close();
    }

    @Test
    void theExamplesAreTheOnesInTheJavadoc() throws IOException {
        String test = Files.readString(Path.of("src/test/java/dev/asynclab/engine/PolicyJavadocExamplesTest.java"));
        for (String type : List.of("CircuitBreaker", "RateLimiter", "Bulkhead", "RetryBudget", "Fallback", "FaultInjection", "Task")) {
            String source = Files.readString(Path.of("src/main/java/dev/asynclab/engine/" + type + ".java"));
            int from = test.indexOf("void " + Character.toLowerCase(type.charAt(0)) + type.substring(1) + "Example");
            String block = test.substring(test.indexOf("// --- example", from) + 15, test.indexOf("        // --- end", from));
            block.lines().filter(l -> !l.isBlank()).map(l -> "/// " + l.substring(8))
                    .forEach(line -> assertThat(source).as(type).contains(line));
        }
    }
}
