package dev.asynclab.app.ui.main;

import dev.asynclab.app.AsyncLabApp;
import dev.asynclab.app.ui.theme.Theme;
import dev.asynclab.app.ui.welcome.FolderScenarioCatalog;
import dev.asynclab.app.ui.welcome.RecentFiles;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

import static dev.asynclab.app.ui.main.MainViewTest.SCENARIOS;
import static org.assertj.core.api.Assertions.assertThat;

/// The teaching parts as a person sees them, headless: the caption panel, a tour with its question,
/// the story of the selected invocation, presenter scaling.
@ExtendWith(ApplicationExtension.class)
class TeachingPanelsTest {

    private final Preferences prefs = Preferences.userRoot().node("asynclab-teach-" + System.nanoTime());
    private MainViewModel vm;
    private MainView view;

    @Start
    void start(Stage stage) {
        vm = new MainViewModel(new RecentFiles(prefs));
        view = new MainView(vm, new FolderScenarioCatalog(List.of(SCENARIOS)), v -> { });
        stage.setScene(new Scene(view, 1280, 800));
        AsyncLabApp.applyTheme(view, Theme.LIGHT);
        stage.show();
    }

    @AfterEach
    void forgetPrefs() throws Exception {
        prefs.removeNode();
    }

    @Test
    void aTourAsksItsQuestionAndSaysWhyAndTheCaptionPanelStays(FxRobot robot) throws Exception {
        robot.interact(() -> {
            assertThat(vm.loadScenario(SCENARIOS.resolve("01-timeout.yaml"))).isTrue();
            vm.showingWelcomeProperty().set(false);
        });
        TitledPane caption = robot.lookup("#caption-panel").query();
        assertThat(caption.getText()).isEqualTo("A timeout");
        assertThat(robot.lookup("#caption-description").queryAs(Label.class).getText())
                .startsWith("Twenty calls to a slow service");

        assertThat(robot.lookup("#tour-button").queryButton().isDisabled()).isFalse();
        robot.interact(() -> view.teaching().startTour());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#tour-caption").tryQuery()
                .map(n -> ((Label) n).getText().startsWith("0.0 ms")).orElse(false));
        robot.clickOn("#tour-next");
        robot.clickOn("#tour-next");
        assertThat(robot.lookup("#tour-question").queryAs(Label.class).getText())
                .isEqualTo("How many of the 20 calls will time out?");
        assertThat(robot.lookup("#tour-next").queryButton().isDisabled()).isTrue();
        assertThat(view.details().storyText()).as("the step's invocation tells its story")
                .startsWith("slow-service #2 arrived at 10.0 ms.");

        robot.clickOn("about half (6 to 14)");
        Label verdict = robot.lookup("#tour-verdict").queryAs(Label.class);
        assertThat(verdict.isVisible()).isTrue();
        assertThat(verdict.getText()).startsWith("Right. The run shows 12: timed_out of slow-service");
        assertThat(robot.lookup("#tour-next").queryButton().isDisabled()).isFalse();
        robot.clickOn("#tour-back");
        assertThat(robot.lookup("#tour-position").queryAs(Label.class).getText()).isEqualTo("Step 2 of 4");
    }

    @Test
    void presenterModeScalesTheWholeWindowsText(FxRobot robot) {
        robot.interact(() -> view.teaching().presenter().larger());
        assertThat(view.getStyle()).isEqualTo("-fx-font-size: 14.95px;");
        Button run = robot.lookup("#run-button").queryButton();
        assertThat(run.getFont().getSize()).isEqualTo(14.95, org.assertj.core.data.Offset.offset(0.01));
        robot.interact(() -> view.teaching().presenter().reset());
        assertThat(view.getStyle()).isEqualTo("-fx-font-size: 13.00px;");
    }
}
