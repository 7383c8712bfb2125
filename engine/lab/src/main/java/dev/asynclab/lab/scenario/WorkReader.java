package dev.asynclab.lab.scenario;

import dev.asynclab.lab.polyglot.ScriptLanguage;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/// Reads `work:` (sleep, cpu, downstream, js, python) and the duration distributions of sleep and cpu.
final class WorkReader {

    private static final List<String> FORMS = List.of("sleep", "cpu", "downstream", "js", "python");
    /// What a work mapping may hold besides its one form: `when-queued` goes with `cpu`.
    private static final List<String> KEYS = List.of("sleep", "cpu", "downstream", "js", "python", "when-queued");
    private static final String WHEN_QUEUED = "when-queued";
    private static final List<String> DISTRIBUTIONS = List.of("uniform", "exponential", "normal", "lognormal",
            "empirical");
    private static final int MAX_VALUES = 100_000;

    private final Problems problems;
    private final ScriptFiles scriptFiles;

    WorkReader(Problems problems, ScriptFiles scriptFiles) {
        this.problems = problems;
        this.scriptFiles = scriptFiles;
    }

    Optional<Work> read(Node node, String owner) {
        return MapNode.open(node, "work of " + owner, KEYS, problems).flatMap(map ->
                OneOf.pick(map, FORMS, "what the callback does").flatMap(form -> {
                    Node value = map.get(form).orElseThrow();
                    if (!form.equals("cpu") && map.has(WHEN_QUEUED)) {
                        problems.add(map.get(WHEN_QUEUED).orElseThrow(), "'" + WHEN_QUEUED + "' goes with cpu "
                                + "work only (how long the work runs when calls wait), not with " + form + " in "
                                + map.where());
                        return Optional.empty();
                    }
                    return switch (form) {
                        case "sleep" -> distribution(value, map.what(form)).map(d -> (Work) new Work.Sleep(d));
                        case "cpu" -> cpu(value, map);
                        case "downstream" -> downstream(value, map.what(form));
                        case "js" -> script(value, ScriptLanguage.JS, map.what(form));
                        default -> script(value, ScriptLanguage.PYTHON, map.what(form));
                    };
                }));
    }

    private Optional<Work> cpu(Node value, MapNode map) {
        Optional<Distribution> duration = distribution(value, map.what("cpu"));
        java.util.NavigableMap<Integer, Distribution> whenQueued = new java.util.TreeMap<>();
        boolean ok = true;
        Node table = map.get(WHEN_QUEUED).orElse(null);
        if (table != null) {
            String what = map.what(WHEN_QUEUED);
            if (!(table instanceof MappingNode mapping) || mapping.getValue().isEmpty()) {
                problems.add(table, "expected a mapping from queue length to duration such as { 3: 7ms } for "
                        + what + ", found " + Scalars.describe(table));
                return Optional.empty();
            }
            problems.charge(table, mapping.getValue().size());
            for (NodeTuple tuple : mapping.getValue()) {
                Optional<Long> queued = Scalars.integer(tuple.getKeyNode(), "a queue length in " + what, 1,
                        1_000_000, problems);
                Optional<Distribution> d = distribution(tuple.getValueNode(), what);
                if (queued.isPresent() && whenQueued.containsKey(queued.get().intValue())) {
                    problems.add(tuple.getKeyNode(), "duplicate queue length " + queued.get() + " in " + what);
                    ok = false;
                } else if (queued.isPresent() && d.isPresent()) {
                    whenQueued.put(queued.get().intValue(), d.get());
                } else {
                    ok = false;
                }
            }
        }
        return ok && duration.isPresent() ? Optional.of(new Work.Cpu(duration.get(), whenQueued)) : Optional.empty();
    }

    /// A duration or a distribution of durations (also the `gaps` of an arrival).
    Optional<Distribution> distribution(Node node, String what) {
        if (node instanceof ScalarNode) {
            return Scalars.duration(node, what, problems).map(Distribution.Fixed::new);
        }
        return MapNode.open(node, "the distribution of " + what, DISTRIBUTIONS, problems).flatMap(map ->
                OneOf.pick(map, DISTRIBUTIONS, "a distribution").flatMap(form -> {
                    Node value = map.get(form).orElseThrow();
                    return switch (form) {
                        case "uniform" -> uniform(value, map.what(form));
                        case "empirical" -> empirical(value, map.what(form));
                        case "exponential" -> Scalars.duration(value, map.what(form), problems)
                                .map(mean -> (Distribution) new Distribution.Exponential(mean));
                        case "normal" -> MapNode.open(value, "normal of " + what, List.of("mean", "stddev"), problems)
                                .flatMap(n -> both(n.require("mean", Durations.DURATION_FORM).flatMap(x ->
                                                n.duration("mean")),
                                        n.require("stddev", Durations.DURATION_FORM).flatMap(x -> n.duration("stddev")))
                                        .map(p -> new Distribution.Normal(p[0], p[1])));
                        default -> MapNode.open(value, "lognormal of " + what, List.of("median", "sigma"), problems)
                                .flatMap(n -> {
                                    Optional<Duration> median = n.require("median", Durations.DURATION_FORM)
                                            .flatMap(x -> n.duration("median"));
                                    Optional<Double> sigma = n.require("sigma", "a spread such as 0.5")
                                            .flatMap(x -> n.number("sigma", 0, 10));
                                    return median.isPresent() && sigma.isPresent()
                                            ? Optional.of(new Distribution.LogNormal(median.get(), sigma.get()))
                                            : Optional.empty();
                                });
                    };
                }));
    }

    private Optional<Distribution> uniform(Node node, String what) {
        if (!(node instanceof SequenceNode seq) || seq.getValue().size() != 2) {
            problems.add(node, "expected two durations [min, max] such as [50ms, 150ms] for " + what + ", found "
                    + Scalars.describe(node));
            return Optional.empty();
        }
        Optional<Duration> min = Scalars.duration(seq.getValue().get(0), what, problems);
        Optional<Duration> max = Scalars.duration(seq.getValue().get(1), what, problems);
        if (min.isEmpty() || max.isEmpty()) {
            return Optional.empty();
        }
        if (min.get().compareTo(max.get()) > 0) {
            problems.add(node, "expected min <= max for " + what + ", found min "
                    + Durations.format(min.get().toNanos())
                    + " > max " + Durations.format(max.get().toNanos()));
            return Optional.empty();
        }
        return Optional.of(new Distribution.Uniform(min.get(), max.get()));
    }

    private Optional<Work> downstream(Node node, String what) {
        return MapNode.open(node, what, List.of("slots", "sleep"), problems).flatMap(map -> {
            Optional<Long> slots = map.require("slots", "how many calls the downstream serves at once")
                    .flatMap(x -> map.integer("slots", 1, 100_000));
            Optional<Distribution> sleep = map.require("sleep", "how long the downstream takes per call")
                    .flatMap(n -> distribution(n, map.what("sleep")));
            return slots.isPresent() && sleep.isPresent()
                    ? Optional.of(new Work.Downstream(slots.get().intValue(), sleep.get())) : Optional.empty();
        });
    }

    private Optional<Distribution> empirical(Node node, String what) {
        if (!(node instanceof SequenceNode seq) || seq.getValue().isEmpty() || seq.getValue().size() > MAX_VALUES) {
            problems.add(node, "expected a list of 1 to " + MAX_VALUES + " durations like [3ms, 5ms, 40ms] for "
                    + what + ", found " + Scalars.describe(node));
            return Optional.empty();
        }
        problems.charge(node, seq.getValue().size());
        List<Duration> values = new java.util.ArrayList<>();
        boolean ok = true;
        for (Node item : seq.getValue()) {
            Optional<Duration> value = Scalars.duration(item, what, problems);
            value.ifPresent(values::add);
            ok &= value.isPresent();
        }
        return ok ? Optional.of(new Distribution.Empirical(values)) : Optional.empty();
    }

    private static Optional<Duration[]> both(Optional<Duration> a, Optional<Duration> b) {
        return a.isPresent() && b.isPresent() ? Optional.of(new Duration[] {a.get(), b.get()}) : Optional.empty();
    }

    private Optional<Work> script(Node node, ScriptLanguage language, String what) {
        if (node instanceof ScalarNode scalar) {
            return Scalars.text(node, what, problems).map(source -> {
                int line = scalar.getStartMark().map(m -> m.getLine() + 1).orElse(0);
                // A block scalar (| or >) starts on the line after its indicator.
                boolean block = scalar.getScalarStyle() == ScalarStyle.LITERAL
                        || scalar.getScalarStyle() == ScalarStyle.FOLDED;
                int first = block ? line + 1 : line;
                return new Work.Script(language, source, problems.name() + ":" + first, first);
            });
        }
        return MapNode.open(node, what, List.of("file"), problems)
                .flatMap(map -> map.require("file", "a script file beside the scenario").flatMap(x ->
                        map.text("file").flatMap(file -> scriptFiles.read(file, map.get("file").orElseThrow())
                                .map(source -> new Work.Script(language, source, file, 1)))));
    }
}
