package dev.asynclab.lab.polyglot;

import dev.asynclab.engine.CallbackFailure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.asynclab.lab.polyglot.ScriptLanguage.PYTHON;
import static org.assertj.core.api.Assertions.assertThat;

/// Python callbacks: values, the host API, errors and the hostile corpus. Few tests sharing two hosts, since
/// the first Python context of a process takes seconds.
class PythonScriptCallbackTest {

    /// No statement limit, so an endless loop can only end through the cancel hook.
    private static final ScriptHost UNLIMITED = new ScriptHost(0, 2);
    private static final ScriptHost LIMITED = new ScriptHost(200_000, 2);

    @AfterAll
    static void closeHosts() {
        UNLIMITED.close();
        LIMITED.close();
    }

    @Test
    void returnsValuesAndUsesTheHostApi() throws Exception {
        assertThat(ScriptCallback.python("sleep(80)\nreturn 'ok'").call(new TestContext())).isEqualTo("ok");
        var ctx = new TestContext("fetch-user", 2, 5, false);
        Object result = Scripts.run(UNLIMITED, PYTHON, """
                print('hello')
                log('attempt', attempt)
                if attempt > 1:
                    return [name, attempt, random()]
                return None""", ctx);
        assertThat(result).isEqualTo(List.of("fetch-user", 2, new java.util.Random(5).nextDouble()));
        assertThat(ctx.logs).containsExactly("hello", "attempt 2");
        assertThat(Scripts.run(UNLIMITED, PYTHON, "x = 1", new TestContext())).isNull();

        CallbackFailure declared = Scripts.failure(UNLIMITED, PYTHON, "fail('IOException', 'connection reset')");
        assertThat(declared.errorType()).isEqualTo("IOException");
        assertThat(declared.getMessage()).isEqualTo("connection reset");
    }

    @Test
    void errorsKeepTypeMessageAndLine() {
        CallbackFailure zero = Scripts.failure(UNLIMITED, PYTHON, "x = 1\ny = 0\nreturn x / y");
        assertThat(zero.errorType()).isEqualTo("ZeroDivisionError");
        assertThat(zero.getMessage()).isEqualTo("division by zero (line 3)");

        CallbackFailure syntax = Scripts.failure(UNLIMITED, PYTHON, "x = 1\nreturn )");
        assertThat(syntax.errorType()).isEqualTo("SyntaxError");
        assertThat(syntax.getMessage()).isEqualTo("unmatched ')' (line 2, column 8)");

        CallbackFailure notAnException = Scripts.failure(UNLIMITED, PYTHON, "raise 42");
        assertThat(notAnException.errorType()).isEqualTo("TypeError");
        assertThat(notAnException.getMessage()).contains("must derive from BaseException");

        CallbackFailure recursion = Scripts.failure(UNLIMITED, PYTHON,
                "def down(n):\n    return down(n + 1)\nreturn down(0)");
        assertThat(recursion.errorType()).isEqualTo("RecursionError");
    }

    @Test
    void endlessLoopIsStoppedByTheCancelHookAndTheHostStaysUsable() throws Exception {
        Throwable stopped = Scripts.runAndStop(UNLIMITED, PYTHON, "while True:\n    pass");
        assertThat(stopped).isInstanceOf(CallbackFailure.class);
        assertThat(((CallbackFailure) stopped).errorType()).isEqualTo(ScriptErrorTypes.STOPPED);
        assertThat(Scripts.run(UNLIMITED, PYTHON, "return 'alive'", new TestContext())).isEqualTo("alive");
    }

    @Test
    void hostileScriptsEndWithAReason(@TempDir Path dir) throws Exception {
        String file = dir.resolve("escaped.txt").toString();
        assertThat(Scripts.failure(LIMITED, PYTHON, "open('" + file + "', 'w').write('x')").errorType())
                .isEqualTo("PermissionError");
        assertThat(Scripts.failure(LIMITED, PYTHON, "import subprocess\nsubprocess.run(['touch', '" + file + "'])")
                .errorType()).isEqualTo("PermissionError");
        CallbackFailure system = Scripts.failure(LIMITED, PYTHON, "import os\nos.system('touch " + file + "')");
        assertThat(system.errorType()).isEqualTo(ScriptErrorTypes.SANDBOX_VIOLATION);
        assertThat(system.getMessage()).contains("Process creation is not allowed").contains("(line 2)");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }

        CallbackFailure thread = Scripts.failure(LIMITED, PYTHON,
                "import threading\nthreading.Thread(target=lambda: None).start()");
        assertThat(thread.errorType()).isEqualTo(ScriptErrorTypes.SANDBOX_VIOLATION);
        assertThat(thread.getMessage()).contains("Creating threads is not allowed");

        CallbackFailure exit = Scripts.failure(LIMITED, PYTHON, "import sys\nsys.exit(3)");
        assertThat(exit.errorType()).isEqualTo(ScriptErrorTypes.SANDBOX_VIOLATION);
        assertThat(exit.getMessage()).contains("exit");

        assertThat(Scripts.failure(LIMITED, PYTHON, "import java\njava.type('java.lang.System')").getMessage())
                .contains("access has been denied");

        CallbackFailure memory = Scripts.failure(LIMITED, PYTHON, "a = []\nwhile True:\n    a.append('x' * 100)");
        assertThat(memory.errorType()).isEqualTo(ScriptErrorTypes.RESOURCE_LIMIT);

        assertThat(Scripts.run(LIMITED, PYTHON, "return 'still serving'", new TestContext()))
                .isEqualTo("still serving");
    }
}
