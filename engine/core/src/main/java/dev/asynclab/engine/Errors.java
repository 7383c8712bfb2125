package dev.asynclab.engine;

import dev.asynclab.engine.event.Event;

import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/// The one place where a Throwable from a callback (or a stage, or a value's `toString`) becomes text for an
/// event and a result. Nothing here may throw, whatever the Throwable does.
///
/// A callback's Throwable is hostile input: its `getMessage`, `toString`, `getCause`, `getLocalizedMessage`
/// or `getStackTrace` may throw, its cause chain may loop, its message may be megabytes, its class may be
/// anonymous. So this class calls at most `getMessage` and `getCause` (and `CallbackFailure.errorType`), each
/// inside its own `catch (Throwable)`; names types by `Class`, which a Throwable cannot override; walks cause
/// chains with an identity set and a depth limit; and cuts long text, saying how long it was.
final class Errors {

    /// The most characters of an error message kept in an event or result.
    public static final int MAX_MESSAGE = 4_096;
    /// The most characters of a value's text kept in an event.
    public static final int MAX_VALUE_TEXT = Event.MAX_VALUE_TEXT;
    private static final int MAX_TYPE = 200;
    private static final int MAX_CAUSE_DEPTH = 64;

    private Errors() {
    }

    /// An error as events and results report it: a type a person can read and a message, never null.
    public record Described(String type, String message) {
    }

    /// Describes `t`; never throws. Wrappers (`CompletionException`, `ExecutionException`) are looked through.
    public static Described describe(Throwable t) {
        try {
            Throwable e = unwrap(t);
            return new Described(type(e), message(e));
        } catch (Throwable unexpected) { // e.g. OutOfMemoryError while building the text: fall back to constants
            return new Described("Throwable", "(the error could not be described)");
        }
    }

    /// The Throwable a wrapper stands for: `CompletionException` and `ExecutionException` are looked through
    /// (cycles and a throwing `getCause` stop the walk). Never throws.
    public static Throwable unwrap(Throwable t) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        while ((t instanceof CompletionException || t instanceof ExecutionException) && seen.put(t, true) == null
                && seen.size() < MAX_CAUSE_DEPTH) {
            Throwable cause = causeOf(t);
            if (cause == null) {
                break;
            }
            t = cause;
        }
        return t;
    }

    private static String type(Throwable t) {
        if (t instanceof CallbackFailure f) {
            try {
                String declared = f.errorType();
                if (declared != null && !declared.isBlank()) {
                    return cut(declared, MAX_TYPE);
                }
            } catch (Throwable ignored) {
                // a subclass whose errorType() throws: fall back to its class
            }
        }
        return readableName(t.getClass());
    }

    /// The simple name of `type`, or for an anonymous (or otherwise unnamed) class the simple name of its nearest
    /// named superclass: `new IOException("x") {}` reads "IOException", so `retryOn("IOException")` matches it.
    public static String readableName(Class<?> type) {
        return Event.typeName(type);
    }

    private static String message(Throwable t) {
        String m;
        try {
            m = t.getMessage();
        } catch (Throwable broken) {
            return "(no message: its getMessage() threw " + readableName(broken.getClass()) + ")";
        }
        return m == null ? "" : cut(m, MAX_MESSAGE);
    }

    private static Throwable causeOf(Throwable t) {
        try {
            Throwable c = t.getCause();
            return c == t ? null : c;
        } catch (Throwable broken) {
            return null;
        }
    }

    /// `s` cut to `max` characters, saying how long it was. Never splits a surrogate pair.
    static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        String note = "… (cut, " + s.length() + " chars in all)";
        int end = Math.max(0, max - note.length());
        if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + note;
    }

    /// True for the ways a callback says "I was interrupted and stopped": then it did not ignore the
    /// interrupt, and its late return is no late finish. A failure caused by an interruption counts too (a
    /// script engine reports its stop that way). Never throws; cause cycles end the walk.
    public static boolean isInterruption(Throwable t) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable c = t; c != null && seen.put(c, true) == null && seen.size() <= MAX_CAUSE_DEPTH;
                c = causeOf(c)) {
            if (c instanceof InterruptedException || c instanceof CancellationException
                    || c instanceof InterruptedIOException || c instanceof ClosedByInterruptException) {
                return true;
            }
        }
        return false;
    }

    /// Short text of a callback's value for an event (see `Event.textOf`). Never throws.
    public static String shortText(Object value) {
        return Event.textOf(value);
    }
}
