package dev.asynclab.lab.polyglot;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;

import java.io.InputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/// One sandboxed polyglot context with its host API and the callback functions already defined in it. Used by
/// one call at a time (a pool lends it out), possibly from a different thread each time.
final class ScriptContext {

    /// The statement limit applies to the scripts' own code, not to the language's internal library code. A
    /// shared engine requires every context to use the very same filter instance.
    private static final Predicate<Source> SCRIPTS_ONLY = source -> !source.isInternal();

    /// Callback functions kept per context; past this, the least recently used is dropped (and re-evaluated
    /// from its cached parse if it comes back).
    private static final int MAX_FUNCTIONS = 64;

    /// How long a stop waits for the interrupt to take before it cancels the context outright. The first
    /// interrupt of a process was seen to take 0.5 s (JavaScript) and 2.4 s (Python) on a loaded 2-core
    /// machine, later ones milliseconds; the caller has its TIMED_OUT already, only the worker waits.
    private static final Duration INTERRUPT_GRACE = Duration.ofSeconds(5);

    private final ScriptLanguage language;
    private final Context context;
    private final HostApi api = new HostApi();
    private final GuestOutput output = new GuestOutput(api::bound);
    private final Map<Source, Value> functions = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Source, Value> eldest) {
            return size() > MAX_FUNCTIONS;
        }
    };
    private volatile boolean broken;

    ScriptContext(ScriptLanguage language, long statementLimit) {
        this.language = language;
        this.context = Context.newBuilder(language.id())
                .engine(SharedEngine.get())
                .sandbox(SandboxPolicy.CONSTRAINED)
                // Every context of the shared engine must use this same host-access policy: only the proxies of
                // the host API cross the boundary, no host class or object is reachable.
                .allowHostAccess(HostAccess.CONSTRAINED)
                .allowHostClassLookup(className -> false)
                .allowIO(IOAccess.NONE)
                .allowCreateThread(false)
                .allowCreateProcess(false)
                .allowNativeAccess(false)
                .allowPolyglotAccess(PolyglotAccess.NONE)
                .allowEnvironmentAccess(EnvironmentAccess.NONE)
                .in(InputStream.nullInputStream())
                .out(output)
                .err(output)
                .resourceLimits(ResourceLimits.newBuilder().statementLimit(statementLimit, SCRIPTS_ONLY).build())
                .build();
    }

    ScriptLanguage language() {
        return language;
    }

    HostApi api() {
        return api;
    }

    /// The callback function that `source` defines, evaluated in this context on first use.
    Value function(Source source) {
        Value fn = functions.get(source);
        if (fn == null) {
            Value result = context.eval(source);
            fn = language == ScriptLanguage.PYTHON
                    ? context.getBindings(language.id()).getMember(ScriptLanguage.PYTHON_FUNCTION)
                    : result;
            functions.put(source, fn);
        }
        return fn;
    }

    /// Parses `source` without running it; a syntax error is thrown as a `PolyglotException`.
    void parse(Source source) {
        context.parse(source);
    }

    /// Readies the context for the next call: the statement limit counts per call, not per context lifetime.
    void resetLimits() {
        context.resetLimits();
    }

    void flushOutput() {
        output.flush();
    }

    /// Marks the context unusable (stopped, exited, over its limit); the pool then replaces it.
    void markBroken() {
        broken = true;
    }

    boolean isBroken() {
        return broken;
    }

    /// Stops whatever runs in this context, from another thread: interrupts it, and if the script does not
    /// yield within a grace period (stuck in host code), cancels it. The context is closed either way, because
    /// a script stopped mid-way may have left its globals half changed.
    void stop() {
        broken = true;
        try {
            context.interrupt(INTERRUPT_GRACE);
        } catch (TimeoutException | RuntimeException e) {
            // Fall through to the cancel below, which does not wait for the script's cooperation.
        }
        close();
    }

    /// Closes the context, cancelling anything still running in it.
    void close() {
        broken = true;
        try {
            context.close(true);
        } catch (RuntimeException e) {
            // Already closed, or closed by a concurrent stop: either way it is gone, which is what we want.
        }
    }
}
