package dev.asynclab.lab.scenario;

import dev.asynclab.engine.RetryPolicy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/// Reads the `callbacks:` list and the members of groups: callbacks, `race:`, `parallel:` and `hedge:`.
/// Members run once per run of their group, so they take no `count` or `arrival`.
final class StepReader {

    private static final List<String> CALLBACK_KEYS = java.util.stream.Stream.concat(Stream.of("name", "count",
            "arrival", "work", "fail", "timeout", "retry", "cancel"), ResilienceReader.CALLBACK_KEYS.stream()).toList();
    private static final List<String> REPETITION_KEYS = List.of("count", "arrival");
    private static final List<String> GROUP_KINDS = List.of("race", "parallel", "hedge");
    private static final int MAX_COUNT = 10_000_000;
    /// Far more than anyone writes by hand; reached only through aliases, which could otherwise recurse forever.
    static final int MAX_GROUP_DEPTH = 16;

    private final Problems problems;
    private final Defaults defaults;
    private final WorkReader works;
    private final ResilienceReader policies;

    StepReader(Problems problems, Defaults defaults, WorkReader works, ResilienceReader policies) {
        this.problems = problems;
        this.defaults = defaults;
        this.works = works;
        this.policies = policies;
    }

    List<Step> readList(Node node, String where, boolean members) {
        return readList(node, where, members, 0);
    }

    private List<Step> readList(Node node, String where, boolean members, int depth) {
        if (depth > MAX_GROUP_DEPTH) {
            problems.add(node, "groups nested deeper than " + MAX_GROUP_DEPTH + " levels in " + where
                    + "; expected a shallower nesting (does an alias refer to its own group?)");
            return List.of();
        }
        if (!(node instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            problems.add(node, "expected a list of at least one callback or group for " + where + ", found "
                    + Scalars.describe(node));
            return List.of();
        }
        problems.charge(node, seq.getValue().size());
        List<Step> steps = new ArrayList<>();
        for (Node item : seq.getValue()) {
            read(item, members, depth).ifPresent(steps::add);
        }
        return steps;
    }

    private Optional<Step> read(Node item, boolean member, int depth) {
        Optional<String> kind = groupKind(item);
        return kind.isPresent() ? group(item, kind.get(), member, depth) : callback(item, member);
    }

    private Optional<Step> callback(Node item, boolean member) {
        String where = peekName(item).map(n -> "callback '" + n + "'").orElse("a callback");
        if (member) {
            rejectRepetition(item, where);
        }
        return MapNode.open(item, where, CALLBACK_KEYS, problems).flatMap(map -> {
            Optional<String> name = map.require("name", "a name such as fetch-user").flatMap(x -> map.text("name"));
            Optional<Arrival> arrival = map.get("arrival").flatMap(n -> ArrivalReader.read(n, where, problems, works));
            int count = count(map, arrival);
            Optional<Work> work = map.get("work").flatMap(n -> works.read(n, where));
            Failure fail = map.get("fail").flatMap(n -> PolicyReader.fail(n, where, problems)).orElse(Failure.NONE);
            Duration timeout = map.duration("timeout").orElse(defaults.timeout());
            RetryPolicy retry = map.get("retry").flatMap(n -> PolicyReader.retry(n, where, problems))
                    .orElse(defaults.retry());
            Optional<Duration> cancel = map.get("cancel").flatMap(n -> PolicyReader.cancel(n, where, problems));
            Resilience resilience = policies.forCallback(map);
            if (name.isEmpty() || (map.has("work") && work.isEmpty())) {
                return Optional.empty();
            }
            Work declared = work.orElse(new Work.Sleep(new Distribution.Fixed(Duration.ZERO)));
            return Optional.of(new CallbackSpec(name.get(), count, arrival.orElse(Arrival.IMMEDIATE), declared, fail,
                    timeout, retry, cancel, map.position(), resilience));
        });
    }

    private Optional<Step> group(Node item, String kindKey, boolean member, int depth) {
        MappingNode outer = (MappingNode) item;
        if (outer.getValue().size() > 1) {
            problems.add(item, "a " + kindKey + " entry holds only the key '" + kindKey
                    + "'; expected name, timeout and members indented inside it");
            return Optional.empty();
        }
        Node body = outer.getValue().getFirst().getValueNode();
        String where = kindKey + peekName(body).map(n -> " '" + n + "'").orElse("");
        List<String> keys = new ArrayList<>(List.of("name", "timeout", "members", "count", "arrival"));
        if (member) {
            rejectRepetition(body, where);
        }
        if (kindKey.equals("hedge")) {
            keys.add("delay");
        }
        GroupKind kind = GroupKind.valueOf(kindKey.toUpperCase(Locale.ROOT));
        return MapNode.open(body, where, keys, problems).flatMap(map -> {
            // A group is placed at its `race:` (or `parallel:`, `hedge:`) entry, where the reader sees it begin.
            Position position = new Position(outer.getStartMark().map(m -> m.getLine() + 1).orElse(0),
                    outer.getStartMark().map(m -> m.getColumn() + 1).orElse(0));
            String name = map.text("name").orElse(kindKey + "@" + position.line());
            Optional<Arrival> arrival = map.get("arrival").flatMap(n -> ArrivalReader.read(n, where, problems, works));
            int count = count(map, arrival);
            Duration timeout = map.duration("timeout").orElse(Duration.ZERO);
            Duration delay = kind == GroupKind.HEDGE
                    ? map.require("delay", "the wait before each next member starts").flatMap(x ->
                    map.duration("delay")).orElse(Duration.ZERO)
                    : Duration.ZERO;
            List<Step> members = map.require("members", "a list of callbacks or groups")
                    .map(n -> readList(n, "members of " + where, true, depth + 1)).orElse(List.of());
            if (members.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new GroupSpec(kind, name, count, arrival.orElse(Arrival.IMMEDIATE), timeout, delay,
                    members, position));
        });
    }

    /// `count`, which an `at:` list of offsets gives when it is not written out.
    private int count(MapNode map, Optional<Arrival> arrival) {
        Optional<Long> count = map.integer("count", 1, MAX_COUNT);
        if (arrival.orElse(null) instanceof Arrival.At at) {
            if (map.has("count") && count.isPresent() && count.get() != at.offsets().size()) {
                problems.add(map.get("count").orElseThrow(), "count " + count.get() + " in " + map.where()
                        + " does not match the " + at.offsets().size() + " offsets of its 'at' arrival; "
                        + "expected the same number, or no count");
            }
            return at.offsets().size();
        }
        return count.orElse(1L).intValue();
    }

    /// A member runs once per run of its group: `count` and `arrival` belong to the group.
    private void rejectRepetition(Node item, String where) {
        if (item instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key && REPETITION_KEYS.contains(key.getValue())) {
                    problems.add(key, "'" + key.getValue() + "' is not allowed in " + where + ", a group member: "
                            + "it runs once per run of its group; expected it on the outermost group instead");
                }
            }
        }
    }

    private static Optional<String> groupKind(Node item) {
        if (item instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key && GROUP_KINDS.contains(key.getValue())) {
                    return Optional.of(key.getValue());
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> peekName(Node node) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals("name")
                        && tuple.getValueNode() instanceof ScalarNode value && !value.getValue().isBlank()) {
                    return Optional.of(value.getValue());
                }
            }
        }
        return Optional.empty();
    }
}
