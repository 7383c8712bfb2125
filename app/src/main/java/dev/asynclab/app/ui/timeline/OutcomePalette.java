package dev.asynclab.app.ui.timeline;

import dev.asynclab.app.store.Outcome;
import javafx.scene.paint.Color;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/// The colours the timeline, charts and legend draw with: one per outcome, per `TimelineColor` and per
/// `PolicyMark`, each read from its theme token (`PaletteReader`). Colours live only in the CSS; this record
/// holds what a theme said, complete (a missing colour is refused here rather than drawn as nothing).
///
/// ```java
/// OutcomePalette p = PaletteReader.read(scene.getRoot());
/// Color failed = p.outcome(Outcome.FAILED);
/// Color open = p.policy(PolicyMark.CIRCUIT_OPEN);
/// ```
public record OutcomePalette(Map<Outcome, Color> outcomes, Map<TimelineColor, Color> colors,
                             Map<PolicyMark, Color> policies) {

    public OutcomePalette {
        requireAll(outcomes, EnumSet.allOf(Outcome.class), "outcome");
        requireAll(colors, EnumSet.allOf(TimelineColor.class), "timeline colour");
        requireAll(policies, EnumSet.allOf(PolicyMark.class), "policy colour");
        outcomes = Map.copyOf(outcomes);
        colors = Map.copyOf(colors);
        policies = Map.copyOf(policies);
    }

    private static <K> void requireAll(Map<K, Color> given, Set<K> keys, String what) {
        for (K key : keys) {
            if (given.get(key) == null) {
                throw new IllegalArgumentException("the palette has no " + what + " for " + key);
            }
        }
    }

    public Color outcome(Outcome o) {
        return outcomes.get(o);
    }

    public Color policy(PolicyMark mark) {
        return policies.get(mark);
    }

    public Color color(TimelineColor c) {
        return colors.get(c);
    }

    public Color background() {
        return colors.get(TimelineColor.BACKGROUND);
    }

    public Color laneStripe() {
        return colors.get(TimelineColor.STRIPE);
    }

    public Color text() {
        return colors.get(TimelineColor.TEXT);
    }

    public Color grid() {
        return colors.get(TimelineColor.GRID);
    }

    public Color accent() {
        return colors.get(TimelineColor.ACCENT);
    }

    public Color highlight() {
        return colors.get(TimelineColor.HIGHLIGHT);
    }

    /// A palette of one colour per key, from the three token lists (`PaletteReader` resolves each token).
    public static OutcomePalette of(java.util.function.Function<String, Color> resolve) {
        Map<Outcome, Color> outcomes = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            outcomes.put(o, resolve.apply(o.token()));
        }
        Map<TimelineColor, Color> colors = new EnumMap<>(TimelineColor.class);
        for (TimelineColor c : TimelineColor.values()) {
            colors.put(c, resolve.apply(c.token()));
        }
        Map<PolicyMark, Color> policies = new EnumMap<>(PolicyMark.class);
        for (PolicyMark m : PolicyMark.values()) {
            policies.put(m, resolve.apply(m.token()));
        }
        return new OutcomePalette(outcomes, colors, policies);
    }
}
