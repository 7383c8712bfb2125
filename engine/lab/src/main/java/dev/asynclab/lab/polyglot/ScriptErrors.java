package dev.asynclab.lab.polyglot;

import dev.asynclab.engine.CallbackFailure;

import static dev.asynclab.lab.polyglot.ScriptErrorTypes.RESOURCE_LIMIT;
import static dev.asynclab.lab.polyglot.ScriptErrorTypes.SANDBOX_VIOLATION;
import static dev.asynclab.lab.polyglot.ScriptErrorTypes.STOPPED;
import static dev.asynclab.lab.polyglot.ScriptErrorTypes.THROWN_VALUE;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SourceSection;
import org.graalvm.polyglot.Value;

import java.util.concurrent.CancellationException;

/// Turns what a script threw into the engine's vocabulary: a `CallbackFailure` named for the script's own error
/// type (`TypeError`, `ZeroDivisionError`) with the body's line number in the message, or the
/// `InterruptedException` of a sleep that a timeout or cancel cut short.
final class ScriptErrors {

    private ScriptErrors() {
    }

    /// @param stopped true when this call was stopped from outside (its context interrupted or closed)
    static Exception translate(PolyglotException e, ScriptSource source, boolean stopped) {
        String where = location(e, source);
        if (e.isHostException()) {
            return fromHost(e.asHostException(), where);
        }
        if (stopped) {
            return stopped("the script was stopped by a timeout or cancel" + where);
        }
        if (e.isExit()) {
            return new CallbackFailure(SANDBOX_VIOLATION, "the script called exit; a callback may not exit" + where);
        }
        if (e.isInternalError()) {
            // The sandbox's refusals (a process, a thread, a socket) surface as internal errors of the language.
            return isRefusal(e.getMessage())
                    ? new CallbackFailure(SANDBOX_VIOLATION, "the sandbox refused: " + refusal(e.getMessage()) + where)
                    : new CallbackFailure("InternalError", e.getMessage() + where);
        }
        if (e.isResourceExhausted() || e.isCancelled()) {
            return new CallbackFailure(RESOURCE_LIMIT, e.getMessage() + where);
        }
        if (e.isInterrupted()) {
            return stopped("the script was interrupted" + where);
        }
        if (e.isSyntaxError()) {
            return new CallbackFailure("SyntaxError", wrapperFree(strip(e.getMessage(), "SyntaxError")) + where);
        }
        return fromGuest(e, source.language(), where);
    }

    /// A stopped script's failure. Its cause says "interrupted" to the engine, so the script's return after a
    /// timeout counts as a stop that worked, not as a late finish.
    static CallbackFailure stopped(String message) {
        return new CallbackFailure(STOPPED, message, new CancellationException(message));
    }

    private static Exception fromHost(Throwable host, String where) {
        return switch (host) {
            case HostApi.DeclaredFailure declared -> declared.failure;
            case HostApi.SleepInterrupted interrupted -> (InterruptedException) interrupted.getCause();
            case HostApi.HostApiMisuse misuse -> new CallbackFailure("TypeError", misuse.getMessage() + where);
            default -> new CallbackFailure(host.getClass().getSimpleName(), host.getMessage() + where);
        };
    }

    private static Exception fromGuest(PolyglotException e, ScriptLanguage language, String where) {
        Value thrown = e.getGuestObject();
        if (!isError(thrown, language)) {
            String expected = language == ScriptLanguage.PYTHON ? "exception" : "Error";
            return new CallbackFailure(THROWN_VALUE, "the script threw " + thrown + ", which is not an " + expected
                    + where);
        }
        String type = typeName(thrown);
        return new CallbackFailure(type, strip(e.getMessage(), type) + where);
    }

    /// JavaScript lets any value be thrown (and GraalJS reports each as an exception); an `Error` has a message
    /// and a stack. Python only raises exceptions.
    private static boolean isError(Value thrown, ScriptLanguage language) {
        if (thrown == null || !thrown.isException()) {
            return false;
        }
        return language != ScriptLanguage.JS
                || thrown.hasMembers() && thrown.hasMember("message") && thrown.hasMember("stack");
    }

    private static boolean isRefusal(String message) {
        return message != null && (message.startsWith("java.lang.SecurityException")
                || message.contains("not allowed") || message.endsWith("was excluded"));
    }

    /// "java.lang.SecurityException: Process creation is not allowed, to enable it set ..." becomes "Process
    /// creation is not allowed": the script's author cannot change the host's configuration.
    private static String refusal(String message) {
        if (message == null) {
            return "an operation outside the sandbox";
        }
        String text = message.replaceFirst("^[\\w.$]+(Exception|Error): ", "");
        int advice = text.indexOf(", to enable it");
        return advice > 0 ? text.substring(0, advice) : text;
    }

    /// Python names the wrapped source's own line in a syntax error's message ("(inline.py, line 2)"); the
    /// reported location says it right, so that part goes.
    private static String wrapperFree(String message) {
        return message.replaceFirst(" \\([^()]*, line \\d+\\)$", "");
    }

    /// JavaScript errors carry their type in `name` (so `class MyError extends Error` reports `MyError` when it
    /// sets it); Python exceptions in their class.
    private static String typeName(Value thrown) {
        if (thrown.hasMember("name")) {
            Value name = thrown.getMember("name");
            if (name.isString() && !name.asString().isBlank()) {
                return name.asString();
            }
        }
        Value meta = thrown.getMetaObject();
        return meta != null ? meta.getMetaSimpleName() : "Error";
    }

    private static String strip(String message, String type) {
        if (message == null) {
            return "";
        }
        return message.startsWith(type + ": ") ? message.substring(type.length() + 2) : message;
    }

    /// " (line N)" for the innermost frame in the script's own source, N counted in the file the body came from;
    /// "" when no frame is in the body (the wrapper's own lines, or an error with no guest frame).
    private static String location(PolyglotException e, ScriptSource source) {
        SourceSection at = e.getSourceLocation();
        if (!inBody(at, source)) {
            at = null;
            for (PolyglotException.StackFrame frame : e.getPolyglotStackTrace()) {
                if (frame.isGuestFrame() && inBody(frame.getSourceLocation(), source)) {
                    at = frame.getSourceLocation();
                    break;
                }
            }
        }
        if (at == null) {
            return "";
        }
        int line = at.getStartLine() - ScriptLanguage.HEADER_LINES + source.firstLine() - 1;
        if (e.isSyntaxError() && at.hasColumns()) {
            int column = Math.max(1, at.getStartColumn() - source.language().columnShift());
            return " (line " + line + ", column " + column + ")";
        }
        return " (line " + line + ")";
    }

    private static boolean inBody(SourceSection at, ScriptSource source) {
        if (at == null || !at.isAvailable() || !at.hasLines()
                || !source.name().equals(at.getSource().getName())) {
            return false;
        }
        int line = at.getStartLine() - ScriptLanguage.HEADER_LINES;
        return line >= 1 && line <= Math.max(1, source.body().lines().count());
    }
}
