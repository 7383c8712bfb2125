package dev.asynclab.lab.scenario;

import dev.asynclab.engine.RetryPolicy;

import java.time.Duration;
import java.util.Optional;

/// A declared callback: what it does, how often it arrives, how it fails, its timeout, retry and
/// cancellation. `timeout` and `retry` already have the scenario's defaults applied; `retry` is
/// [RetryPolicies#NONE] when there is none.
///
/// ```yaml
/// - name: fetch-user
///   count: 200
///   arrival: { poisson: 50/s }
///   work: { sleep: { exponential: 40ms } }
///   fail: { probability: 0.1, error: IOException, message: connection reset }
///   timeout: 200ms
///   retry: { attempts: 3, delay: 50ms, backoff: 2, jitter: 0.2 }
///   cancel: { after: 150ms }
/// ```
public record CallbackSpec(String name, int count, Arrival arrival, Work work, Failure fail, Duration timeout,
                           RetryPolicy retry, Optional<Duration> cancelAfter, Position position) implements Step {

    public CallbackSpec {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, was " + count);
        }
    }
}
