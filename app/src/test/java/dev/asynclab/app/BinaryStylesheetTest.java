package dev.asynclab.app;

import dev.asynclab.app.ui.theme.Theme;
import javafx.css.CssParser;
import javafx.css.Rule;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/// The build writes `app.bss` beside `app.css` (app's pom, `Css2Bin`), and JavaFX reads it in place of the CSS: it
/// must say exactly what the CSS says, or the window would look different from its stylesheet.
class BinaryStylesheetTest {

    @Test
    void theBinaryStylesheetBesideAppCssHoldsTheSameRulesAsTheCss() throws IOException {
        URL css = URI.create(Theme.APP_CSS).toURL();
        URL bss = AsyncLabApp.class.getResource("/dev/asynclab/app/app.bss");
        assertThat(bss).as("app.bss, written by the build beside app.css").isNotNull();

        Stylesheet parsed = new CssParser().parse(css);
        Stylesheet binary = Stylesheet.loadBinary(bss);

        assertThat(parsed.getRules()).hasSizeGreaterThan(40);
        assertThat(describe(binary.getRules())).containsExactlyElementsOf(describe(parsed.getRules()));
    }

    /// Each rule as its selectors and declarations (property, value and importance) say it.
    private static List<String> describe(List<Rule> rules) {
        return rules.stream().map(rule -> rule.getSelectors() + " { " + rule.getDeclarations().stream()
                .map(d -> d.getProperty() + ": " + d.getParsedValue() + (d.isImportant() ? " !important" : ""))
                .toList() + " }").toList();
    }
}
