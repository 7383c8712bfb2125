package dev.asynclab.app.ui.timeline;

import javafx.scene.text.Font;
import javafx.scene.text.Text;

import java.util.HashMap;
import java.util.Map;

/// Text widths in one font, for fitting labels into bars and the lane gutter every frame: each character's
/// advance is measured once (with a `Text` node, the way the canvas will draw it) and a string's width is the sum
/// of its characters' — JavaFX lays text out without kerning, so the sum is what is drawn. Measuring a `Text` per
/// label per frame would cost more than drawing the bars.
///
/// ```java
/// TextMeasure m = new TextMeasure(Font.font(11));
/// double w = m.of("fetch-user #2");
/// ```
final class TextMeasure implements TextWidth {

    private final Font font;
    private final Text probe = new Text();
    private final double[] ascii = new double[128];
    private final Map<Character, Double> others = new HashMap<>();
    private final double lineHeight;

    TextMeasure(Font font) {
        this.font = font;
        probe.setFont(font);
        for (char c = 32; c < 127; c++) {
            ascii[c] = measure(String.valueOf(c));
        }
        probe.setText("Hg");
        lineHeight = probe.getLayoutBounds().getHeight();
    }

    Font font() {
        return font;
    }

    /// The height of a line of text: what a lane must have to write in its bars.
    double lineHeight() {
        return lineHeight;
    }

    @Override
    public double of(String text) {
        double w = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            w += c >= 32 && c < 127 ? ascii[c] : others.computeIfAbsent(c, k -> measure(String.valueOf(k)));
        }
        return w;
    }

    private double measure(String s) {
        probe.setText(s);
        return probe.getLayoutBounds().getWidth();
    }
}
