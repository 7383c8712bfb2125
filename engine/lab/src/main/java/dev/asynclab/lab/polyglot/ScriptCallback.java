package dev.asynclab.lab.polyglot;

import dev.asynclab.engine.AsyncCallback;
import dev.asynclab.engine.AsyncCallback;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/// A callback written in JavaScript or Python: a function body that runs sandboxed in a pooled GraalVM context
/// and plugs into the wrapper, the pool and every helper like any Java callback.
///
/// The body sees a small host API: `sleep(ms)` (on the engine's clock, where a timeout or cancel lands),
/// `fail(type, message)` (fails the call with that error type), `random()` (seeded, deterministic), `log(...)`
/// (into the event log; `print` goes there too), and the values `attempt` and `name`. A JavaScript body that
/// returns a promise makes the callback asynchronous.
///
/// ```java
/// AsyncCallback cache = ScriptCallback.js("sleep(10); return 'hit'");
/// AsyncCallback server = ScriptCallback.python("sleep(80)\nreturn 'ok'");
/// AsyncCallback flaky = ScriptCallback.js("if (random() < 0.5) fail('IOException', 'reset'); return attempt");
/// AsyncCallback fromFile = ScriptCallback.fromFile(Path.of("fetch.py"));
/// ```
public final class ScriptCallback implements AsyncCallback {

    private final ScriptSource source;
    private final ScriptHost host;

    private ScriptCallback(ScriptSource source, ScriptHost host) {
        this.source = Objects.requireNonNull(source, "source");
        this.host = Objects.requireNonNull(host, "host");
    }

    /// A JavaScript body, reported as `inline.js`.
    public static ScriptCallback js(String body) {
        return of(ScriptLanguage.JS, body, "inline.js");
    }

    /// A Python body, reported as `inline.py`.
    public static ScriptCallback python(String body) {
        return of(ScriptLanguage.PYTHON, body, "inline.py");
    }

    /// A body in `language`; errors name `sourceName` and the body's line.
    public static ScriptCallback of(ScriptLanguage language, String body, String sourceName) {
        return of(new ScriptSource(language, body, sourceName));
    }

    /// Runs on the shared host.
    public static ScriptCallback of(ScriptSource source) {
        return new ScriptCallback(source, ScriptHost.shared());
    }

    /// Runs on `host` (its own statement limit and context pool).
    public static ScriptCallback of(ScriptSource source, ScriptHost host) {
        return new ScriptCallback(source, host);
    }

    /// A script file whose language comes from its extension (`.js`, `.py`), run on the shared host.
    public static ScriptCallback fromFile(Path file) throws IOException {
        return of(ScriptSource.read(file));
    }

    public ScriptSource source() {
        return source;
    }

    @Override
    public Object call(AsyncCallback.Context ctx) throws Exception {
        return host.run(source, ctx);
    }

    @Override
    public String toString() {
        return source.language().id() + ":" + source.name();
    }
}
