package dev.asynclab.engine.functional;

import dev.asynclab.engine.AsyncCallback;
import dev.asynclab.engine.CallbackFailure;

import static dev.asynclab.engine.Sim.ms;

/// Callbacks the group tests share: declared work that succeeds or fails after a while.
final class TestCallbacks {

    private TestCallbacks() {
    }

    /// Sleeps `millis` on the engine's clock, then returns `value`.
    static AsyncCallback after(long millis, Object value) {
        return ctx -> {
            ctx.sleep(ms(millis));
            return value;
        };
    }

    /// Sleeps `millis` on the engine's clock, then fails with an IOException carrying `message`.
    static AsyncCallback failAfter(long millis, String message) {
        return ctx -> {
            ctx.sleep(ms(millis));
            throw new CallbackFailure("IOException", message);
        };
    }
}
