package dev.asynclab.engine.functional;

import dev.asynclab.engine.AsyncCallbackPool;
import dev.asynclab.engine.AsyncCallbacks;
import dev.asynclab.engine.CallbackFailure;
import dev.asynclab.engine.RetryPolicy;
import dev.asynclab.engine.Sim;
import dev.asynclab.engine.event.Event;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.asynclab.engine.Sim.ms;
import static org.assertj.core.api.Assertions.assertThat;

class DeterminismTest {

    private List<Event> runOnce(long seed) throws InterruptedException {
        try (var sim = new Sim(seed);
             var pool = AsyncCallbackPool.builder(sim.runtime).size(3).queueCapacity(50).build()) {
            var policy = RetryPolicy.builder().maxAttempts(3).delay(ms(20)).backoff(2, Duration.ZERO).jitter(0.3)
                    .build();
            for (int i = 0; i < 300; i++) {
                AsyncCallbacks.executeWithRetry(pool, ctx -> {
                    ctx.sleep(Duration.ofNanos((long) (ctx.random() * 50_000_000)));
                    if (ctx.random() < 0.3) {
                        throw new CallbackFailure("IOException", "flaky");
                    }
                    return ctx.id();
                }, "job", ms(40), policy);
                sim.clock.advance(ms(2).toNanos());
            }
            pool.awaitAll(Duration.ofHours(1));
            return sim.events();
        }
    }

    @Test
    void sameSeedGivesTheSameEvents() throws InterruptedException {
        var a = runOnce(99);
        var b = runOnce(99);
        assertThat(a).isNotEmpty().isEqualTo(b);
        assertThat(runOnce(100)).isNotEqualTo(a);
    }
}
