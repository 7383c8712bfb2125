package dev.asynclab.engine.properties;

import dev.asynclab.engine.AsyncCallback;
import dev.asynclab.engine.Hostile;
import dev.asynclab.engine.Hostile.StageKind;
import dev.asynclab.engine.spi.Scheduler;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.time.Duration;

/// Generated callbacks for the property tests: what a callback does, for how long, with what timeout, and when
/// (if ever) its caller cancels it. Times are milliseconds of simulated time.
final class Plans {

    private Plans() {
    }

    /// What a generated callback does.
    enum Kind {
        VALUE, THROW_HOSTILE, SLEEP_THEN_VALUE, SLEEP_THEN_THROW, SLEEP_IGNORING_INTERRUPT, HOSTILE_STAGE, DELAY_STAGE
    }

    /// One invocation to submit `submitAt` ms into the run.
    record Plan(Kind kind, int hostile, StageKind stage, long workMs, long timeoutMs, long cancelAfterMs,
                long submitAt) {

        Duration timeout() {
            return Duration.ofMillis(timeoutMs);
        }

        boolean cancels() {
            return cancelAfterMs >= 0;
        }

        /// A callback doing what this plan says, on `clock`.
        AsyncCallback callback(Scheduler clock) {
            return switch (kind) {
                case VALUE -> ctx -> "v" + ctx.id();
                case THROW_HOSTILE -> ctx -> {
                    throw sneaky(Hostile.throwables().get(hostile).get());
                };
                case SLEEP_THEN_VALUE -> ctx -> {
                    ctx.sleep(Duration.ofMillis(workMs));
                    return "slept";
                };
                case SLEEP_THEN_THROW -> ctx -> {
                    ctx.sleep(Duration.ofMillis(workMs));
                    throw sneaky(Hostile.throwables().get(hostile).get());
                };
                case SLEEP_IGNORING_INTERRUPT -> ctx -> {
                    ctx.sleepIgnoringInterrupt(Duration.ofMillis(workMs));
                    return "stubborn";
                };
                case HOSTILE_STAGE -> ctx -> Hostile.stage(stage, clock, workMs * 1_000_000L, "staged");
                case DELAY_STAGE -> ctx -> ctx.delay(Duration.ofMillis(workMs)).thenApply(v -> "delayed");
            };
        }

        /// Whether the callback's caller can count on hearing back without a timeout or cancel.
        boolean mayNeverEnd() {
            return kind == Kind.HOSTILE_STAGE && stage == StageKind.NEVER_COMPLETES;
        }
    }

    static Arbitrary<Plan> plans(int maxSubmitAt) {
        Arbitrary<Kind> kinds = Arbitraries.of(Kind.class);
        Arbitrary<Integer> hostiles = Arbitraries.integers().between(0, Hostile.throwables().size() - 1);
        Arbitrary<StageKind> stages = Arbitraries.of(StageKind.class);
        Arbitrary<Long> work = Arbitraries.longs().between(0, 300);
        Arbitrary<Long> timeouts = Arbitraries.oneOf(Arbitraries.just(0L), Arbitraries.longs().between(1, 250));
        Arbitrary<Long> cancels = Arbitraries.oneOf(Arbitraries.just(-1L), Arbitraries.longs().between(0, 400));
        Arbitrary<Long> submits = Arbitraries.longs().between(0, maxSubmitAt);
        return Combinators.combine(kinds, hostiles, stages, work, timeouts, cancels, submits).as(Plan::new);
    }

    @SuppressWarnings("unchecked")
    static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
        throw (T) t;
    }
}
