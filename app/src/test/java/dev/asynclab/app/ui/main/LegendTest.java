package dev.asynclab.app.ui.main;

import dev.asynclab.app.AsyncLabApp;
import dev.asynclab.app.FxWait;
import dev.asynclab.app.MainWindowFixture;
import dev.asynclab.app.ui.theme.Theme;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/// The legend's swatches take their colours from the theme's CSS tokens, in light and dark: each one has a size
/// and a fill or an outline, and the "highlighted" one (whose token once named a colour the theme does not have,
/// so it drew nothing) is the colour the timeline draws highlights in.
@ExtendWith(ApplicationExtension.class)
class LegendTest {

    private MainWindowFixture window;

    @Start
    void start(Stage stage) {
        window = MainWindowFixture.show(stage, 1280, 800);
    }

    @AfterEach
    void forget() throws Exception {
        window.forget();
    }

    @Test
    void everySwatchIsDrawnAndTheHighlightOneInTheTimelinesHighlightColour(FxRobot robot) throws Exception {
        robot.interact(() -> window.loadSimulated("06-retry-storm.yaml")); // the workspace, legend and all, shows
        for (Theme theme : Theme.values()) {
            robot.interact(() -> AsyncLabApp.applyTheme(window.view(), theme));
            // The legend is a split pane's item (in the scene once its skin is made); its swatches are sized and
            // styled by the next pulses' layout and CSS, which may come after interact on a loaded machine.
            FxWait.node(robot, "#legend");
            FxWait.pulses(robot, 2);
            List<Region> swatches = robot.lookup("#legend").queryParent().lookupAll(".legend-swatch").stream()
                    .map(Region.class::cast).toList();
            assertThat(swatches).as(theme + ": the legend's swatches").hasSizeGreaterThan(10);
            for (Region swatch : swatches) {
                String what = theme + " " + swatch.getStyleClass();
                assertThat(swatch.getWidth()).as(what + " width").isPositive();
                assertThat(swatch.getHeight()).as(what + " height").isPositive();
                boolean filled = swatch.getBackground() != null && !swatch.getBackground().getFills().isEmpty();
                boolean outlined = swatch.getBorder() != null && !swatch.getBorder().getStrokes().isEmpty();
                assertThat(filled || outlined).as(what + " has a fill or an outline").isTrue();
            }
            Node highlight = robot.lookup("#legend").queryParent().lookup(".swatch-highlight");
            var fills = ((Region) highlight).getBackground().getFills();
            assertThat(fills).as(theme + ": the highlighted swatch is filled").isNotEmpty();
            assertThat((Color) fills.getFirst().getFill()).as(theme + ": in the timeline's highlight colour")
                    .isEqualTo(window.view().palette().highlight());
        }
    }
}
