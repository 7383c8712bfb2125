package dev.asynclab.lab.advise;

import java.util.List;
import java.util.Map;

/// What an audit log shows of a run, gathered in one pass by [LogFold]: per callback name the raw observations
/// a fit needs, and for the pool its settings and how busy the machine was.
///
/// @param scenario    the run's name, from the log's header
/// @param clock       `real` or `simulated`, from the header
/// @param poolSize    the pool's size (the last one, if it was resized); 0 when the log names no pool
/// @param queueCap    the deepest queue seen when something was rejected (the capacity); -1 when nothing was
/// @param durationNs  from the first to the last event
/// @param callbacks   per callback name, in order of first arrival
/// @param contention  what the run shows about CPU contention
/// @param groups      how many race, parallel or hedged groups the log holds (replayed as plain callbacks)
public record Recorded(String scenario, String clock, int poolSize, int queueCap, long durationNs,
                       List<Callback> callbacks, Contention contention, int groups) {

    /// The observations of one callback name.
    ///
    /// @param arrivals     the SUBMITTED times of first attempts, ascending
    /// @param execNs       how long each started attempt ran (STARTED to its end, or to its late finish)
    /// @param waitingAtStart per started attempt: how many other calls were submitted and not yet started as it
    ///                     started (the queue it found)
    /// @param finished     per attempt: whether it ran to its end (false: cut short by a timeout or cancel)
    /// @param failed       attempts that ended FAILED
    /// @param completed    attempts that ran to their end (SUCCEEDED or FAILED)
    /// @param errors       error type and message of the failures, with counts
    /// @param timeoutNs    the shortest run of a timed-out attempt (the timeout, give or take the timer); 0: none
    /// @param cancelled    started attempts cancelled while running
    /// @param retryDelays  the delays of RETRY_SCHEDULED events, keyed by the attempt that failed (1, 2, …)
    /// @param maxAttempts  the most tries a retry allowed (from RETRY_SCHEDULED), or the highest attempt seen
    /// @param retriedTimeouts whether a timed-out attempt was ever retried
    public record Callback(String name, long[] arrivals, long[] execNs, int[] waitingAtStart, boolean[] finished, long failed,
                           long completed, Map<String, Long> errors, long timeoutNs, long cancelled,
                           Map<Integer, List<Long>> retryDelays, int maxAttempts, boolean retriedTimeouts) {
    }

    /// How the run used the machine.
    ///
    /// @param peakRunning     most attempts between STARTED and their end at once
    /// @param lateStarts      attempts that found a free pool slot (no QUEUED) yet started late: after more than
    ///                        1 ms and a tenth of the median run; a sign that they waited for a CPU
    /// @param freeSlotStarts  attempts that found a free pool slot
    /// @param slowdown        median run of attempts that started with at least `cores` others running, divided
    ///                        by that of attempts that started with fewer (NaN when either group is small)
    public record Contention(int peakRunning, long lateStarts, long freeSlotStarts, double slowdown) {
    }
}
