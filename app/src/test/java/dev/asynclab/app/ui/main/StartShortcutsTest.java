package dev.asynclab.app.ui.main;

import dev.asynclab.app.ui.welcome.RecentFiles;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.StackPane;
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

/// A menu shortcut pressed before the menu bar is built (the window's first frame shows the welcome page alone)
/// still does what its menu item does.
@ExtendWith(ApplicationExtension.class)
class StartShortcutsTest {

    private final Preferences prefs = Preferences.userRoot().node("asynclab-test-" + System.nanoTime());

    @AfterEach
    void forget() throws BackingStoreException {
        prefs.removeNode();
    }

    @Test
    void aCombinationBuildsTheMenusOnlyWhenPressedAndFiresTheEnabledItemNamingIt(FxRobot robot) {
        List<String> fired = new ArrayList<>();
        int[] built = {0};
        robot.interact(() -> {
            MenuItem run = item("RUN", fired);
            MenuItem stop = item("STOP", fired);
            stop.setDisable(true);
            Scene scene = new Scene(new StackPane());
            StartShortcuts.install(scene, () -> {
                built[0]++;
                return List.of(new Menu("Run", null, run, stop));
            });
            assertThat(built[0]).as("menus asked for before a key").isZero();
            assertThat(scene.getAccelerators()).containsKeys(Shortcut.RUN.combination(), Shortcut.THEME.combination());
            scene.getAccelerators().get(Shortcut.RUN.combination()).run();
            scene.getAccelerators().get(Shortcut.STOP.combination()).run();   // disabled: nothing
            scene.getAccelerators().get(Shortcut.THEME.combination()).run();  // no such item here: nothing
        });
        assertThat(fired).containsExactly("RUN");
        assertThat(built[0]).isEqualTo(3);
    }

    @Test
    void theThemeShortcutWorksInAMainViewWhoseBarsAreNotBuiltYet(FxRobot robot) {
        int[] toggles = {0};
        robot.interact(() -> {
            MainView view = new MainView(new MainViewModel(new RecentFiles(prefs)), List::of, v -> toggles[0]++);
            Scene scene = new Scene(view, 800, 600);   // never shown: no layout pulse builds the bars
            assertThat(view.getTop().getStyleClass()).as("the bars' space before the first frame").contains("bars-space");
            scene.getAccelerators().get(Shortcut.THEME.combination()).run();
            assertThat(view.getTop().getStyleClass()).as("the bars, built for the key").doesNotContain("bars-space");
        });
        assertThat(toggles[0]).isEqualTo(1);
    }

    private static MenuItem item(String shortcut, List<String> fired) {
        MenuItem item = new MenuItem(shortcut);
        item.setUserData(shortcut);
        item.setOnAction(e -> fired.add(shortcut));
        return item;
    }
}
