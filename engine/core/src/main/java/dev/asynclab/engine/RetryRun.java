package dev.asynclab.engine;

import dev.asynclab.engine.AsyncCallbackResult.Status;
import dev.asynclab.engine.event.EventType;
import dev.asynclab.engine.spi.Scheduler.Cancellable;

import java.time.Duration;
import java.util.SplittableRandom;

/// One callback tried up to `maxAttempts` times: each attempt a new invocation in the same group.
final class RetryRun {

    /* Cancel and expiry race with the attempt chain (an attempt ending, a retry timer firing). All chain
     * steps and both stop requests synchronize on this object; `stopped` is checked before launching anything,
     * so no attempt starts after a stop. */

    private final Task.Call call;
    private final RetryPolicy policy;
    private final Launcher launcher;
    private final long group;
    private final long startedAt;
    private final long deadline;
    private final SplittableRandom random;
    private final InvocationFuture result;
    private InvocationFuture current;
    private AsyncCallbackResult last; // the result of the last attempt that ended
    private Cancellable pendingRetry;
    private boolean stopped;

    RetryRun(Task.Call call, Launcher launcher, long parentGroup) {
        this.call = call;
        this.policy = call.retry();
        this.launcher = launcher;
        this.group = TaskRunner.openGroup(launcher, "retry", call.name(), parentGroup);
        this.startedAt = launcher.scheduler().nanoTime();
        this.deadline = policy.deadline().isZero() ? Long.MAX_VALUE : startedAt + policy.deadline().toNanos();
        this.random = new SplittableRandom(InvocationContext.mix(launcher.seed(), group, 0x5EED));
        this.result = new InvocationFuture(() -> stop(Status.CANCELLED, "cancelled between attempts"),
                reason -> stop(Status.TIMED_OUT, reason));
    }

    InvocationFuture start() {
        attempt(1);
        return result;
    }

    private synchronized void attempt(int n) {
        pendingRetry = null;
        if (stopped) {
            return;
        }
        long now = launcher.scheduler().nanoTime();
        Duration timeout = call.timeout();
        String timeoutReason = null;
        if (deadline != Long.MAX_VALUE) {
            long left = deadline - now;
            if (left <= 0) {
                finish(TaskRunner.result(Status.TIMED_OUT, "TimeoutException", deadlineReason(), startedAt, launcher,
                        last));
                return;
            }
            if (timeout.isZero() || timeout.toNanos() > left) {
                timeout = Duration.ofNanos(left);
                timeoutReason = deadlineReason(); // its TIMED_OUT names the limit that fires: the deadline's
            }
        }
        InvocationFuture f = launcher.launch(call.callback(), call.name(), timeout, timeoutReason, n, group);
        current = f;
        f.whenComplete((r, e) -> attemptEnded(n, r));
    }

    private String deadlineReason() {
        return "retry deadline " + TaskRunner.millis(policy.deadline()) + " (retry '" + call.name() + "')";
    }

    private synchronized void attemptEnded(int n, AsyncCallbackResult r) {
        last = r;
        if (result.isDone()) {
            return;
        }
        if (stopped || r.isSuccess() || n >= policy.maxAttempts() || !policy.shouldRetry(r)) {
            finish(r);
            return;
        }
        long delay = policy.delayNanos(n, random.nextDouble());
        long now = launcher.scheduler().nanoTime();
        if (deadline != Long.MAX_VALUE && now + delay >= deadline) {
            finish(r); // the next attempt could not start before the deadline: the last error stands
            return;
        }
        RetryBudget budget = call.policies().retryBudget();
        if (budget != null && !budget.tryWithdraw()) {
            launcher.emitter().emit(EventType.BUDGET_EXHAUSTED, r.id(), n, group, call.name(), null, -1,
                    r.errorType(), r.errorMessage(), budget.describe(), -1);
            finish(r); // the budget is spent: no retry, the last error stands
            return;
        }
        launcher.emitter().emit(EventType.RETRY_SCHEDULED, r.id(), n, group, call.name(), null, delay, r.errorType(),
                r.errorMessage(), "attempt " + (n + 1) + " of " + policy.maxAttempts(), -1);
        pendingRetry = launcher.scheduler().schedule(() -> attempt(n + 1), delay);
    }

    /// Cancels (`why` CANCELLED) or expires (TIMED_OUT, `reason` naming the group limit that fired) the run.
    private synchronized boolean stop(Status why, String reason) {
        if (stopped || result.isDone()) {
            return false;
        }
        stopped = true;
        if (pendingRetry != null) {
            // Between attempts: nothing runs, so the run ends here, reporting the attempt that ran last.
            pendingRetry.cancel();
            pendingRetry = null;
            finish(TaskRunner.result(why, why == Status.CANCELLED ? "CancellationException" : "TimeoutException",
                    reason, startedAt, launcher, last));
            return true;
        }
        if (why == Status.CANCELLED) {
            current.cancel(true); // its CANCELLED result ends this run through attemptEnded
        } else {
            current.expire(reason);
        }
        return true;
    }

    private void finish(AsyncCallbackResult r) {
        TaskRunner.closeGroup(launcher, group, call.name(), startedAt, r);
        result.complete(r);
    }
}
