package dev.asynclab.engine;

import dev.asynclab.engine.internal.Emitter;
import dev.asynclab.engine.event.EventType;

import java.util.List;
import java.util.SplittableRandom;

/// A callback with faults injected in front of it. Its draws come from their own stream (seed, id, attempt and
/// a salt), so injecting faults leaves the callback's own `ctx.random()` untouched.
final class FaultyCallback implements AsyncCallback {

    private static final long SALT = 0xC4A05L;

    private final AsyncCallback body;
    private final List<FaultInjection> faults;
    private final long group;
    private final Emitter emitter;
    private final long seed;

    FaultyCallback(AsyncCallback body, List<FaultInjection> faults, long group, Emitter emitter, long seed) {
        this.body = body;
        this.faults = faults;
        this.group = group;
        this.emitter = emitter;
        this.seed = seed;
    }

    @Override
    public Object call(AsyncCallback.Context ctx) throws Exception {
        var random = new SplittableRandom(InvocationContext.mix(seed ^ SALT, ctx.id(), ctx.attempt()));
        for (FaultInjection fault : faults) {
            if (random.nextDouble() >= fault.rate()) {
                continue;
            }
            emitter.emit(EventType.FAULT_INJECTED, ctx.id(), ctx.attempt(), group, ctx.name(), null,
                    fault.kind() == FaultInjection.Kind.LATENCY ? fault.latency().toNanos() : -1,
                    fault.errorType(), fault.message(), fault.describe(), -1);
            switch (fault.kind()) {
                case LATENCY -> ctx.sleep(fault.latency());
                case FAILURE -> throw new CallbackFailure(fault.errorType(), fault.message());
                case RESULT -> {
                    return fault.result();
                }
            }
        }
        return body.call(ctx);
    }
}
