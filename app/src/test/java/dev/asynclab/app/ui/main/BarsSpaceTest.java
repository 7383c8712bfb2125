package dev.asynclab.app.ui.main;

import dev.asynclab.app.AsyncLabApp;
import dev.asynclab.app.ui.teach.PresenterScale;
import dev.asynclab.app.ui.theme.Theme;
import dev.asynclab.app.ui.welcome.RecentFiles;
import javafx.scene.Node;
import javafx.scene.Scene;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/// The window's first frame holds the space the menus and toolbar take once they are built, so the welcome page
/// does not move when they appear: at every presenter step, in both themes.
@ExtendWith(ApplicationExtension.class)
class BarsSpaceTest {

    private final Preferences prefs = Preferences.userRoot().node("asynclab-test-" + System.nanoTime());

    @AfterEach
    void forget() throws BackingStoreException {
        prefs.removeNode();
    }

    @Test
    void theSpaceHeldInTheFirstFrameIsTheBarsHeightAtEveryTextSizeInBothThemes(FxRobot robot) {
        List<String> measured = new ArrayList<>();
        robot.interact(() -> {
            for (Theme theme : Theme.values()) {
                for (double step : PresenterScale.steps()) {
                    PresenterScale presenter = new PresenterScale();
                    while (presenter.scaleProperty().get() < step - 1e-9) {
                        presenter.larger();
                    }
                    while (presenter.scaleProperty().get() > step + 1e-9) {
                        presenter.smaller();
                    }
                    MainView view = new MainView(new MainViewModel(new RecentFiles(prefs), presenter), List::of, v -> { });
                    Scene scene = new Scene(view, 1024, 700);   // never shown: nothing builds the bars but the key below
                    AsyncLabApp.applyTheme(view, theme);
                    view.layout();
                    Node space = view.getTop();
                    assertThat(space.getStyleClass()).as("the first frame's top").contains("bars-space");
                    double held = space.getLayoutBounds().getHeight();
                    double welcomeTop = view.getCenter().getLayoutY();
                    scene.getAccelerators().get(Shortcut.THEME.combination()).run();   // builds the bars
                    view.applyCss();
                    view.layout();
                    assertThat(view.getTop()).isNotSameAs(space);
                    double bars = view.getTop().getLayoutBounds().getHeight();
                    measured.add(theme + " " + step + ": " + held + " held, " + bars + " bars");
                    assertThat(held).as(theme + " at " + step).isCloseTo(bars, within(2.0));
                    assertThat(view.getCenter().getLayoutY()).as("the welcome page's top, " + theme + " at " + step)
                            .isCloseTo(welcomeTop, within(2.0));
                }
            }
        });
        assertThat(measured).hasSize(2 * PresenterScale.steps().size());
    }
}
