package dev.asynclab.lab.scenario;

/// The kinds of callback groups, named as in scenario files (`race:`, `parallel:`, `hedge:`).
///
/// ```java
/// CompletableFuture<?> result = switch (group.kind()) {
///     case RACE -> AsyncCallbacks.executeRace(pool, tasks, group.timeout());
///     case PARALLEL -> AsyncCallbacks.executeParallel(pool, tasks, group.timeout());
///     case HEDGE -> AsyncCallbacks.executeHedged(pool, tasks, group.hedgeDelay(), group.timeout());
/// };
/// ```
public enum GroupKind {
    /// All members start at once; the first success wins and the others are cancelled.
    RACE,
    /// All members start at once; all results are gathered.
    PARALLEL,
    /// A race whose members start one after another, `hedgeDelay` apart, while no member has succeeded.
    HEDGE
}
