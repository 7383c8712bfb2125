package dev.asynclab.lab.polyglot;

import dev.asynclab.engine.CallbackFailure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;

import static dev.asynclab.lab.polyglot.ScriptLanguage.JS;
import static org.assertj.core.api.Assertions.assertThat;

/// The hostile corpus in JavaScript: each script ends in a `CallbackFailure` with a reason, the JVM lives on,
/// and the host keeps serving calls.
class JsSandboxTest {

    /// No statement limit, so an endless loop can only end through the cancel hook.
    private static final ScriptHost UNLIMITED = new ScriptHost(0, 2);
    private static final ScriptHost LIMITED = new ScriptHost(200_000, 2);

    @AfterAll
    static void closeHosts() {
        UNLIMITED.close();
        LIMITED.close();
    }

    @Test
    void endlessLoopIsStoppedByTheCancelHookAndTheHostStaysUsable() throws Exception {
        Throwable stopped = Scripts.runAndStop(UNLIMITED, JS, "let i = 0;\nwhile (true) { i++; }");
        assertThat(stopped).isInstanceOf(CallbackFailure.class);
        assertThat(((CallbackFailure) stopped).errorType()).isEqualTo(ScriptErrorTypes.STOPPED);
        assertThat(stopped).as("the engine reads a stop as an interruption, not a late finish")
                .hasCauseInstanceOf(CancellationException.class);

        Throwable empty = Scripts.runAndStop(UNLIMITED, JS, "while (true) {}");
        assertThat(((CallbackFailure) empty).errorType()).isEqualTo(ScriptErrorTypes.STOPPED);

        int created = UNLIMITED.createdContexts(JS);
        assertThat(Scripts.run(UNLIMITED, JS, "return 'alive'", new TestContext())).isEqualTo("alive");
        assertThat(UNLIMITED.createdContexts(JS)).as("a stopped context is replaced").isEqualTo(created + 1);
    }

    @Test
    void cancelDuringSleepEndsTheCall() throws Exception {
        Throwable stopped = Scripts.runAndStop(UNLIMITED, JS, "sleep(60000); return 'overslept'");
        assertThat(stopped).isInstanceOfAny(InterruptedException.class, CallbackFailure.class);
    }

    @Test
    void endlessLoopHitsTheStatementLimitWithoutACancel() throws Exception {
        CallbackFailure f = Scripts.failure(LIMITED, JS, "while (true) {}");
        assertThat(f.errorType()).isEqualTo(ScriptErrorTypes.RESOURCE_LIMIT);
        assertThat(f.getMessage()).contains("Statement count limit");
        assertThat(Scripts.run(LIMITED, JS, "return 1", new TestContext())).isEqualTo(1);
    }

    @Test
    void growingMemoryIsBoundedByTheStatementLimit() throws Exception {
        CallbackFailure f = Scripts.failure(LIMITED, JS, "const a = [];\nwhile (true) a.push('x'.repeat(100));");
        assertThat(f.errorType()).isEqualTo(ScriptErrorTypes.RESOURCE_LIMIT);
        assertThat(Scripts.run(LIMITED, JS, "return 2", new TestContext())).isEqualTo(2);
    }

    @Test
    void hostClassesAreNotReachable() {
        CallbackFailure f = Scripts.failure(LIMITED, JS, "return Java.type('java.lang.System').getenv()");
        assertThat(f.errorType()).isEqualTo("TypeError");
        assertThat(f.getMessage()).contains("Access to host class java.lang.System is not allowed");
    }

    @Test
    void filesCannotBeWrittenOrRead(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("escaped.txt");
        String path = target.toString().replace("\\", "\\\\");
        Scripts.failure(LIMITED, JS, "Java.type('java.nio.file.Files').writeString("
                + "Java.type('java.nio.file.Path').of('" + path + "'), 'x')");
        CallbackFailure load = Scripts.failure(LIMITED, JS, "load('" + path + "')");
        assertThat(load.getMessage()).contains("not allowed");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void processesThreadsAndExitAreRefused(@TempDir Path dir) throws Exception {
        String path = dir.resolve("spawned").toString().replace("\\", "\\\\");
        Scripts.failure(LIMITED, JS, "new (Java.type('java.lang.ProcessBuilder'))('touch', '" + path + "').start()");
        Scripts.failure(LIMITED, JS, "new (Java.type('java.lang.Thread'))(() => {}).start()");
        assertThat(Scripts.failure(LIMITED, JS, "new Worker('x.js')").errorType()).isEqualTo("ReferenceError");
        assertThat(Scripts.failure(LIMITED, JS, "quit(3)").errorType()).isEqualTo("ReferenceError");
        assertThat(Scripts.failure(LIMITED, JS, "exit(3)").errorType()).isEqualTo("ReferenceError");
        assertThat(Scripts.failure(LIMITED, JS, "Polyglot.eval('python', '1')").errorType())
                .isEqualTo("ReferenceError");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void deepRecursionIsARangeError() {
        CallbackFailure f = Scripts.failure(UNLIMITED, JS,
                "function down(n) { return down(n + 1) + 1; }\nreturn down(0)");
        assertThat(f.errorType()).isEqualTo("RangeError");
        assertThat(f.getMessage()).contains("Maximum call stack size exceeded").contains("(line 1)");
    }

    @Test
    void throwingANonErrorValueIsReportedAsSuch() {
        CallbackFailure number = Scripts.failure(LIMITED, JS, "\nthrow 42");
        assertThat(number.errorType()).isEqualTo(ScriptErrorTypes.THROWN_VALUE);
        assertThat(number.getMessage()).isEqualTo("the script threw 42, which is not an Error (line 2)");
        assertThat(Scripts.failure(LIMITED, JS, "throw {code: 7}").errorType())
                .isEqualTo(ScriptErrorTypes.THROWN_VALUE);
    }
}
