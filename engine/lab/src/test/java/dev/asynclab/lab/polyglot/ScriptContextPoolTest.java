package dev.asynclab.lab.polyglot;

import dev.asynclab.engine.AsyncCallbackPool;
import dev.asynclab.engine.AsyncCallbackResult;
import dev.asynclab.engine.AsyncCallbackResult.Status;
import dev.asynclab.engine.AsyncCallbackRuntime;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static dev.asynclab.lab.polyglot.ScriptLanguage.JS;
import static org.assertj.core.api.Assertions.assertThat;

/// A script host keeps its contexts: calls one after another reuse one, concurrent calls each borrow their own,
/// and no more stay idle than the host allows.
class ScriptContextPoolTest {

    @Test
    void contextsAreReusedNotCreatedPerCall() throws Exception {
        var host = new ScriptHost(0, 2);
        try (host) {
            for (int i = 0; i < 20; i++) {
                ScriptCallback.of(new ScriptSource(ScriptLanguage.JS, "return " + (i % 3), "reuse.js"), host)
                        .call(new TestContext());
            }
            assertThat(host.createdContexts(ScriptLanguage.JS)).isEqualTo(1);
            assertThat(host.idleContexts(ScriptLanguage.JS)).isEqualTo(1);
        }
    }

    @Test
    void concurrentCallsInAPoolEachBorrowTheirOwnContext() {
        var host = new ScriptHost(0, 2);
        try (host; var pool = AsyncCallbackPool.builder(AsyncCallbackRuntime.builder().seed(7).build()).size(4).build()) {
            var callback = ScriptCallback.of(new ScriptSource(JS, "sleep(20); return name", "pooled.js"), host);
            List<CompletableFuture<AsyncCallbackResult>> futures = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                futures.add(pool.submit(callback, "call-" + i, Duration.ofSeconds(60)));
            }
            for (int i = 0; i < futures.size(); i++) {
                var result = futures.get(i).join();
                assertThat(result.status()).isEqualTo(Status.SUCCEEDED);
                assertThat(result.value()).isEqualTo("call-" + i);
            }
            assertThat(host.createdContexts(JS)).as("at most one context per concurrent call").isBetween(1, 4);
            assertThat(host.idleContexts(JS)).isLessThanOrEqualTo(2);
        }
    }
}
