package dev.asynclab.app.tuning;

import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/// The Compare view on a headless screen: one run compared with itself shows no difference anywhere.
class CompareViewFxTest {

    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startToolkit() throws Exception {
        TuningStage.prepare();
    }

    @Test
    void aRunComparedWithItselfShowsZeroEverywhere() throws Exception {
        var model = new CompareViewModel();
        FxToolkit.setupSceneRoot(() -> {
            model.load(Scenarios.file(Scenarios.MMC));
            return new CompareView(model).root();
        });
        FxToolkit.showStage();
        robot.interact(() -> robot.lookup("#compare-right-seed").queryAs(TextField.class)
                .setText(robot.lookup("#compare-left-seed").queryAs(TextField.class).getText()));
        assertThat(model.right().spec()).isEqualTo(model.left().spec());

        robot.clickOn("#compare-run");
        WaitForAsyncUtils.waitFor(2, TimeUnit.MINUTES, () -> !model.rows().isEmpty() && !model.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        TableView<ComparisonRow> table = robot.lookup("#compare-table").queryTableView();
        assertThat(table.getItems()).hasSizeGreaterThan(10).allSatisfy(row -> {
            assertThat(row.differenceText()).as(row.measure()).isEqualTo("0");
            assertThat(row.percent()).as(row.measure()).isZero();
        });
        assertThat(table.getItems()).anySatisfy(row -> assertThat(row.left()).isEqualTo(2000));
        assertThat(model.messageProperty().get()).contains("show no difference");
        assertThat(model.cdfData().getSeries(0).getItemCount()).isPositive();
    }
}
