package dev.asynclab.app.ui.format;

import javafx.scene.control.Spinner;
import javafx.util.StringConverter;

import java.util.function.Function;

/// The text of an editable spinner: what a typed entry that is not a number does.
///
/// A `Spinner` commits its editor's text through its value factory's converter, on the FX thread, when Enter is
/// pressed or the spinner loses focus, and JavaFX's own number converters throw on text they cannot parse ("abc",
/// "1,5"): the exception went to the FX thread's handler, a stack trace on the console, and the entry stayed. With
/// this converter a text that does not parse leaves the spinner at the value it had, shown again as that value;
/// values are shown as the value factory's own converter showed them (a `DoubleSpinnerValueFactory` shows 1.0 as
/// "1").
///
/// ```java
/// spinner.getValueFactory().setConverter(SpinnerText.keepingValueOnBadText(spinner, Integer::valueOf));
/// ```
public final class SpinnerText {

    private SpinnerText() {
    }

    /// A converter for `spinner` (whose value factory is set) that reads a number with `parse` (the text trimmed)
    /// and, when it throws `NumberFormatException` or the text is blank, answers the spinner's current value; it
    /// shows values as the value factory's converter did.
    public static <T> StringConverter<T> keepingValueOnBadText(Spinner<T> spinner, Function<String, T> parse) {
        StringConverter<T> shown = spinner.getValueFactory().getConverter();
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : shown == null ? value.toString() : shown.toString(value);
            }

            @Override
            public T fromString(String text) {
                if (text == null || text.isBlank()) {
                    return spinner.getValue();
                }
                try {
                    return parse.apply(text.trim());
                } catch (NumberFormatException e) {
                    return spinner.getValue();
                }
            }
        };
    }
}
