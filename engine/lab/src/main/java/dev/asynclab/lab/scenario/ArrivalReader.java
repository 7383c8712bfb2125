package dev.asynclab.lab.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/// Reads `arrival:` mappings: `every`, `poisson`, `at`, `burst` or `gaps` (with its `sizes`), and an optional
/// `start`.
final class ArrivalReader {

    static final List<String> FORMS = List.of("every", "poisson", "at", "burst", "gaps");
    private static final List<String> KEYS = List.of("every", "poisson", "at", "burst", "gaps", "sizes", "start");
    private static final int MAX_TIMES = 100_000;

    private ArrivalReader() {
    }

    static Optional<Arrival> read(Node node, String owner, Problems problems, WorkReader works) {
        return MapNode.open(node, "arrival of " + owner, KEYS, problems).flatMap(map -> {
            Optional<String> form = OneOf.pick(map, FORMS, "an arrival pattern");
            Duration start = map.duration("start").orElse(Duration.ZERO);
            if (map.has("sizes") && !map.has("gaps")) {
                problems.add(map.get("sizes").orElseThrow(), "'sizes' in " + map.where()
                        + " goes with 'gaps' (the batch sizes of a gaps arrival); expected it beside gaps");
                return Optional.empty();
            }
            return form.flatMap(f -> switch (f) {
                case "every" -> map.duration("every").map(every -> (Arrival) new Arrival.Every(every, start));
                case "poisson" -> map.get("poisson").flatMap(n -> Scalars.rate(n, map.what("poisson"), problems))
                        .map(rate -> new Arrival.Poisson(rate, start));
                case "at" -> map.get("at").flatMap(n -> times(n, map.what("at"), problems))
                        .map(times -> new Arrival.At(times, start));
                case "gaps" -> map.get("gaps").flatMap(n -> works.distribution(n, map.what("gaps")))
                        .flatMap(gaps -> sizes(map, problems).map(sizes -> new Arrival.Gaps(gaps, sizes, start)));
                default -> map.get("burst").flatMap(n -> burst(n, owner, start, problems));
            });
        });
    }

    private static Optional<List<Duration>> times(Node node, String what, Problems problems) {
        if (!(node instanceof SequenceNode seq) || seq.getValue().isEmpty() || seq.getValue().size() > MAX_TIMES) {
            problems.add(node, "expected a list of 1 to " + MAX_TIMES + " offsets like [0ms, 5ms] for " + what
                    + ", found " + Scalars.describe(node));
            return Optional.empty();
        }
        problems.charge(node, seq.getValue().size());
        List<Duration> times = new ArrayList<>();
        boolean ok = true;
        for (Node item : seq.getValue()) {
            Optional<Duration> time = Scalars.duration(item, what, problems);
            time.ifPresent(times::add);
            ok &= time.isPresent();
        }
        return ok ? Optional.of(times) : Optional.empty();
    }

    private static Optional<List<Integer>> sizes(MapNode map, Problems problems) {
        Optional<Node> node = map.get("sizes");
        if (node.isEmpty()) {
            return Optional.of(List.of(1));
        }
        if (!(node.get() instanceof SequenceNode seq) || seq.getValue().isEmpty()
                || seq.getValue().size() > MAX_TIMES) {
            problems.add(node.get(), "expected a list of 1 to " + MAX_TIMES + " batch sizes like [1, 1, 5] for "
                    + map.what("sizes") + ", found " + Scalars.describe(node.get()));
            return Optional.empty();
        }
        problems.charge(node.get(), seq.getValue().size());
        List<Integer> sizes = new ArrayList<>();
        boolean ok = true;
        for (Node item : seq.getValue()) {
            Optional<Long> size = Scalars.integer(item, map.what("sizes"), 1, 1_000_000, problems);
            size.ifPresent(n -> sizes.add(n.intValue()));
            ok &= size.isPresent();
        }
        return ok ? Optional.of(sizes) : Optional.empty();
    }

    private static Optional<Arrival> burst(Node node, String owner, Duration start, Problems problems) {
        return MapNode.open(node, "burst of " + owner, List.of("size", "every"), problems).flatMap(map -> {
            Optional<Long> size = map.require("size", "how many arrive at once").isPresent()
                    ? map.integer("size", 1, 1_000_000) : Optional.empty();
            Optional<Duration> every = map.require("every", Durations.DURATION_FORM).isPresent()
                    ? map.duration("every") : Optional.empty();
            if (size.isEmpty() || every.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Arrival.Burst(size.get().intValue(), every.get(), start));
        });
    }
}
