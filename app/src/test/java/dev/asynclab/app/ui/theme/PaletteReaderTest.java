package dev.asynclab.app.ui.theme;

import dev.asynclab.app.store.Outcome;
import dev.asynclab.app.ui.timeline.OutcomePalette;
import dev.asynclab.app.ui.timeline.PolicyMark;
import dev.asynclab.app.ui.timeline.TimelineColor;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/// The palette comes from the theme's CSS and nowhere else: every token resolves in both themes, the colours
/// are those `app.css` writes, and a token the CSS lacks is an error rather than a colour made up in Java.
class PaletteReaderTest {

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void everyTokenResolvesInBothThemesAndTheThemesDiffer() throws Exception {
        OutcomePalette light = WaitForAsyncUtils.asyncFx(() -> PaletteReader.read(Theme.LIGHT)).get();
        OutcomePalette dark = WaitForAsyncUtils.asyncFx(() -> PaletteReader.read(Theme.DARK)).get();
        assertThat(light.outcome(Outcome.FAILED)).isNotEqualTo(dark.outcome(Outcome.FAILED));
        assertThat(light.background()).isNotEqualTo(dark.background());
        assertThat(light.color(TimelineColor.POOL_LIMIT)).isNotEqualTo(light.color(TimelineColor.OUT_OF_SERVICE));
    }

    @Test
    void theColoursAreThoseAppCssWrites() throws Exception {
        String css;
        try (InputStream in = Theme.class.getResourceAsStream("/dev/asynclab/app/app.css")) {
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, Color> lightTokens = literalColours(block(css, ".root {"));
        Map<String, Color> darkTokens = literalColours(block(css, ".root.dark {"));
        OutcomePalette light = WaitForAsyncUtils.asyncFx(() -> PaletteReader.read(Theme.LIGHT)).get();
        OutcomePalette dark = WaitForAsyncUtils.asyncFx(() -> PaletteReader.read(Theme.DARK)).get();
        for (Outcome o : Outcome.values()) {
            assertThat(light.outcome(o)).as(o.token()).isEqualTo(lightTokens.get(o.token()));
            assertThat(dark.outcome(o)).as(o.token() + " (dark)").isEqualTo(darkTokens.get(o.token()));
        }
        for (PolicyMark m : PolicyMark.values()) {
            assertThat(light.policy(m)).as(m.token()).isEqualTo(lightTokens.get(m.token()));
        }
        assertThat(light.color(TimelineColor.BAR_TEXT)).isEqualTo(lightTokens.get("-timeline-bar-text"));
        assertThat(dark.color(TimelineColor.OUT_OF_SERVICE)).isEqualTo(darkTokens.get("-timeline-out-of-service"));
    }

    @Test
    void aTokenTheCssLacksIsAnErrorNotAColourMadeUpInJava() throws Exception {
        var failure = WaitForAsyncUtils.asyncFx(() -> {
            StackPane bare = new StackPane();
            new Scene(bare); // no app.css: no -outcome-… tokens
            try {
                PaletteReader.read(bare);
                return null;
            } catch (IllegalStateException e) {
                return e;
            }
        }).get();
        assertThat(failure).isNotNull();
        assertThat(failure.getMessage()).contains("-outcome-");
    }

    @Test
    void aPaletteMissingAColourIsRefused() {
        assertThatThrownBy(() -> OutcomePalette.of(token -> token.equals("-timeline-playhead") ? null : Color.BLACK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PLAYHEAD");
    }

    /// The text of the CSS block that starts with `opening`.
    private static String block(String css, String opening) {
        int from = css.indexOf(opening);
        return css.substring(from, css.indexOf('}', from));
    }

    /// The tokens of a block given as a literal colour (`#D55E00`, `rgba(...)`), not as another token.
    private static Map<String, Color> literalColours(String block) {
        Map<String, Color> tokens = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(-[a-z-]+):\\s*(#[0-9A-Fa-f]{6}|rgba\\([^)]*\\))\\s*;").matcher(block);
        while (m.find()) {
            tokens.put(m.group(1), Color.web(m.group(2)));
        }
        return tokens;
    }
}
