package dev.asynclab.engine;

import dev.asynclab.engine.AsyncCallbackResult.Status;
import dev.asynclab.engine.spi.Scheduler.Cancellable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/// A race (every member at once) or a hedged race (members one after another, `hedgeDelay` apart, the next
/// also at once when every started member has failed). The first success wins and every other member is
/// cancelled at once; when all fail, the last error stands; an overall timeout expires whatever still runs.
final class RaceRun {

    /* All state changes happen under `this`: a member ending, the hedge timer, the overall timer, cancel.
     * Members are cancelled outside the lock (their results re-enter memberEnded). */

    private final String name;
    private final List<Task> tasks;
    private final long hedgeNanos;
    private final Duration timeout;
    private final Launcher launcher;
    private final long group;
    private final long startedAt;
    private final String kind;
    private final List<InvocationFuture> started = new ArrayList<>();
    private final InvocationFuture result;
    private int ended;
    private AsyncCallbackResult last;
    private Cancellable hedgeTimer;
    private Cancellable overallTimer;
    private boolean stopped;

    RaceRun(String name, List<Task> tasks, Duration hedgeDelay, Duration timeout, Launcher launcher, long parentGroup,
            String kind) {
        this.name = name;
        this.tasks = tasks;
        this.hedgeNanos = hedgeDelay == null ? 0 : hedgeDelay.toNanos();
        this.timeout = timeout;
        this.launcher = launcher;
        this.group = TaskRunner.openGroup(launcher, kind, name, parentGroup);
        this.startedAt = launcher.scheduler().nanoTime();
        this.kind = kind;
        this.result = new InvocationFuture(this::cancel, this::expire);
    }

    InvocationFuture start() {
        if (tasks.isEmpty()) {
            finish(new AsyncCallbackResult(Status.FAILED, null, "IllegalArgumentException",
                    "a race needs at least one member", Duration.ZERO, 0, 0));
            return result;
        }
        if (timeout != null && !timeout.isZero()) {
            String reason = TaskRunner.groupTimeout(kind, name, timeout);
            overallTimer = launcher.scheduler().schedule(() -> expire(reason), timeout.toNanos());
        }
        if (hedgeNanos <= 0) {
            for (int i = 0; i < tasks.size(); i++) {
                launchNext();
            }
        } else {
            launchNext();
        }
        return result;
    }

    private void launchNext() {
        InvocationFuture f;
        synchronized (this) {
            if (stopped || started.size() >= tasks.size()) {
                return;
            }
            f = TaskRunner.run(tasks.get(started.size()), launcher, group);
            started.add(f);
            if (hedgeNanos > 0 && started.size() < tasks.size()) {
                if (hedgeTimer != null) {
                    hedgeTimer.cancel();
                }
                hedgeTimer = launcher.scheduler().schedule(this::launchNext, hedgeNanos);
            }
        }
        f.whenComplete((r, e) -> memberEnded(f, r));
    }

    private void memberEnded(InvocationFuture member, AsyncCallbackResult r) {
        List<InvocationFuture> losers = List.of();
        boolean startAnother = false;
        synchronized (this) {
            ended++;
            if (result.isDone()) {
                return;
            }
            if (r.isSuccess() && !stopped) {
                stopped = true;
                losers = new ArrayList<>(started);
                losers.remove(member);
                finish(r);
            } else {
                last = r;
                if (ended == tasks.size() || stopped && ended == started.size()) {
                    finish(last);
                } else if (ended == started.size()) {
                    startAnother = true; // every started member failed: hedge now rather than wait
                }
            }
        }
        for (InvocationFuture loser : losers) {
            loser.cancel(true);
        }
        if (startAnother) {
            launchNext();
        }
    }

    private void finish(AsyncCallbackResult r) {
        if (hedgeTimer != null) {
            hedgeTimer.cancel();
        }
        if (overallTimer != null) {
            overallTimer.cancel();
        }
        AsyncCallbackResult overall = new AsyncCallbackResult(r.status(), r.value(), r.errorType(), r.errorMessage(),
                Duration.ofNanos(launcher.scheduler().nanoTime() - startedAt), r.attempt(), r.id());
        TaskRunner.closeGroup(launcher, group, name, startedAt, overall);
        result.complete(overall);
    }

    /// The overall limit fired, this race's own or an enclosing group's: `reason` names it.
    private void expire(String reason) {
        stopRunning(false, reason);
    }

    private boolean cancel() {
        return stopRunning(true, kind + " cancelled");
    }

    private boolean stopRunning(boolean cancel, String reason) {
        List<InvocationFuture> running;
        synchronized (this) {
            if (result.isDone()) {
                return false;
            }
            stopped = true;
            if (hedgeTimer != null) {
                hedgeTimer.cancel();
            }
            running = new ArrayList<>(started);
            if (ended == started.size()) {
                // Nothing runs (a hedge was pending): the group ends here.
                finish(TaskRunner.result(cancel ? Status.CANCELLED : Status.TIMED_OUT,
                        cancel ? "CancellationException" : "TimeoutException", reason, startedAt, launcher, last));
                return true;
            }
        }
        for (InvocationFuture f : running) {
            if (cancel) {
                f.cancel(true);
            } else {
                f.expire(reason);
            }
        }
        return true;
    }
}
