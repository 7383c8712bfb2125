package dev.asynclab.engine;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/// Something to run: one callback (perhaps with retries), or a group of tasks run in parallel, as a race, or
/// hedged. Groups nest. `AsyncCallbacks.execute` runs any task on a runtime or in a pool.
///
/// ```java
/// Task fetch = Task.race("data-fetch", Duration.ofMillis(300),
///         Task.call("server-1", server1, Duration.ofSeconds(1)),
///         Task.call("cache", cache, Duration.ofMillis(50)).withRetry(RetryPolicy.ofDefaults()));
/// AsyncCallbacks.execute(pool, fetch).thenAccept(r -> System.out.println(r.status()));
/// ```
public sealed interface Task {

    String name();

    /// One callback; `timeout` per attempt, counted from its start (zero: none; null: the default 30 s; negative
    /// is refused); `retry` null for a single try.
    record Call(String name, AsyncCallback callback, Duration timeout, RetryPolicy retry) implements Task {
        public Call {
            Objects.requireNonNull(callback, "callback");
            timeout = AsyncCallbackRuntime.callbackTimeout(timeout);
        }

        /// The same call, tried as `policy` says.
        public Call withRetry(RetryPolicy policy) {
            return new Call(name, callback, timeout, policy);
        }
    }

    /// Every member at once; done when all are. At `timeout` (zero or null: none) the members that have not ended
    /// end as TIMED_OUT, those still waiting in a pool's queue too, and their message names this limit.
    record Parallel(String name, List<Task> members, Duration timeout) implements Task {
        public Parallel {
            members = List.copyOf(members);
            timeout = AsyncCallbackRuntime.limit(timeout, "a group timeout");
        }
    }

    /// Every member at once; the first success wins and the others are cancelled at once. At `timeout` (zero or
    /// null: none) whatever has not ended times out, and the race with it.
    record Race(String name, List<Task> members, Duration timeout) implements Task {
        public Race {
            members = List.copyOf(members);
            timeout = AsyncCallbackRuntime.limit(timeout, "a group timeout");
        }
    }

    /// Members start one after another, each only if none has succeeded `hedgeDelay` after the previous one
    /// started (or at once when every started member has failed); the first success wins. `timeout` as for a race.
    record Hedged(String name, List<Task> members, Duration hedgeDelay, Duration timeout) implements Task {
        public Hedged {
            members = List.copyOf(members);
            hedgeDelay = AsyncCallbackRuntime.limit(hedgeDelay, "a hedge delay");
            timeout = AsyncCallbackRuntime.limit(timeout, "a group timeout");
        }
    }

    static Call call(String name, AsyncCallback callback, Duration timeout) {
        return new Call(name, callback, timeout, null);
    }

    static Parallel parallel(String name, Duration timeout, Task... members) {
        return new Parallel(name, List.of(members), timeout);
    }

    static Race race(String name, Duration timeout, Task... members) {
        return new Race(name, List.of(members), timeout);
    }

    static Hedged hedged(String name, Duration hedgeDelay, Duration timeout, Task... members) {
        return new Hedged(name, List.of(members), hedgeDelay, timeout);
    }
}
