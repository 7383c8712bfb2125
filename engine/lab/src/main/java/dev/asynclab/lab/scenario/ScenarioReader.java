package dev.asynclab.lab.scenario;

import dev.asynclab.engine.spi.RealScheduler.ThreadMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/// Builds a `Scenario` from the composed YAML of one file, recording every problem on the way. Yields a
/// scenario only when there was none.
final class ScenarioReader {

    private static final List<String> TOP_KEYS = java.util.stream.Stream.concat(java.util.stream.Stream.of("name",
            "description", "seed", "clock", "speed", "pool", "defaults", "callbacks", "cancel_all", "expect", "tour"),
            ResilienceReader.TOP_KEYS.stream()).toList();
    private static final Map<String, ClockMode> CLOCKS = ordered("real", ClockMode.REAL, "simulated",
            ClockMode.SIMULATED);
    private static final Map<String, ThreadMode> THREADS = ordered("virtual", ThreadMode.VIRTUAL, "platform",
            ThreadMode.PLATFORM);

    private final Problems problems;
    private final Optional<Path> source;

    ScenarioReader(Problems problems, Optional<Path> source) {
        this.problems = problems;
        this.source = source;
    }

    Optional<Scenario> read(Node root) {
        Optional<MapNode> opened = MapNode.open(root, "the scenario", TOP_KEYS, problems);
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        MapNode top = opened.get();
        Optional<String> name = top.require("name", "a short title").flatMap(x -> top.text("name"));
        String description = top.text("description").orElse("");
        long seed = top.integer("seed", -999_999_999_999_999_999L, 999_999_999_999_999_999L).orElse(0L);
        ClockMode clock = top.choice("clock", CLOCKS).orElse(ClockMode.SIMULATED);
        double speed = top.number("speed", 0.01, 100).orElse(1.0);
        Optional<PoolSpec> pool = top.get("pool").flatMap(this::pool);
        Defaults defaults = top.get("defaults").flatMap(this::defaults).orElse(Defaults.STANDARD);
        Optional<Duration> cancelAll = top.get("cancel_all").flatMap(n ->
                MapNode.open(n, "cancel_all", List.of("at"), problems).flatMap(m ->
                        m.require("at", Durations.DURATION_FORM).flatMap(x -> m.duration("at"))));
        var policies = new ResilienceReader(problems);
        policies.declarations(top); // before the callbacks, which name them
        StepReader steps = new StepReader(problems, defaults,
                new WorkReader(problems, new ScriptFiles(source.map(Path::getParent), problems)), policies);
        List<Step> callbacks = top.require("callbacks", "a list of callbacks and groups")
                .map(n -> steps.readList(n, "callbacks", false)).orElse(List.of());
        Expectation expect = top.get("expect").flatMap(this::expectation).orElse(Expectation.NONE);
        Tour tour = top.get("tour").map(n -> new TourReader(problems, callbacks).read(n)).orElse(Tour.NONE);
        if (!problems.isEmpty() || name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Scenario(name.get(), description, seed, clock, speed, pool, defaults, callbacks,
                cancelAll, expect, tour, source));
    }

    private Optional<PoolSpec> pool(Node node) {
        return MapNode.open(node, "pool", List.of("size", "queue", "threads", "limit"), problems).flatMap(map -> {
            Optional<LimitSpec> limit = map.get("limit").flatMap(n -> LimitReader.read(n, problems));
            if (map.has("limit") && limit.isEmpty()) {
                return Optional.empty();
            }
            // With an adaptive limit the size may be left out: the limit's initial size stands for it.
            Optional<Long> size = limit.isPresent() && !map.has("size") ? Optional.of((long) limit.get().initial())
                    : map.require("size", "how many callbacks may run at once")
                    .flatMap(x -> map.integer("size", 1, 10_000));
            int queue = map.integer("queue", 0, 10_000_000).orElse(-1L).intValue();
            ThreadMode threads = map.choice("threads", THREADS).orElse(ThreadMode.VIRTUAL);
            return size.map(s -> new PoolSpec(s.intValue(), queue, threads, limit));
        });
    }

    private Optional<Defaults> defaults(Node node) {
        return MapNode.open(node, "defaults", List.of("timeout", "retry"), problems).map(map -> new Defaults(
                map.duration("timeout").orElse(Defaults.STANDARD.timeout()),
                map.get("retry").flatMap(n -> PolicyReader.retry(n, "defaults", problems)).orElse(RetryPolicies.NONE)));
    }

    private Optional<Expectation> expectation(Node node) {
        List<String> keys = List.copyOf(Expectation.KEYS.keySet());
        return MapNode.open(node, "expect", keys, problems).map(map -> {
            Map<String, Comparison> counts = new LinkedHashMap<>();
            for (String key : keys) {
                map.get(key).flatMap(n -> comparison(n, map.what(key))).ifPresent(c -> counts.put(key, c));
            }
            return new Expectation(counts);
        });
    }

    private Optional<Comparison> comparison(Node node, String what) {
        if (node instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
            try {
                return Optional.of(Comparison.parse(scalar.getValue()));
            } catch (IllegalArgumentException e) {
                problems.add(node, e.getMessage() + " for " + what);
                return Optional.empty();
            }
        }
        problems.add(node, "expected " + Comparison.FORM + " for " + what + ", found " + Scalars.describe(node));
        return Optional.empty();
    }

    private static <T> Map<String, T> ordered(String k1, T v1, String k2, T v2) {
        Map<String, T> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }
}
