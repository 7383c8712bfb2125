package dev.asynclab.engine;

/// A failure whose reported type is given, not taken from the exception's class: for declared failures
/// (`fail: { error: IOException }` in a scenario) and for errors raised by scripts, whose types are not Java
/// classes. The engine puts `errorType()` and the message into the `FAILED` event and result (the class's own
/// name when `errorType()` is null or blank).
///
/// ```java
/// AsyncCallback flaky = ctx -> { throw new CallbackFailure("IOException", "connection reset"); };
/// ```
public class CallbackFailure extends Exception {

    private final String errorType;

    public CallbackFailure(String errorType, String message) {
        super(message, null, false, false); // no stack trace: declared failures are frequent and expected
        this.errorType = errorType;
    }

    public CallbackFailure(String errorType, String message, Throwable cause) {
        super(message, cause, false, true);
        this.errorType = errorType;
    }

    public String errorType() {
        return errorType;
    }
}
