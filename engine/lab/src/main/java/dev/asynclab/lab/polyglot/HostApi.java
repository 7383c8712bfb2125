package dev.asynclab.lab.polyglot;

import dev.asynclab.engine.AsyncCallback;
import dev.asynclab.engine.CallbackFailure;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

/// The functions a script sees (`sleep`, `fail`, `random`, `log`), made once per context and pointed at the
/// callback that currently runs in it.
///
/// A function's misuse (`sleep("soon")`) throws `HostApiMisuse`, reported as the script's `TypeError`.
final class HostApi {

    /// Thrown through the guest when `ctx.sleep` is interrupted, and turned back into the
    /// `InterruptedException` it carries when it leaves the script.
    static final class SleepInterrupted extends RuntimeException {
        SleepInterrupted(InterruptedException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    /// A host function called with arguments it cannot use.
    static final class HostApiMisuse extends RuntimeException {
        HostApiMisuse(String message) {
            // The stack trace is kept: the polyglot stack, and so the script's line number, is built from it.
            super(message);
        }
    }

    /// `fail(type, message)`: carries the declared failure through the guest unchanged.
    static final class DeclaredFailure extends RuntimeException {
        final transient CallbackFailure failure;

        DeclaredFailure(CallbackFailure failure) {
            super(failure.getMessage(), null, false, false);
            this.failure = failure;
        }
    }

    final ProxyExecutable sleep = this::sleep;
    final ProxyExecutable fail = this::fail;
    final ProxyExecutable random = args -> current().random();
    final ProxyExecutable log = this::log;

    private AsyncCallback.Context current;

    /// Points the functions at the callback about to run.
    void bind(AsyncCallback.Context ctx) {
        current = ctx;
    }

    void unbind() {
        current = null;
    }

    /// The callback currently bound, or null between calls.
    AsyncCallback.Context bound() {
        return current;
    }

    private AsyncCallback.Context current() {
        if (current == null) {
            throw new HostApiMisuse("the host API was called outside a callback run");
        }
        return current;
    }

    private Object sleep(Value... args) {
        if (args.length != 1 || !args[0].isNumber() || !args[0].fitsInDouble()) {
            throw new HostApiMisuse("sleep(ms) expects one number of milliseconds, got " + describe(args));
        }
        double ms = args[0].asDouble();
        if (!(ms >= 0) || ms > Duration.ofDays(1).toMillis()) {
            throw new HostApiMisuse("sleep(ms) expects 0 to 86400000 milliseconds, got " + args[0]);
        }
        AsyncCallback.Context ctx = current();
        try {
            ctx.sleep(Duration.ofNanos(Math.round(ms * 1_000_000)));
        } catch (InterruptedException e) {
            throw new SleepInterrupted(e);
        }
        return null;
    }

    private Object fail(Value... args) {
        if (args.length < 1 || args.length > 2 || !args[0].isString()) {
            throw new HostApiMisuse("fail(type, message) expects an error type name and a message, got "
                    + describe(args));
        }
        String message = args.length == 2 ? text(args[1]) : "";
        throw new DeclaredFailure(new CallbackFailure(args[0].asString(), message));
    }

    private Object log(Value... args) {
        current().log(Arrays.stream(args).map(HostApi::text).collect(Collectors.joining(" ")));
        return null;
    }

    private static String text(Value v) {
        return v.isString() ? v.asString() : v.toString();
    }

    private static String describe(Value... args) {
        return args.length == 0 ? "no arguments"
                : Arrays.stream(args).map(v -> v.isString() ? "'" + v.asString() + "'" : v.toString())
                        .collect(Collectors.joining(", ", "(", ")"));
    }
}
