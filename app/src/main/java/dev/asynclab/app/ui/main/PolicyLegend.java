package dev.asynclab.app.ui.main;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

import java.util.List;

/// The legend's entries for the resilience policies: the circuit breaker's band (closed, open, half-open) and
/// the markers of short-circuited, rate-limited and fallback outcomes. Colours come from the theme's
/// `-policy-*` tokens through the `swatch-*` style classes; the symbols repeat the markers' shapes, so the
/// legend reads without telling colours apart.
final class PolicyLegend {

    private PolicyLegend() {
    }

    static List<Node> items() {
        return List.of(swatch("swatch-circuit-closed", "breaker closed"),
                swatch("swatch-circuit-open", "open"),
                swatch("swatch-circuit-half-open", "half-open"),
                swatch("swatch-short-circuit", "short-circuited ⊘"),
                swatch("swatch-rate-limited", "rate-limited ⧗"),
                swatch("swatch-fallback", "fallback □"));
    }

    private static HBox swatch(String styleClass, String text) {
        Region color = new Region();
        color.getStyleClass().addAll("legend-swatch", styleClass);
        HBox item = new HBox(4, color, new Label(text));
        item.setAlignment(Pos.CENTER_LEFT);
        item.getStyleClass().add("policy-legend-item");
        return item;
    }
}
