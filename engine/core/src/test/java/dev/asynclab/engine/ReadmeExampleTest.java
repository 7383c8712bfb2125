package dev.asynclab.engine;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventBus;
import dev.asynclab.engine.event.EventType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/// The README's "engine as a library" example, compiled against the core alone and kept true.
class ReadmeExampleTest {

    static String fetchUser(int id) {
        return "user-" + id;
    }

    @Test
    void theReadmeExampleRunsOnTheCoreAlone() throws Exception {
        // --- README example starts here
        // One call: a timeout, cancellation and an exception boundary.
        AsyncCallbackResult r = new AsyncCallbackWrapper(() -> fetchUser(42), "fetch-user", Duration.ofMillis(500))
                .executeBlocking();
        System.out.println(r.status() + " " + r.value() + " in " + r.executionTime());

        // A pool of 4 whose events go to a sink of your own, and a call retried with exponential backoff and jitter.
        List<Event> events = new CopyOnWriteArrayList<>();
        try (var bus = EventBus.create(1 << 16, events::add)) {
            var runtime = AsyncCallbackRuntime.builder().events(bus).build();
            try (var pool = AsyncCallbackPool.builder(runtime).size(4).queueCapacity(100).build()) {
                var policy = RetryPolicy.builder().maxAttempts(3)
                        .delay(Duration.ofMillis(20)).backoff(2.0, Duration.ofSeconds(1)).jitter(0.2).build();
                var flaky = AsyncCallbacks.executeWithRetry(pool, ctx -> {
                    if (ctx.attempt() < 2) {
                        throw new java.io.IOException("connection reset");
                    }
                    return "ok on attempt " + ctx.attempt();
                }, "flaky", Duration.ofSeconds(1), policy);
                var fastest = AsyncCallbacks.executeRace(pool, List.of(
                        Task.call("server-1", ctx -> { ctx.sleep(Duration.ofMillis(200)); return "server-1"; },
                                Duration.ofSeconds(1)),
                        Task.call("cache", ctx -> "cache", Duration.ofSeconds(1))), Duration.ofMillis(300));
                System.out.println(flaky.join().value() + ", race won by " + fastest.join().value());
                pool.awaitAll(Duration.ofSeconds(10));
            }
        }
        System.out.println(events.stream().filter(e -> e.type() == EventType.RETRY_SCHEDULED).count() + " retries");
        // --- README example ends here
        assertThat(r.value()).isEqualTo("user-42");
        assertThat(events).filteredOn(e -> e.type() == EventType.RETRY_SCHEDULED).hasSize(1);
        assertThat(events).filteredOn(e -> e.type() == EventType.SUCCEEDED && "cache".equals(e.name())).hasSize(1);
    }

    @Test
    void readmeExampleStaysInTheReadme() throws IOException {
        String readme = java.nio.file.Files.readString(Path.of("..", "..", "README.md"));
        assertThat(readme).contains("AsyncCallbacks.executeWithRetry(pool", "EventBus.create(1 << 16, events::add)");
    }
}
