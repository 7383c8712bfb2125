package dev.asynclab.lab.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/// Reads `pool: { limit: { aimd | vegas | gradient2: {...} } }`, with Netflix concurrency-limits' defaults for
/// what is left out.
final class LimitReader {

    static final List<String> FORMS = List.of("aimd", "vegas", "gradient2");
    private static final int MAX = 10_000;

    private LimitReader() {
    }

    static Optional<LimitSpec> read(Node node, Problems problems) {
        return MapNode.open(node, "the limit of the pool", FORMS, problems).flatMap(map ->
                OneOf.pick(map, FORMS, "an adaptive limit algorithm").flatMap(form -> {
                    Node body = map.get(form).orElseThrow();
                    return switch (form) {
                        case "aimd" -> MapNode.open(body, "aimd limit", List.of("initial", "min", "max", "backoff",
                                "timeout"), problems).flatMap(m -> bounds(m, 10, 1, 200).map(b ->
                                new LimitSpec.Aimd(b[0], b[1], b[2], m.number("backoff", 0.5, 0.999).orElse(0.9),
                                        m.duration("timeout").orElse(Duration.ofSeconds(5)))));
                        case "vegas" -> MapNode.open(body, "vegas limit", List.of("initial", "max"), problems)
                                .flatMap(m -> bounds(m, 20, 1, 1000).map(b -> new LimitSpec.Vegas(b[0], b[2])));
                        default -> MapNode.open(body, "gradient2 limit", List.of("initial", "min", "max", "queue",
                                "smoothing", "long_window"), problems).flatMap(m -> bounds(m, 20, 20, 200).map(b ->
                                new LimitSpec.Gradient2(b[0], b[1], b[2],
                                        m.integer("queue", 0, MAX).orElse(4L).intValue(),
                                        m.number("smoothing", 0.01, 1).orElse(0.2),
                                        m.integer("long_window", 1, 1_000_000).orElse(600L).intValue())));
                    };
                }));
    }

    /// initial, min and max with their defaults, checked against each other at the mapping.
    private static Optional<int[]> bounds(MapNode m, int initial, int min, int max) {
        int i = m.integer("initial", 1, MAX).orElse((long) initial).intValue();
        int lo = m.integer("min", 1, MAX).orElse((long) Math.min(min, i)).intValue();
        int hi = m.integer("max", 1, MAX).orElse((long) Math.max(max, i)).intValue();
        if (!(lo <= i && i <= hi)) {
            m.problems().add(m.node(), "expected min <= initial <= max in " + m.where() + ", found min " + lo
                    + ", initial " + i + ", max " + hi);
            return Optional.empty();
        }
        return Optional.of(new int[] {i, lo, hi});
    }
}
