package dev.asynclab.engine.spi;

/// A scheduled task that can be called off.
@FunctionalInterface
public interface Cancellable {

    /// Calls the task off; false when it already ran or was cancelled.
    boolean cancel();
}
