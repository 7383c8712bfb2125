package dev.asynclab.lab.polyglot;

/// The error types a script callback fails with besides the script's own (`TypeError`, `ZeroDivisionError`, or
/// whatever it passes to `fail(type, message)`), as they appear in `FAILED` events and results.
///
/// ```java
/// if (ScriptErrorTypes.SANDBOX_VIOLATION.equals(result.errorType())) warnAbout(result.errorMessage());
/// ```
public final class ScriptErrorTypes {

    /// The script tried to leave its sandbox (exit, a process, a thread, a socket); the message says what was
    /// refused. Reading a file or naming a host class fail with the language's own error instead.
    public static final String SANDBOX_VIOLATION = "SandboxViolation";
    /// The script was stopped from outside by a timeout or cancel; the caller has its result already.
    public static final String STOPPED = "ScriptStopped";
    /// The script ran past the host's statement limit (an endless loop, runaway growth).
    public static final String RESOURCE_LIMIT = "ResourceLimitExceeded";
    /// The script threw a value that is not an error (`throw 42`).
    public static final String THROWN_VALUE = "ThrownValue";
    /// A JavaScript promise that nothing could ever settle (scripts have no timers).
    public static final String PENDING_PROMISE = "PendingPromise";
    /// The script's language is not part of this runtime.
    public static final String LANGUAGE_NOT_INSTALLED = "LanguageNotInstalled";

    private ScriptErrorTypes() {
    }
}
