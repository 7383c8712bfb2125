package dev.asynclab.engine;

import dev.asynclab.engine.AsyncCallbackResult.Status;
import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;

import java.time.Duration;

/// Runs a `Task` tree through a `Launcher`: single calls, retries and groups, nested to any depth.
final class TaskRunner {

    private TaskRunner() {
    }

    /// Starts `task`; the future completes with its result and cancelling it cancels everything under it.
    public static InvocationFuture run(Task task, Launcher launcher, long parentGroup) {
        return switch (task) {
            case Task.Call c when !c.policies().isEmpty() -> PolicyPipeline.run(c, launcher, parentGroup);
            case Task.Call c when !retries(c) ->
                    launcher.launch(c.callback(), c.name(), c.timeout(), null, 1, parentGroup);
            case Task.Call c -> new RetryRun(c, launcher, parentGroup).start();
            case Task.Parallel p -> new ParallelRun(p, launcher, parentGroup).start();
            case Task.Race r -> new RaceRun(r.name(), r.members(), Duration.ZERO, r.timeout(), launcher, parentGroup,
                    "race").start();
            case Task.Hedged h -> new RaceRun(h.name(), h.members(), h.hedgeDelay(), h.timeout(), launcher,
                    parentGroup, "hedged").start();
        };
    }

    /// True when the call needs a retry run (more than one attempt, or a deadline to keep).
    static boolean retries(Task.Call c) {
        return c.retry() != null && (c.retry().maxAttempts() > 1 || !c.retry().deadline().isZero());
    }

    static long openGroup(Launcher launcher, String kind, String name, long parentGroup) {
        long group = launcher.newGroup();
        launcher.emitter().emit(Event.groupStarted(group, name, kind, parentGroup));
        return group;
    }

    static void closeGroup(Launcher launcher, long group, String name, long startedAt, AsyncCallbackResult result) {
        launcher.emitter().emit(EventType.GROUP_FINISHED, 0, 0, group, name, null,
                launcher.scheduler().nanoTime() - startedAt, result.errorType(), result.errorMessage(),
                result.status().name(), -1);
    }

    /// A group's own result when no member's result stands for it; `last` (nullable) is the member that ran
    /// last, whose attempt and id the result carries.
    static AsyncCallbackResult result(Status status, String errorType, String message, long startedAt,
                                      Launcher launcher, AsyncCallbackResult last) {
        return new AsyncCallbackResult(status, null, errorType, message,
                Duration.ofNanos(launcher.scheduler().nanoTime() - startedAt), last == null ? 0 : last.attempt(),
                last == null ? 0 : last.id());
    }

    /// The message of a TIMED_OUT that a group's overall limit caused: the limit and who set it.
    static String groupTimeout(String kind, String name, Duration timeout) {
        return "group timeout " + millis(timeout) + " (" + kind + " '" + name + "')";
    }

    static String millis(Duration d) {
        long ms = d.toMillis();
        return ms > 0 || d.isZero() ? ms + " ms" : d.toNanos() + " ns";
    }
}
