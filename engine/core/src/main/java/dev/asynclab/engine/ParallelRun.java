package dev.asynclab.engine;

import dev.asynclab.engine.internal.WorkFuture;
import dev.asynclab.engine.AsyncCallbackResult.Status;
import dev.asynclab.engine.spi.Scheduler.Cancellable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/// Every member at once, one overall timeout; the result lists every member's result.
///
/// The group's own result is SUCCEEDED (value: the list of member values) when every member succeeded,
/// otherwise the status and error of the first member, in declared order, that did not.
final class ParallelRun {

    private final Task.Parallel task;
    private final Launcher launcher;
    private final long group;
    private final long startedAt;
    private final AsyncCallbackResult[] results;
    private final List<InvocationFuture> members = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicInteger left;
    private final InvocationFuture result;
    private volatile Cancellable timer;

    /// Starts a parallel group; see `future()` and `memberResults()`.
    public static ParallelRun start(Task.Parallel task, Launcher launcher, long parentGroup) {
        var run = new ParallelRun(task, launcher, parentGroup);
        run.start();
        return run;
    }

    ParallelRun(Task.Parallel task, Launcher launcher, long parentGroup) {
        this.task = task;
        this.launcher = launcher;
        this.group = TaskRunner.openGroup(launcher, "parallel", task.name(), parentGroup);
        this.startedAt = launcher.scheduler().nanoTime();
        this.results = new AsyncCallbackResult[task.members().size()];
        this.left = new AtomicInteger(results.length);
        this.result = new InvocationFuture(this::cancel, this::expire);
    }

    InvocationFuture start() {
        if (results.length == 0) {
            finish();
            return result;
        }
        for (Task member : task.members()) {
            members.add(TaskRunner.run(member, launcher, group));
        }
        Duration timeout = task.timeout();
        if (timeout != null && !timeout.isZero() && !result.isDone()) {
            // Armed after every member is launched: expire() then sees the whole, final member list.
            String reason = TaskRunner.groupTimeout("parallel", task.name(), timeout);
            timer = launcher.scheduler().schedule(() -> expire(reason), timeout.toNanos());
        }
        for (int i = 0; i < members.size(); i++) {
            int index = i;
            members.get(i).whenComplete((r, e) -> memberEnded(index, r));
        }
        return result;
    }

    /// Each member's result, in declared order, once all have ended.
    public List<AsyncCallbackResult> memberResults() {
        return List.copyOf(Arrays.asList(results));
    }

    private void memberEnded(int index, AsyncCallbackResult r) {
        results[index] = r;
        if (left.decrementAndGet() == 0) {
            Cancellable t = timer;
            if (t != null) {
                t.cancel();
            }
            finish();
        }
    }

    private void finish() {
        AsyncCallbackResult first = null;
        List<Object> values = new ArrayList<>(results.length);
        for (AsyncCallbackResult r : results) {
            values.add(r.value());
            if (first == null && !r.isSuccess()) {
                first = r;
            }
        }
        long exec = launcher.scheduler().nanoTime() - startedAt;
        AsyncCallbackResult overall = first == null
                ? new AsyncCallbackResult(Status.SUCCEEDED, values, null, null, Duration.ofNanos(exec), 0, 0)
                : new AsyncCallbackResult(first.status(), values, first.errorType(), first.errorMessage(),
                        Duration.ofNanos(exec), 0, 0);
        TaskRunner.closeGroup(launcher, group, task.name(), startedAt, overall);
        result.complete(overall);
    }

    /// The overall limit fired, this group's own or an enclosing group's: `reason` names it.
    private void expire(String reason) {
        for (InvocationFuture f : List.copyOf(members)) {
            f.expire(reason);
        }
    }

    private boolean cancel() {
        if (result.isDone()) {
            return false;
        }
        for (InvocationFuture f : List.copyOf(members)) {
            f.cancel(true);
        }
        return true;
    }

    public InvocationFuture future() {
        return result;
    }

    /// Every member's result, in declared order, once all have ended; cancelling it cancels the group.
    public WorkFuture<List<AsyncCallbackResult>> memberResultsFuture() {
        return result.view(r -> memberResults());
    }
}
