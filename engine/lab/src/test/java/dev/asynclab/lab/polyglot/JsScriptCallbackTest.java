package dev.asynclab.lab.polyglot;

import dev.asynclab.engine.CallbackFailure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class JsScriptCallbackTest {

    private static final ScriptHost HOST = new ScriptHost(1_000_000, 4);

    @AfterAll
    static void closeHost() {
        HOST.close();
    }

    private static Object run(String body, TestContext ctx) throws Exception {
        return ScriptCallback.of(new ScriptSource(ScriptLanguage.JS, body, "test.js"), HOST).call(ctx);
    }

    private static Object run(String body) throws Exception {
        return run(body, new TestContext());
    }

    private static CallbackFailure failure(String body) {
        return catchThrowableOfType(CallbackFailure.class, () -> run(body));
    }

    @Test
    void returnsPlainValues() throws Exception {
        assertThat(run("return 'hit'")).isEqualTo("hit");
        assertThat(run("return 6 * 7")).isEqualTo(42);
        assertThat(run("return 2.5")).isEqualTo(2.5);
        assertThat(run("return true")).isEqualTo(true);
        assertThat(run("return [1, 'a', null]")).isEqualTo(java.util.Arrays.asList(1, "a", null));
        assertThat(run("let x = 1;")).isNull();
    }

    @Test
    void sleepsThenReturns() throws Exception {
        assertThat(ScriptCallback.js("sleep(10); return 'hit'").call(new TestContext())).isEqualTo("hit");
    }

    @Test
    void resolvedPromiseCompletesTheFuture() throws Exception {
        Object result = run("return (async () => { sleep(1); return 'later'; })()");
        assertThat(result).isInstanceOf(CompletableFuture.class);
        assertThat(((CompletableFuture<?>) result).get(5, TimeUnit.SECONDS)).isEqualTo("later");
    }

    @Test
    void awaitChainsSettleBeforeTheCallReturns() throws Exception {
        var future = (CompletableFuture<?>) run("""
                const twice = async x => { await null; return x * 2; };
                return (async () => (await twice(await twice(attempt))) + 1)()""");
        assertThat(future).isCompleted();
        assertThat(future.get()).isEqualTo(5);
    }

    @Test
    void rejectedPromiseFailsWithTheErrorTypeAndLine() throws Exception {
        var future = (CompletableFuture<?>) run("return (async () => {\n  null.f();\n})()");
        var thrown = catchThrowableOfType(ExecutionException.class, () -> future.get(5, TimeUnit.SECONDS));
        assertThat(thrown.getCause()).isInstanceOf(CallbackFailure.class);
        var failure = (CallbackFailure) thrown.getCause();
        assertThat(failure.errorType()).isEqualTo("TypeError");
        assertThat(failure.getMessage()).contains("(line 2)");
    }

    @Test
    void promiseThatCanNeverSettleFailsAtOnce() throws Exception {
        var future = (CompletableFuture<?>) run("return new Promise(() => {})");
        var thrown = catchThrowableOfType(ExecutionException.class, () -> future.get(5, TimeUnit.SECONDS));
        assertThat(((CallbackFailure) thrown.getCause()).errorType()).isEqualTo("PendingPromise");
    }

    @Test
    void hostApiSeesAttemptNameAndLog() throws Exception {
        var ctx = new TestContext("fetch-user", 3, 7, false);
        assertThat(run("log('attempt', attempt, 'of', name); console.log('printed'); return name + '#' + attempt",
                ctx)).isEqualTo("fetch-user#3");
        assertThat(ctx.logs).containsExactly("attempt 3 of fetch-user", "printed");
    }

    @Test
    void randomIsTheContextsSeededRandom() throws Exception {
        String body = "return [random(), random()]";
        Object first = run(body, new TestContext("r", 1, 99, false));
        Object again = run(body, new TestContext("r", 1, 99, false));
        Object other = run(body, new TestContext("r", 1, 100, false));
        var expected = new java.util.Random(99);
        assertThat(first).isEqualTo(List.of(expected.nextDouble(), expected.nextDouble())).isEqualTo(again);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void failThrowsTheDeclaredFailure() {
        CallbackFailure f = failure("fail('IOException', 'connection reset')");
        assertThat(f.errorType()).isEqualTo("IOException");
        assertThat(f.getMessage()).isEqualTo("connection reset");
    }

    @Test
    void misusedHostApiIsATypeErrorWithLine() {
        CallbackFailure f = failure("\nsleep('soon')");
        assertThat(f.errorType()).isEqualTo("TypeError");
        assertThat(f.getMessage()).contains("sleep(ms)").contains("(line 2)");
    }

    @Test
    void scriptErrorsKeepTypeMessageAndLine() {
        CallbackFailure f = failure("let x = 1;\nlet y = 2;\nx();");
        assertThat(f.errorType()).isEqualTo("TypeError");
        assertThat(f.getMessage()).contains("not a function").endsWith("(line 3)");

        CallbackFailure range = failure("\n\nthrow new RangeError('bang')");
        assertThat(range.errorType()).isEqualTo("RangeError");
        assertThat(range.getMessage()).isEqualTo("bang (line 3)");

        // An error's line is where it was made: here inside the constructor, on line 1.
        CallbackFailure custom = failure("class Boom extends Error { constructor(m) { super(m); this.name = 'Boom'; } }"
                + "\nthrow new Boom('bang')");
        assertThat(custom.errorType()).isEqualTo("Boom");
        assertThat(custom.getMessage()).isEqualTo("bang (line 1)");
    }

    @Test
    void linesAreCountedInTheFileTheBodyCameFrom() {
        var inYaml = new ScriptSource(ScriptLanguage.JS, "let a = 1;\na();", "pool.yaml:12", 12);
        var thrown = catchThrowableOfType(CallbackFailure.class,
                () -> ScriptCallback.of(inYaml, HOST).call(new TestContext()));
        assertThat(thrown.getMessage()).endsWith("(line 13)");
    }

    @Test
    void syntaxErrorsNameLineAndColumn() {
        CallbackFailure f = failure("let a = 1;\nlet = = 2;");
        assertThat(f.errorType()).isEqualTo("SyntaxError");
        assertThat(f.getMessage()).contains("(line 2, column");
        var thrown = catchThrowableOfType(CallbackFailure.class,
                () -> HOST.check(new ScriptSource(ScriptLanguage.JS, "return )", "bad.js")));
        assertThat(thrown.errorType()).isEqualTo("SyntaxError");
        assertThat(thrown.getMessage()).contains("(line 1, column");
    }

    @Test
    void aScriptsOwnComputingIsNotChargedToTheSimulatedClock() throws Exception {
        var ctx = new TestContext("sim", 1, 1, true);
        assertThat(run("let s = 0; for (let i = 0; i < 1000; i++) s += i; return s", ctx)).isEqualTo(499500);
        assertThat(ctx.charged).isEmpty();
    }
}
