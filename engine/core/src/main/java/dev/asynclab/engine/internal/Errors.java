package dev.asynclab.engine.internal;

import dev.asynclab.engine.CallbackFailure;

import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/// How a Throwable from a callback is reported.
public final class Errors {

    private Errors() {
    }

    public static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    public static String type(Throwable t) {
        return t instanceof CallbackFailure f ? f.errorType() : t.getClass().getSimpleName();
    }

    public static String message(Throwable t) {
        String m = t.getMessage();
        return m == null ? "" : m;
    }

    /// True for the ways a callback says "I was interrupted and stopped": then it did not ignore the
    /// interrupt, and its late return is no late finish.
    /// A failure caused by an interruption counts too (a script engine reports its stop that way).
    public static boolean isInterruption(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof InterruptedException || c instanceof CancellationException
                    || c instanceof InterruptedIOException || c instanceof ClosedByInterruptException) {
                return true;
            }
        }
        return false;
    }

    /// Short text of a callback's value for an event: at most 200 characters.
    public static String shortText(Object value) {
        if (value == null) {
            return null;
        }
        String s;
        try {
            s = String.valueOf(value);
        } catch (RuntimeException e) {
            s = value.getClass().getSimpleName();
        }
        return s.length() <= 200 ? s : s.substring(0, 199) + "…";
    }
}
