package dev.asynclab.engine;

/// Whoever runs invocations (a pool, or the runtime for standalone wrappers) and holds the worker slot.
interface InvocationOwner {

    /// The callback no longer occupies its worker (it returned, or its asynchronous work ended or was
    /// stopped) after `Invocation.run` had returned false. Called once, from any thread.
    void workerDoneLater(Invocation invocation);

    /// The invocation reached its terminal state. `neverStarted` is true when it ended while waiting
    /// (cancelled in the queue, or rejected); `onWorker` when it ended on the worker thread that ran it, as its
    /// callback returned (that thread then still holds the worker slot, and `run` returns true after this).
    void ended(Invocation invocation, boolean neverStarted, boolean onWorker);
}
