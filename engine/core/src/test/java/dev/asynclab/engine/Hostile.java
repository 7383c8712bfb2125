package dev.asynclab.engine;

import dev.asynclab.engine.spi.Scheduler;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/// What a hostile user can hand the engine: Throwables whose own methods throw, loop or are huge, and
/// CompletionStages that throw, call back twice or never. Test fixtures for the exception boundary.
public final class Hostile {

    private Hostile() {
    }

    /// A Throwable whose `getMessage` throws.
    public static final class MessageThrows extends RuntimeException {
        @Override
        public String getMessage() {
            throw new IllegalStateException("getMessage is broken");
        }
    }

    /// A Throwable whose `getMessage` throws an Error, which is not an Exception.
    public static final class MessageThrowsError extends RuntimeException {
        @Override
        public String getMessage() {
            throw new StackOverflowError("getMessage recursed");
        }
    }

    /// A Throwable whose `toString` throws.
    public static final class ToStringThrows extends RuntimeException {
        public ToStringThrows() {
            super("to-string");
        }

        @Override
        public String toString() {
            throw new IllegalStateException("toString is broken");
        }
    }

    /// A Throwable whose `getLocalizedMessage` throws.
    public static final class LocalizedMessageThrows extends RuntimeException {
        public LocalizedMessageThrows() {
            super("localized");
        }

        @Override
        public String getLocalizedMessage() {
            throw new IllegalStateException("getLocalizedMessage is broken");
        }
    }

    /// A Throwable whose `getCause` throws.
    public static final class CauseThrows extends RuntimeException {
        public CauseThrows() {
            super("cause");
        }

        @Override
        public synchronized Throwable getCause() {
            throw new IllegalStateException("getCause is broken");
        }
    }

    /// A Throwable whose `getStackTrace` (and `printStackTrace`) throws.
    public static final class StackTraceThrows extends RuntimeException {
        public StackTraceThrows() {
            super("stack");
        }

        @Override
        public StackTraceElement[] getStackTrace() {
            throw new IllegalStateException("getStackTrace is broken");
        }

        @Override
        public void printStackTrace() {
            throw new IllegalStateException("printStackTrace is broken");
        }
    }

    /// A `CallbackFailure` whose declared `errorType()` throws.
    public static final class ErrorTypeThrows extends CallbackFailure {
        public ErrorTypeThrows() {
            super("Declared", "declared type is broken");
        }

        @Override
        public String errorType() {
            throw new IllegalStateException("errorType is broken");
        }
    }

    /// Two exceptions, each the other's cause.
    public static RuntimeException causeCycle() {
        var a = new RuntimeException("a");
        var b = new java.util.concurrent.CompletionException("b", a);
        a.initCause(b);
        return new java.util.concurrent.CompletionException(b);
    }

    /// An exception with a message of `chars` characters.
    public static RuntimeException hugeMessage(int chars) {
        return new IllegalArgumentException("x".repeat(chars));
    }

    /// An anonymous subclass of IOException.
    public static Exception anonymous() {
        return new java.io.IOException("anonymous") {
        };
    }

    /// Every kind of hostile throwable, each made fresh.
    public static List<Supplier<Throwable>> throwables() {
        return List.of(MessageThrows::new, MessageThrowsError::new, ToStringThrows::new, LocalizedMessageThrows::new,
                CauseThrows::new, StackTraceThrows::new, ErrorTypeThrows::new, Hostile::causeCycle,
                () -> hugeMessage(3_000_000), Hostile::anonymous, () -> new RuntimeException((String) null),
                () -> new OutOfMemoryError("simulated"));
    }

    /// A value whose `toString` throws an Error.
    public static Object valueWhoseToStringThrows() {
        return new Object() {
            @Override
            public String toString() {
                throw new StackOverflowError("toString recursed");
            }
        };
    }

    /// How a hostile stage behaves when the engine listens to it with `whenComplete`.
    public enum StageKind {
        /// Completes with a value `delayNanos` later; `toCompletableFuture` throws, as its Javadoc allows.
        COMPLETES_LATER,
        /// Fails `delayNanos` later.
        FAILS_LATER,
        /// Calls back at once, inside `whenComplete`.
        COMPLETES_AT_ONCE,
        /// `whenComplete` throws instead of listening.
        WHEN_COMPLETE_THROWS,
        /// Calls back twice: a value, then an error.
        CALLS_BACK_TWICE,
        /// Calls back with a value, then throws from `whenComplete`.
        CALLS_BACK_THEN_THROWS,
        /// Never calls back.
        NEVER_COMPLETES
    }

    /// A CompletionStage that is not a CompletableFuture, every method but `whenComplete` throwing
    /// `UnsupportedOperationException`. Later callbacks come through `clock`.
    @SuppressWarnings("unchecked")
    public static CompletionStage<Object> stage(StageKind kind, Scheduler clock, long delayNanos, Object value) {
        return (CompletionStage<Object>) Proxy.newProxyInstance(Hostile.class.getClassLoader(),
                new Class<?>[]{CompletionStage.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "whenComplete" -> {
                            var action = (BiConsumer<Object, Throwable>) args[0];
                            switch (kind) {
                                case COMPLETES_LATER -> clock.schedule(() -> action.accept(value, null), delayNanos);
                                case FAILS_LATER -> clock.schedule(
                                        () -> action.accept(null, new java.io.IOException("stage failed")),
                                        delayNanos);
                                case COMPLETES_AT_ONCE -> action.accept(value, null);
                                case WHEN_COMPLETE_THROWS -> throw new UnsupportedOperationException("no listeners");
                                case CALLS_BACK_TWICE -> {
                                    action.accept(value, null);
                                    action.accept(null, new IllegalStateException("second completion"));
                                }
                                case CALLS_BACK_THEN_THROWS -> {
                                    action.accept(value, null);
                                    throw new IllegalStateException("thrown after calling back");
                                }
                                case NEVER_COMPLETES -> {
                                    // silence
                                }
                            }
                            return proxy;
                        }
                        case "toString" -> {
                            return "HostileStage[" + kind + "]";
                        }
                        case "hashCode" -> {
                            return System.identityHashCode(proxy);
                        }
                        case "equals" -> {
                            return proxy == args[0];
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                });
    }
}
