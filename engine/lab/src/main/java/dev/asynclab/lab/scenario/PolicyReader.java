package dev.asynclab.lab.scenario;

import dev.asynclab.engine.RetryPolicy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/// Reads the policies of a callback: `fail:`, `retry:` and `cancel:`.
final class PolicyReader {

    private static final List<String> FAIL_KEYS = List.of("probability", "error", "message", "first", "hang");
    private static final List<String> RETRY_KEYS = List.of("attempts", "delay", "backoff", "max_delay", "jitter",
            "retry_on", "retry_timeouts", "deadline");

    private PolicyReader() {
    }

    static Optional<Failure> fail(Node node, String owner, Problems problems) {
        return MapNode.open(node, "fail of " + owner, FAIL_KEYS, problems).map(map -> {
            // With neither a probability nor `first` nor `hang`, a declared failure always happens.
            boolean always = !map.has("probability") && !map.has("first") && !map.has("hang");
            double probability = map.number("probability", 0, 1).orElse(always ? 1.0 : 0.0);
            String error = map.text("error").orElse(Failure.NONE.error());
            String message = map.text("message").orElse(Failure.NONE.message());
            int first = map.integer("first", 0, 1000).orElse(0L).intValue();
            boolean hang = map.bool("hang").orElse(false);
            return new Failure(probability, error, message, first, hang);
        });
    }

    static Optional<RetryPolicy> retry(Node node, String owner, Problems problems) {
        return MapNode.open(node, "retry of " + owner, RETRY_KEYS, problems).flatMap(map -> {
            Optional<Long> attempts = map.require("attempts", "how many tries in all, the first included")
                    .flatMap(x -> map.integer("attempts", 1, 1000));
            Duration delay = map.duration("delay").orElse(Duration.ZERO);
            double backoff = map.number("backoff", 1, 100).orElse(1.0);
            Duration maxDelay = map.duration("max_delay").orElse(Duration.ZERO);
            double jitter = map.number("jitter", 0, 1).orElse(0.0);
            List<String> retryOn = map.get("retry_on").map(n -> errorTypes(n, map.what("retry_on"), problems))
                    .orElse(List.of());
            boolean retryTimeouts = map.bool("retry_timeouts").orElse(true);
            Duration deadline = map.duration("deadline").orElse(Duration.ZERO);
            return attempts.map(n -> RetryPolicy.builder().maxAttempts(n.intValue()).delay(delay)
                    .backoff(backoff, maxDelay).jitter(jitter).retryOn(Set.copyOf(retryOn))
                    .retryTimeouts(retryTimeouts).deadline(deadline).build());
        });
    }

    static Optional<Duration> cancel(Node node, String owner, Problems problems) {
        return MapNode.open(node, "cancel of " + owner, List.of("after"), problems)
                .flatMap(map -> map.require("after", Durations.DURATION_FORM).flatMap(x -> map.duration("after")));
    }

    private static List<String> errorTypes(Node node, String what, Problems problems) {
        if (node instanceof ScalarNode) {
            return Scalars.text(node, what, problems).map(List::of).orElse(List.of());
        }
        if (!(node instanceof SequenceNode seq)) {
            problems.add(node, "expected a list of error types such as [IOException] for " + what + ", found "
                    + Scalars.describe(node));
            return List.of();
        }
        problems.charge(node, seq.getValue().size());
        List<String> types = new ArrayList<>();
        seq.getValue().forEach(item -> Scalars.text(item, what, problems).ifPresent(types::add));
        return types;
    }
}
