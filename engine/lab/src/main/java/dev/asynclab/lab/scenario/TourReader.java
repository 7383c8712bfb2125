package dev.asynclab.lab.scenario;

import dev.asynclab.engine.event.EventType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/// Reads a scenario's `tour:` list, checking each step against the scenario's callbacks: a trigger names an event
/// type and a declared name, a question counts something an `expect:` block could, and its choices never
/// overlap (so the run decides one right answer).
final class TourReader {

    static final int MAX_STEPS = 20;
    private static final List<String> STEP_KEYS = List.of("at", "on", "caption", "question");
    private static final List<String> ON_KEYS = List.of("event", "name", "attempt");
    private static final List<String> QUESTION_KEYS = List.of("ask", "answer", "choices", "explain");
    private static final List<String> ANSWER_KEYS = List.of("count", "name");
    private static final List<String> CHOICE_KEYS = List.of("say", "when");
    private static final List<String> EVENTS = Arrays.stream(EventType.values())
            .map(t -> t.name().toLowerCase(Locale.ROOT)).toList();

    private final Problems problems;
    private final Set<String> names;

    /// `steps`: the scenario's callbacks and groups, whose names triggers and answers may use.
    TourReader(Problems problems, List<Step> steps) {
        this.problems = problems;
        this.names = new LinkedHashSet<>();
        steps.forEach(this::collect);
    }

    private void collect(Step step) {
        names.add(step.name());
        if (step instanceof GroupSpec g) {
            g.members().forEach(this::collect);
        }
    }

    Tour read(Node node) {
        if (!(node instanceof SequenceNode list)) {
            problems.add(node, "expected a list of tour steps for 'tour', found " + Scalars.describe(node));
            return Tour.NONE;
        }
        if (list.getValue().size() > MAX_STEPS) {
            problems.add(node, "expected at most " + MAX_STEPS + " tour steps, found " + list.getValue().size());
        }
        List<TourStep> steps = new ArrayList<>();
        int index = 1;
        for (Node item : list.getValue()) {
            step(item, "tour step " + index++).ifPresent(steps::add);
        }
        return new Tour(steps);
    }

    private Optional<TourStep> step(Node node, String where) {
        return MapNode.open(node, where, STEP_KEYS, problems).flatMap(map -> {
            Optional<String> caption = map.require("caption", "what the learner should look at").flatMap(
                    x -> map.text("caption"));
            Optional<TourTrigger> trigger = trigger(map, where);
            Optional<TourQuestion> question = map.get("question").flatMap(n -> question(n, "the question of " + where));
            if (caption.isEmpty() || trigger.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new TourStep(trigger.get(), caption.get().strip(), question, map.position()));
        });
    }

    private Optional<TourTrigger> trigger(MapNode map, String where) {
        if (map.has("at") == map.has("on")) {
            map.problems().add(map.node(), (map.has("at") ? "both 'at' and 'on'" : "neither 'at' nor 'on'")
                    + " in " + where + ": expected one trigger, 'at: 150ms' or 'on: { event: timed_out }'");
            return Optional.empty();
        }
        if (map.has("at")) {
            return map.duration("at").map(TourTrigger.At::new);
        }
        return map.get("on").flatMap(n -> MapNode.open(n, "'on' in " + where, ON_KEYS, problems)).flatMap(on -> {
            Optional<EventType> type = on.require("event", "an event type such as timed_out").flatMap(
                    x -> eventType(on));
            Optional<String> name = on.get("name").flatMap(x -> declaredName(on, "name"));
            OptionalInt attempt = on.integer("attempt", 1, 1000).map(a -> OptionalInt.of(a.intValue()))
                    .orElse(OptionalInt.empty());
            return type.map(t -> new TourTrigger.On(t, name, attempt));
        });
    }

    private Optional<EventType> eventType(MapNode on) {
        return on.text("event").flatMap(text -> {
            String lowered = text.toLowerCase(Locale.ROOT);
            if (EVENTS.contains(lowered)) {
                return Optional.of(EventType.valueOf(lowered.toUpperCase(Locale.ROOT)));
            }
            Node node = on.get("event").orElseThrow();
            problems.add(node, Suggestions.closest(lowered, EVENTS)
                    .map(s -> "unknown event type '" + text + "' in " + on.where() + " (did you mean '" + s + "'?)")
                    .orElse("unknown event type '" + text + "' in " + on.where() + "; expected one of: "
                            + String.join(", ", EVENTS)));
            return Optional.empty();
        });
    }

    private Optional<String> declaredName(MapNode map, String key) {
        return map.text(key).flatMap(name -> {
            if (names.contains(name)) {
                return Optional.of(name);
            }
            Node node = map.get(key).orElseThrow();
            problems.add(node, Suggestions.closest(name, names)
                    .map(s -> "no callback or group named '" + name + "' in this scenario for " + map.what(key)
                            + " (did you mean '" + s + "'?)")
                    .orElse("no callback or group named '" + name + "' in this scenario for " + map.what(key)
                            + "; expected one of: " + String.join(", ", names)));
            return Optional.empty();
        });
    }

    private Optional<TourQuestion> question(Node node, String where) {
        return MapNode.open(node, where, QUESTION_KEYS, problems).flatMap(map -> {
            Optional<String> ask = map.require("ask", "the question").flatMap(x -> map.text("ask"));
            Optional<TourMeasure> answer = map.require("answer", "what the run counts, e.g. { count: timed_out }")
                    .flatMap(n -> answer(n, "'answer' in " + where));
            List<TourQuestion.Choice> choices = map.require("choices", "2 to 6 answers, each { say: ..., when: ... }")
                    .map(n -> choices(n, "'choices' in " + where)).orElse(List.of());
            Optional<String> explain = map.text("explain").map(String::strip);
            if (ask.isEmpty() || answer.isEmpty() || choices.size() < 2) {
                return Optional.empty();
            }
            return Optional.of(new TourQuestion(ask.get().strip(), answer.get(), choices, explain));
        });
    }

    private Optional<TourMeasure> answer(Node node, String where) {
        List<String> counts = List.copyOf(Expectation.KEYS.keySet());
        return MapNode.open(node, where, ANSWER_KEYS, problems).flatMap(map -> {
            Optional<String> count = map.require("count", "one of " + String.join(", ", counts))
                    .flatMap(x -> map.text("count")).flatMap(c -> {
                        if (counts.contains(c)) {
                            return Optional.of(c);
                        }
                        problems.add(map.get("count").orElseThrow(), MapNode.unknownKey(c, where, counts)
                                .replaceFirst("unknown key", "unknown count"));
                        return Optional.empty();
                    });
            Optional<String> name = map.get("name").flatMap(x -> declaredName(map, "name"));
            if (count.isPresent() && map.has("name") && !TourMeasure.PER_NAME.containsKey(count.get())) {
                problems.add(map.get("name").orElseThrow(), "'" + count.get() + "' is counted over the whole run, "
                        + "not per name: remove 'name' from " + where);
                return Optional.empty();
            }
            if (map.has("name") && name.isEmpty()) {
                return Optional.empty();
            }
            return count.map(c -> new TourMeasure(c, name));
        });
    }

    private List<TourQuestion.Choice> choices(Node node, String where) {
        if (!(node instanceof SequenceNode list) || list.getValue().size() < 2 || list.getValue().size() > 6) {
            problems.add(node, "expected a list of 2 to 6 choices for " + where + ", found "
                    + (node instanceof SequenceNode l ? l.getValue().size() + " choices" : Scalars.describe(node)));
            return List.of();
        }
        List<TourQuestion.Choice> choices = new ArrayList<>();
        for (int i = 0; i < list.getValue().size(); i++) {
            Node item = list.getValue().get(i);
            int index = i + 1;
            String choiceWhere = "choice " + index + " of " + where;
            MapNode.open(item, choiceWhere, CHOICE_KEYS, problems).ifPresent(map -> {
                Optional<String> say = map.require("say", "the answer as the learner reads it")
                        .flatMap(x -> map.text("say"));
                Optional<Comparison> when = map.require("when", Comparison.FORM).flatMap(n -> comparison(n,
                        map.what("when")));
                if (say.isPresent() && when.isPresent()) {
                    overlap(choices, when.get(), map.get("when").orElseThrow(), index);
                    choices.add(new TourQuestion.Choice(say.get(), when.get()));
                }
            });
        }
        return choices;
    }

    /// Two choices whose ranges share a count could both be right: refused, so the run decides one answer.
    private void overlap(List<TourQuestion.Choice> earlier, Comparison when, Node node, int index) {
        for (int i = 0; i < earlier.size(); i++) {
            Comparison other = earlier.get(i).when();
            if (when.min() <= other.max() && other.min() <= when.max()) {
                problems.add(node, "choice " + index + " ('" + when.text() + "') overlaps choice " + (i + 1) + " ('"
                        + other.text() + "'): both would hold for " + Math.max(when.min(), other.min())
                        + "; expected ranges that do not share a count");
                return;
            }
        }
    }

    private Optional<Comparison> comparison(Node node, String what) {
        String text = node instanceof ScalarNode s ? s.getValue() : "";
        if (!text.isBlank()) {
            try {
                return Optional.of(Comparison.parse(text));
            } catch (IllegalArgumentException e) {
                problems.add(node, e.getMessage() + " for " + what);
                return Optional.empty();
            }
        }
        problems.add(node, "expected " + Comparison.FORM + " for " + what + ", found " + Scalars.describe(node));
        return Optional.empty();
    }
}
