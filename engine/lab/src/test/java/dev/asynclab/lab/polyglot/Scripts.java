package dev.asynclab.lab.polyglot;

import dev.asynclab.engine.CallbackFailure;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/// Test helpers: run a body on a host, expect a failure, stop a running script from outside.
final class Scripts {

    /// Far above any stop's real cost; only a hang would reach it.
    static final Duration PATIENCE = Duration.ofSeconds(60);

    private Scripts() {
    }

    static Object run(ScriptHost host, ScriptLanguage language, String body, TestContext ctx) throws Exception {
        return ScriptCallback.of(new ScriptSource(language, body, "test" + suffix(language)), host).call(ctx);
    }

    static CallbackFailure failure(ScriptHost host, ScriptLanguage language, String body) {
        var failure = catchThrowableOfType(CallbackFailure.class, () -> run(host, language, body, new TestContext()));
        assertThat(failure).as("a CallbackFailure from: %s", body).isNotNull();
        assertThat(failure.errorType()).isNotBlank();
        assertThat(failure.getMessage()).isNotBlank();
        return failure;
    }

    /// Starts `body` on its own thread, cancels it the way a timeout does once it runs, and returns what the
    /// callback ended with.
    static Throwable runAndStop(ScriptHost host, ScriptLanguage language, String body) throws Exception {
        var ctx = new TestContext();
        var outcome = new CompletableFuture<Object>();
        Thread.ofVirtual().start(() -> {
            try {
                outcome.complete(run(host, language, body, ctx));
            } catch (Throwable t) {
                outcome.completeExceptionally(t);
            }
        });
        ctx.awaitStarted();
        Thread.sleep(100); // let the script get into its loop; a stop before that must work too
        long cancelledAt = System.nanoTime();
        ctx.cancel();
        var thrown = catchThrowableOfType(ExecutionException.class,
                () -> outcome.get(PATIENCE.toSeconds(), TimeUnit.SECONDS));
        System.out.printf("stopped %s %s after %.1f ms%n", language, body.replace('\n', ';'),
                (System.nanoTime() - cancelledAt) / 1e6);
        assertThat(thrown).as("the script should end in an exception once stopped").isNotNull();
        return thrown.getCause();
    }

    static String suffix(ScriptLanguage language) {
        return language == ScriptLanguage.JS ? ".js" : ".py";
    }
}
