package dev.asynclab.lab.story;

/// The pool as a call found it when it had to wait or was turned away.
///
/// @param busy        workers holding a call at that moment
/// @param overrunning of those, how many were still running a call that had already timed out or been cancelled
/// @param ahead       calls already waiting in the queue before this one
public record PoolMoment(int busy, int overrunning, int ahead) {
}
