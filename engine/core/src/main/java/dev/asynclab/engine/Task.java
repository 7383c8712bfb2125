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

    /// One callback; `timeout` per attempt (zero: none); `retry` null for a single try.
    record Call(String name, AsyncCallback callback, Duration timeout, RetryPolicy retry) implements Task {
        public Call {
            Objects.requireNonNull(callback, "callback");
            timeout = timeout == null ? AsyncCallbackRuntime.DEFAULT_TIMEOUT : timeout;
        }

        public Call withRetry(RetryPolicy policy) {
            return new Call(name, callback, timeout, policy);
        }
    }

    /// Every member at once; done when all are; members still running at `timeout` time out.
    record Parallel(String name, List<Task> members, Duration timeout) implements Task {
        public Parallel {
            members = List.copyOf(members);
        }
    }

    /// Every member at once; the first success wins and the others are cancelled at once.
    record Race(String name, List<Task> members, Duration timeout) implements Task {
        public Race {
            members = List.copyOf(members);
        }
    }

    /// Members start one after another, each only if none has succeeded `hedgeDelay` after the previous one
    /// started (or at once when every started member has failed); the first success wins.
    record Hedged(String name, List<Task> members, Duration hedgeDelay, Duration timeout) implements Task {
        public Hedged {
            members = List.copyOf(members);
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
