package dev.asynclab.app.ui.timeline;

/// How wide a string is drawn, in pixels: `TextMeasure` for a real font; a test can give a fixed width a
/// character.
@FunctionalInterface
interface TextWidth {

    double of(String text);
}
