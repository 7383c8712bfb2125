package dev.asynclab.app.tuning;

import dev.asynclab.lab.scenario.SweepTarget;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/// Turns the Tuning view's two target fields into a `SweepTarget`: a p99 bound ("250ms", or a bare number of
/// milliseconds) and a throughput bound ("100/s", or a bare number per second). Either may be blank; both blank
/// means no target.
///
/// ```java
/// Optional<SweepTarget> t = TargetForm.parse("250ms", "");   // p99<250ms
/// ```
public final class TargetForm {

    private TargetForm() {
    }

    /// Throws `IllegalArgumentException` naming the field and what it expects.
    public static Optional<SweepTarget> parse(String p99Bound, String throughputBound) {
        List<String> parts = new ArrayList<>();
        String p99 = p99Bound == null ? "" : p99Bound.trim();
        String rate = throughputBound == null ? "" : throughputBound.trim();
        if (!p99.isEmpty()) {
            parts.add("p99<" + (p99.matches("[0-9.]+") ? p99 + "ms" : p99));
        }
        if (!rate.isEmpty()) {
            parts.add("throughput>" + (rate.matches("[0-9.]+") ? rate + "/s" : rate));
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(SweepTarget.parse(String.join(" and ", parts)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("target: p99 bound takes a duration like 250ms, throughput bound a "
                    + "rate like 100/s (" + e.getMessage() + ")", e);
        }
    }
}
