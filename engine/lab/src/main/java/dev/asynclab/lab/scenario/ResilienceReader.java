package dev.asynclab.lab.scenario;

import dev.asynclab.engine.Fallback;
import dev.asynclab.engine.FaultInjection;
import dev.asynclab.engine.AsyncCallbackResult.Status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/// Reads the resilience policies: the shared ones declared at the top (`circuit_breakers:`, `rate_limiters:`,
/// `bulkheads:`, `retry_budgets:`, each a mapping from a name to its settings) and, per callback, the names it
/// uses plus its own `fallback:` and `faults:`. A name that is not declared is reported with the closest one.
final class ResilienceReader {

    static final List<String> TOP_KEYS = List.of("circuit_breakers", "rate_limiters", "bulkheads", "retry_budgets");
    static final List<String> CALLBACK_KEYS = List.of("circuit_breaker", "rate_limiter", "bulkhead", "retry_budget",
            "fallback", "faults");
    private static final List<String> BREAKER_KEYS = List.of("window", "minimum_calls", "failure_rate",
            "slow_call_rate", "slow_call", "open_for", "half_open_calls");
    private static final List<String> LIMITER_KEYS = List.of("limit", "burst", "max_wait");
    private static final List<String> BUDGET_KEYS = List.of("ratio", "min_per_second", "window");
    private static final List<String> FAULT_KEYS = List.of("rate", "error", "message", "latency", "result");
    private static final Map<String, Status> FALLBACK_ON = Map.of("failed", Status.FAILED, "timed_out",
            Status.TIMED_OUT, "rejected", Status.REJECTED, "cancelled", Status.CANCELLED);

    private final Problems problems;
    private final Map<String, SharedPolicy.Breaker> breakers = new LinkedHashMap<>();
    private final Map<String, SharedPolicy.Limiter> limiters = new LinkedHashMap<>();
    private final Map<String, SharedPolicy.Bulk> bulkheads = new LinkedHashMap<>();
    private final Map<String, SharedPolicy.Budget> budgets = new LinkedHashMap<>();
    /// Declarations present but refused for their own problems ("circuit_breakers/db"): a callback that names one
    /// is not told it "is not declared" as well, which would be false and a second line for one mistake.
    private final java.util.Set<String> refused = new java.util.HashSet<>();

    ResilienceReader(Problems problems) {
        this.problems = problems;
    }

    /// Reads the top-level declarations present in `top`.
    void declarations(MapNode top) {
        top.get("circuit_breakers").ifPresent(n -> declared(n, "circuit_breakers", breakers, this::breaker));
        top.get("rate_limiters").ifPresent(n -> declared(n, "rate_limiters", limiters, this::limiter));
        top.get("bulkheads").ifPresent(n -> declared(n, "bulkheads", bulkheads, this::bulkhead));
        top.get("retry_budgets").ifPresent(n -> declared(n, "retry_budgets", budgets, this::budget));
    }

    private <T> void declared(Node node, String key, Map<String, T> into, BiFunction<String, Node, Optional<T>> read) {
        if (!(node instanceof MappingNode mapping) || mapping.getValue().isEmpty()) {
            problems.add(node, "expected a mapping from names to settings for " + key + ", found "
                    + Scalars.describe(node));
            return;
        }
        problems.charge(node, mapping.getValue().size());
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode name) || name.getValue().isBlank()) {
                problems.add(tuple.getKeyNode(), "expected a name as key in " + key + ", found "
                        + Scalars.describe(tuple.getKeyNode()));
                continue;
            }
            if (into.containsKey(name.getValue())) {
                problems.add(name, "duplicate name '" + name.getValue() + "' in " + key);
                continue;
            }
            read.apply(name.getValue(), tuple.getValueNode()).ifPresentOrElse(p -> into.put(name.getValue(), p),
                    () -> refused.add(key + "/" + name.getValue()));
        }
    }

    private Optional<SharedPolicy.Breaker> breaker(String name, Node node) {
        String where = "circuit breaker '" + name + "'";
        return MapNode.open(node, where, BREAKER_KEYS, problems).flatMap(map -> {
            Optional<Node> window = map.require("window", "a number of calls (10) or a duration (10s)");
            int calls = 0;
            Duration time = null;
            if (window.isPresent()) {
                if (window.get() instanceof ScalarNode s && Durations.looksLikeDuration(s.getValue())) {
                    time = map.duration("window").orElse(null);
                } else {
                    calls = map.integer("window", 1, 1_000_000).orElse(0L).intValue();
                }
            }
            int minimum = map.integer("minimum_calls", 1, 1_000_000).orElse((long) (time == null ? calls : 10))
                    .intValue();
            double failureRate = map.number("failure_rate", 1, 100).orElse(50.0);
            Optional<Double> slowRate = map.number("slow_call_rate", 1, 100);
            Optional<Duration> slowCall = map.duration("slow_call");
            if (slowRate.isPresent() != slowCall.isPresent()) {
                problems.add(map.node(), where + " has " + (slowRate.isPresent() ? "slow_call_rate" : "slow_call")
                        + " without " + (slowRate.isPresent() ? "slow_call" : "slow_call_rate")
                        + "; expected both (a percentage and the duration from which a call counts as slow)");
            }
            Duration openFor = map.duration("open_for").orElse(Duration.ofSeconds(60));
            int halfOpen = map.integer("half_open_calls", 1, 10_000).orElse(10L).intValue();
            if (calls == 0 && time == null) {
                return Optional.empty();
            }
            return Optional.of(new SharedPolicy.Breaker(name, calls, time, minimum, failureRate,
                    slowRate.orElse(100.0), slowCall.orElse(null), openFor, halfOpen));
        });
    }

    private Optional<SharedPolicy.Limiter> limiter(String name, Node node) {
        String where = "rate limiter '" + name + "'";
        return MapNode.open(node, where, LIMITER_KEYS, problems).flatMap(map -> {
            Optional<Double> rate = map.require("limit", Durations.RATE_FORM)
                    .flatMap(n -> Scalars.rate(n, map.what("limit"), problems));
            int burst = map.integer("burst", 1, 1_000_000).orElse(1L).intValue();
            Duration maxWait = map.duration("max_wait").orElse(Duration.ZERO);
            // One token every 1/rate: "10/s" is one per 100 ms, and `burst` says how many may go at once.
            return rate.map(r -> new SharedPolicy.Limiter(name, 1, Duration.ofNanos(Math.max(1, Math.round(1e9 / r))),
                    burst, maxWait));
        });
    }

    private Optional<SharedPolicy.Bulk> bulkhead(String name, Node node) {
        String where = "bulkhead '" + name + "'";
        return MapNode.open(node, where, List.of("max_concurrent"), problems).flatMap(map ->
                map.require("max_concurrent", "how many calls may be in flight at once")
                        .flatMap(x -> map.integer("max_concurrent", 1, 1_000_000))
                        .map(n -> new SharedPolicy.Bulk(name, n.intValue())));
    }

    private Optional<SharedPolicy.Budget> budget(String name, Node node) {
        String where = "retry budget '" + name + "'";
        return MapNode.open(node, where, BUDGET_KEYS, problems).map(map -> new SharedPolicy.Budget(name,
                map.number("ratio", 0, 1000).orElse(0.2), map.number("min_per_second", 0, 1_000_000).orElse(10.0),
                map.duration("window").orElse(Duration.ofSeconds(10))));
    }

    /// The policies of one callback, from its mapping.
    Resilience forCallback(MapNode map) {
        var breaker = named(map, "circuit_breaker", "circuit_breakers", breakers);
        var limiter = named(map, "rate_limiter", "rate_limiters", limiters);
        var bulkhead = named(map, "bulkhead", "bulkheads", bulkheads);
        var budget = named(map, "retry_budget", "retry_budgets", budgets);
        Fallback fallback = map.get("fallback").flatMap(n -> fallback(n, map.where())).orElse(null);
        List<FaultInjection> faults = map.get("faults").map(n -> faults(n, map.where())).orElse(List.of());
        return new Resilience(breaker, limiter, bulkhead, budget, fallback, faults);
    }

    private <T extends SharedPolicy> T named(MapNode map, String key, String declaredUnder, Map<String, T> declared) {
        Optional<Node> node = map.get(key);
        if (node.isEmpty()) {
            return null;
        }
        Optional<String> name = Scalars.text(node.get(), map.what(key), problems);
        if (name.isEmpty()) {
            return null;
        }
        T policy = declared.get(name.get());
        if (policy == null && !refused.contains(declaredUnder + "/" + name.get())) {
            String kind = key.replace('_', ' ');
            problems.add(node.get(), map.where() + " names " + kind + " '" + name.get() + "', which is not declared"
                    + Suggestions.closest(name.get(), declared.keySet()).map(s -> " (did you mean '" + s + "'?)")
                    .orElse("; expected a name declared under " + declaredUnder + ":"
                            + (declared.isEmpty() ? "" : " " + String.join(", ", declared.keySet()))));
        }
        return policy;
    }

    private Optional<Fallback> fallback(Node node, String owner) {
        return MapNode.open(node, "fallback of " + owner, List.of("value", "on"), problems).flatMap(map -> {
            Optional<String> value = map.require("value", "the value the caller gets instead").flatMap(x ->
                    map.text("value"));
            EnumSet<Status> on = EnumSet.of(Status.FAILED, Status.TIMED_OUT, Status.REJECTED);
            if (map.has("on")) {
                on = statuses(map.get("on").orElseThrow(), map.what("on"));
            }
            if (on.isEmpty()) {
                return Optional.empty();
            }
            Status[] statuses = on.toArray(Status[]::new);
            return value.map(v -> Fallback.value(v).on(statuses));
        });
    }

    private EnumSet<Status> statuses(Node node, String what) {
        EnumSet<Status> out = EnumSet.noneOf(Status.class);
        List<Node> items = node instanceof SequenceNode seq ? seq.getValue() : List.of(node);
        for (Node item : items) {
            Scalars.text(item, what, problems).ifPresent(word -> {
                Status s = FALLBACK_ON.get(word.toLowerCase(Locale.ROOT));
                if (s == null) {
                    problems.add(item, "unknown outcome '" + word + "' for " + what
                            + Suggestions.closest(word, FALLBACK_ON.keySet()).map(x -> " (did you mean '" + x + "'?)")
                            .orElse("; expected failed, timed_out, rejected or cancelled"));
                } else {
                    out.add(s);
                }
            });
        }
        return out;
    }

    private List<FaultInjection> faults(Node node, String owner) {
        String what = "faults of " + owner;
        if (!(node instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            problems.add(node, "expected a list of faults such as [{ rate: 0.1, error: IOException }] for " + what
                    + ", found " + Scalars.describe(node));
            return List.of();
        }
        problems.charge(node, seq.getValue().size());
        List<FaultInjection> faults = new ArrayList<>();
        for (Node item : seq.getValue()) {
            MapNode.open(item, "a fault of " + owner, FAULT_KEYS, problems).flatMap(this::fault).ifPresent(faults::add);
        }
        return faults;
    }

    private Optional<FaultInjection> fault(MapNode map) {
        Optional<Double> rate = map.require("rate", "the share of attempts it hits, from 0 to 1")
                .flatMap(x -> map.number("rate", 0, 1));
        List<String> kinds = new ArrayList<>();
        for (String k : List.of("error", "latency", "result")) {
            if (map.has(k)) {
                kinds.add(k);
            }
        }
        if (kinds.size() != 1) {
            problems.add(map.node(), (kinds.isEmpty() ? "no kind of fault in " : "more than one kind of fault ("
                    + String.join(", ", kinds) + ") in ") + map.where()
                    + "; expected exactly one of error (a failure), latency or result");
            return Optional.empty();
        }
        if (map.has("message") && !kinds.getFirst().equals("error")) {
            problems.add(map.get("message").orElseThrow(), "'message' belongs to an injected error, not to a "
                    + kinds.getFirst() + " in " + map.where());
        }
        return rate.flatMap(r -> switch (kinds.getFirst()) {
            case "error" -> map.text("error").map(e -> FaultInjection.failure(r, e,
                    map.text("message").orElse("injected fault")));
            case "latency" -> map.duration("latency").map(d -> FaultInjection.latency(r, d));
            default -> map.text("result").map(v -> FaultInjection.result(r, v));
        });
    }
}
