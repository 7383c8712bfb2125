package dev.asynclab.lab.advise;

import dev.asynclab.engine.RetryPolicy;
import dev.asynclab.lab.scenario.Arrival;
import dev.asynclab.lab.scenario.CallbackSpec;
import dev.asynclab.lab.scenario.Distribution;
import dev.asynclab.lab.scenario.Durations;
import dev.asynclab.lab.scenario.RetryPolicies;
import dev.asynclab.lab.scenario.Scenario;
import dev.asynclab.lab.scenario.Step;
import dev.asynclab.lab.scenario.Work;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/// Writes a fitted workload as a scenario file a person can read, edit and run (`asynclab run workload.yaml`):
/// the forms of `docs/scenario-format.md`, with the fit's notes as comments. Only what a fit produces is
/// written: callbacks with sleep or cpu work, `at` (or, for a trace too long, `gaps`) arrivals, failures,
/// timeouts and retries.
///
/// ```java
/// Files.writeString(dir.resolve("workload.yaml"), WorkloadYaml.write(fit.scenario(1.0), fit));
/// ```
public final class WorkloadYaml {

    private WorkloadYaml() {
    }

    public static String write(Scenario s, WorkloadFit fit) {
        var out = new StringBuilder();
        out.append("# Fitted by `asynclab advise`. ").append(fit.cpu().reason()).append(".\n");
        for (String note : fit.notes()) {
            out.append("# ").append(note).append(".\n");
        }
        out.append("name: ").append(quote(s.name())).append('\n');
        out.append("description: ").append(quote(s.description())).append('\n');
        out.append("seed: ").append(s.seed()).append('\n');
        out.append("clock: simulated\n");
        s.pool().ifPresent(p -> out.append("pool: { size: ").append(p.size())
                .append(p.unboundedQueue() ? "" : ", queue: " + p.queueCapacity())
                .append(", threads: ").append(p.threads().name().toLowerCase(Locale.ROOT)).append(" }\n"));
        out.append("callbacks:\n");
        for (Step step : s.steps()) {
            CallbackSpec c = (CallbackSpec) step;
            out.append("  - name: ").append(quote(c.name())).append('\n');
            out.append("    count: ").append(c.count()).append('\n');
            out.append("    arrival: ").append(arrival(c.arrival())).append('\n');
            out.append("    work: ").append(work(c.work())).append('\n');
            if (c.fail().probability() > 0) {
                out.append(String.format(Locale.ROOT, "    fail: { probability: %.4f, error: %s, message: %s }%n",
                        c.fail().probability(), quote(c.fail().error()), quote(c.fail().message())));
            }
            out.append("    timeout: ").append(duration(c.timeout())).append('\n');
            if (RetryPolicies.retries(c.retry())) {
                RetryPolicy r = c.retry();
                out.append(String.format(Locale.ROOT, "    retry: { attempts: %d, delay: %s, backoff: %s, jitter: %s"
                                + ", retry_timeouts: %s }%n", r.maxAttempts(), duration(r.delay()), r.backoff(),
                        r.jitter(), r.retryTimeouts()));
            }
        }
        return out.toString();
    }

    private static String arrival(Arrival a) {
        if (a instanceof Arrival.At at) {
            return "{ at: [" + at.offsets().stream().map(WorkloadYaml::duration).collect(Collectors.joining(", "))
                    + "] }";
        }
        if (!(a instanceof Arrival.Gaps g)) {
            throw new IllegalArgumentException("a fitted workload has at or gaps arrivals, not " + a);
        }
        String sizes = g.sizes().equals(List.of(1)) ? ""
                : ", sizes: [" + g.sizes().stream().map(String::valueOf).collect(Collectors.joining(", ")) + "]";
        return "{ gaps: " + distribution(g.gaps()) + sizes + " }";
    }

    private static String work(Work w) {
        return switch (w) {
            case Work.Sleep s -> "{ sleep: " + distribution(s.duration()) + " }";
            case Work.Cpu c -> "{ cpu: " + distribution(c.duration()) + (c.whenQueued().isEmpty() ? ""
                    : ", when-queued: { " + c.whenQueued().entrySet().stream()
                            .map(e -> e.getKey() + ": " + distribution(e.getValue()))
                            .collect(Collectors.joining(", ")) + " }") + " }";
            case Work.Script s -> throw new IllegalArgumentException("a fitted workload has no scripts");
            case Work.Downstream d -> throw new IllegalArgumentException("a fitted workload has no downstream");
        };
    }

    private static String distribution(Distribution d) {
        return switch (d) {
            case Distribution.Fixed f -> duration(f.value());
            case Distribution.Empirical e -> "{ empirical: [" + e.values().stream().map(WorkloadYaml::duration)
                    .collect(Collectors.joining(", ")) + "] }";
            default -> throw new IllegalArgumentException("a fitted workload has empirical distributions, not " + d);
        };
    }

    private static String duration(Duration d) {
        return Durations.format(d.toNanos());
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
