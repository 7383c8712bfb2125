package dev.asynclab.lab.polyglot;

import dev.asynclab.engine.AsyncCallback;
import dev.asynclab.engine.CallbackFailure;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/// Runs script callbacks: one process-wide GraalVM engine, a pool of sandboxed contexts per language that calls
/// borrow and give back (never a context per call), and parsed sources cached per (language, body, name).
///
/// Each call resets the statement limit, binds the host API to the callback's context, and registers a cancel
/// hook that interrupts (or closes and replaces) its context, so a timeout stops even `while (true) {}`.
///
/// Contexts are reused across calls: a script that changes globals (`globalThis.x = 1`) may be seen by later
/// scripts in the same host. Callback bodies are functions, so their own variables never leak.
///
/// ```java
/// ScriptHost host = ScriptHost.shared();                       // or new ScriptHost(1_000_000, 8)
/// Object v = host.run(new ScriptSource(ScriptLanguage.JS, "return attempt * 2", "double.js"), ctx);
/// ```
public final class ScriptHost implements AutoCloseable {

    /// Statements one call may execute before it fails with `ResourceLimitExceeded`: about a second or two of
    /// busy interpreted code, far above what a callback needs.
    public static final long DEFAULT_STATEMENT_LIMIT = 100_000_000L;

    private static final class Holder {
        static final ScriptHost SHARED = new ScriptHost(DEFAULT_STATEMENT_LIMIT,
                Math.max(8, 2 * Runtime.getRuntime().availableProcessors()));
    }

    private final Map<ScriptLanguage, ContextPool> pools = new EnumMap<>(ScriptLanguage.class);
    private final Map<ScriptSource, Source> sources = new ConcurrentHashMap<>();

    /// @param statementLimit  statements one call may execute (0 = no limit)
    /// @param maxIdleContexts idle contexts kept per language; more may exist while that many calls run at once
    public ScriptHost(long statementLimit, int maxIdleContexts) {
        if (statementLimit < 0 || maxIdleContexts < 0) {
            throw new IllegalArgumentException("statementLimit and maxIdleContexts must not be negative, got "
                    + statementLimit + " and " + maxIdleContexts);
        }
        for (ScriptLanguage language : ScriptLanguage.values()) {
            pools.put(language, new ContextPool(language, statementLimit, maxIdleContexts));
        }
    }

    /// The process-wide host with the default limits; never closed.
    public static ScriptHost shared() {
        return Holder.SHARED;
    }

    /// The Truffle runtime the scripts run on: "Interpreted" on a stock JDK, or the optimizing runtime's name
    /// when the Graal compiler is available.
    public static String runtimeName() {
        return SharedEngine.get().getImplementationName();
    }

    /// True when `language` can run here: its GraalVM language is on the module path.
    public static boolean isInstalled(ScriptLanguage language) {
        return SharedEngine.isInstalled(language);
    }

    /// Runs one callback body. Returns its value as plain Java (a JavaScript promise as a `CompletableFuture`);
    /// a script error, a host-API `fail`, a sandbox refusal or the statement limit as a `CallbackFailure`.
    ///
    /// On the simulated clock a script's own computing takes no simulated time, as a Java callback's does not:
    /// only its `sleep(ms)` does. (It used to be charged the wall time it took, which differs from one run to the
    /// next — a first call compiling the script took hundreds of milliseconds, more on a busy machine — so a
    /// simulated run with scripts came out differently each time: calls' ids, and so their `random()`, shifted.)
    ///
    /// @throws CallbackFailure     what the script failed with, typed as the script typed it
    /// @throws InterruptedException when a timeout or cancel cut a `sleep` short
    public Object run(ScriptSource source, AsyncCallback.Context ctx) throws Exception {
        ContextPool pool = pool(source.language());
        Source parsed = sources.computeIfAbsent(source, ScriptHost::toPolyglot);
        ScriptCall call = new ScriptCall(pool, pool.borrow());
        ScriptContext context = call.context();
        HostApi api = context.api();
        try {
            ctx.onCancel(call::stop);
            if (call.isStopped()) {
                throw ScriptErrors.stopped("the call was cancelled before the script started");
            }
            api.bind(ctx);
            context.resetLimits();
            Value function = context.function(parsed);
            Value result = function.execute(api.sleep, api.fail, api.random, api.log, ctx.attempt(), ctx.name());
            return GuestValues.toJava(result, source);
        } catch (PolyglotException e) {
            if (e.isExit() || e.isCancelled() || e.isInterrupted() || e.isResourceExhausted() || e.isInternalError()) {
                context.markBroken();
            }
            throw ScriptErrors.translate(e, source, call.isStopped());
        } catch (IllegalStateException e) {
            // A stop that won the race closed the context before the script entered it.
            if (call.isStopped()) {
                throw ScriptErrors.stopped("the script was stopped by a timeout or cancel");
            }
            throw e;
        } finally {
            context.flushOutput();
            api.unbind();
            call.finish();
        }
    }

    /// Checks that `source` parses, without running it: for loaders that must report a bad script before
    /// anything runs.
    ///
    /// @throws CallbackFailure a `SyntaxError` whose message names the body's line and column
    public void check(ScriptSource source) throws CallbackFailure {
        ContextPool pool = pool(source.language());
        ScriptContext context = pool.borrow();
        try {
            context.parse(sources.computeIfAbsent(source, ScriptHost::toPolyglot));
        } catch (PolyglotException e) {
            Exception failure = ScriptErrors.translate(e, source, false);
            throw failure instanceof CallbackFailure f ? f : new CallbackFailure("SyntaxError", e.getMessage());
        } finally {
            pool.giveBack(context);
        }
    }

    /// Idle contexts of `language` waiting for a call.
    public int idleContexts(ScriptLanguage language) {
        return pools.get(language).idleCount();
    }

    /// Contexts of `language` created so far (a stopped or broken context is replaced by a new one).
    public int createdContexts(ScriptLanguage language) {
        return pools.get(language).createdCount();
    }

    /// Closes the idle contexts; calls still running finish, and their contexts are closed when they do.
    @Override
    public void close() {
        pools.values().forEach(ContextPool::close);
    }

    private ContextPool pool(ScriptLanguage language) throws CallbackFailure {
        if (!isInstalled(language)) {
            throw new CallbackFailure(ScriptErrorTypes.LANGUAGE_NOT_INSTALLED, language.displayName()
                    + " scripts need GraalVM's " + language.id() + " language, which this runtime does not include");
        }
        return pools.get(language);
    }

    private static Source toPolyglot(ScriptSource source) {
        return Source.newBuilder(source.language().id(), source.language().wrap(source.body()), source.name())
                .cached(true)
                .buildLiteral();
    }
}
