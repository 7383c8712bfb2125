package dev.asynclab.lab.polyglot;

import dev.asynclab.engine.CallbackFailure;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/// Copies what a script returned out of its context, which goes back to the pool right after: a polyglot
/// `Value` is only valid inside its context, so nothing of it may leak to the caller.
final class GuestValues {

    /// Longer arrays are cut: a result is shown in events and tooltips, not used as bulk data.
    private static final int MAX_ELEMENTS = 1000;

    private GuestValues() {
    }

    /// A plain Java value (null, Boolean, Integer, Long, Double, String, List), or for a JavaScript promise a
    /// future that the promise's outcome completes. Anything else is described by its `toString`.
    static Object toJava(Value v, ScriptSource source) {
        if (isThenable(v, source.language())) {
            return settle(v, source);
        }
        return copy(v);
    }

    private static Object copy(Value v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isNumber()) {
            if (v.fitsInInt()) {
                return v.asInt();
            }
            return v.fitsInLong() ? (Object) v.asLong() : (Object) v.asDouble();
        }
        if (v.isString()) {
            return v.asString();
        }
        if (v.hasArrayElements()) {
            long size = Math.min(v.getArraySize(), MAX_ELEMENTS);
            List<Object> list = new ArrayList<>((int) size);
            for (long i = 0; i < size; i++) {
                list.add(copy(v.getArrayElement(i)));
            }
            return Collections.unmodifiableList(list);
        }
        return v.toString();
    }

    private static boolean isThenable(Value v, ScriptLanguage language) {
        return language == ScriptLanguage.JS && v != null && v.hasMembers() && v.canInvokeMember("then");
    }

    /// JavaScript runs its promise jobs when the outermost call into the context returns, so by the time
    /// `then(...)` returns here a promise has settled unless nothing in the script can ever settle it (scripts
    /// have no timers). Such a promise fails at once instead of hanging its caller until a timeout.
    private static CompletableFuture<Object> settle(Value promise, ScriptSource source) {
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        ProxyExecutable onResolve = args -> outcome.complete(copy(args.length > 0 ? args[0] : null));
        ProxyExecutable onReject = args -> outcome.completeExceptionally(rejection(args, source));
        promise.invokeMember("then", onResolve, onReject);
        outcome.completeExceptionally(new CallbackFailure(ScriptErrorTypes.PENDING_PROMISE,
                "the script returned a promise that was still pending when it finished; with no timers in a "
                        + "script nothing can settle it"));
        return outcome;
    }

    private static Exception rejection(Value[] args, ScriptSource source) {
        Value reason = args.length > 0 ? args[0] : null;
        if (reason != null && reason.isException()) {
            try {
                reason.throwException();
            } catch (PolyglotException e) {
                return ScriptErrors.translate(e, source, false);
            }
        }
        return new CallbackFailure(ScriptErrorTypes.THROWN_VALUE,
                "the promise was rejected with " + reason + ", which is not an Error");
    }
}
