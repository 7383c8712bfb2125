package dev.asynclab.app;

import javafx.animation.AnimationTimer;
import javafx.scene.Node;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/// Waits for what a later pulse builds, for the headless UI tests. A control's content (a `TitledPane`'s, a
/// `Tab`'s, a `SplitPane`'s or `ScrollPane`'s items, a `ToolBar`'s buttons, a list's or table's cells) joins the
/// scene graph only when the control's skin is made or laid out, at the next pulse; the main window builds its bars
/// and workspace only after its first layout pulse (`MainView`). On a loaded machine that pulse may come after
/// `robot.interact` and `waitForFxEvents` have returned (they wait for the FX thread's queue, not for a pulse), so a
/// lookup right after an action waits for the node itself. The limits are generous (the machine may be busy); a
/// wait that runs out fails the test with a `TimeoutException`.
///
/// ```java
/// robot.interact(() -> vm.loadScenario(file));
/// Labeled description = FxWait.node(robot, "#caption-description");
/// ```
public final class FxWait {

    private static final long SECONDS = 30;

    private FxWait() {
    }

    /// The first node `query` finds, once there is one.
    public static <T extends Node> T node(FxRobot robot, String query) throws TimeoutException {
        WaitForAsyncUtils.waitFor(SECONDS, TimeUnit.SECONDS, () -> robot.lookup(query).tryQuery().isPresent());
        return robot.lookup(query).query();
    }

    /// Waits until `count` pulses have passed whole (their animation timers, CSS, layout), then for the FX events
    /// they queued: what is drawn, styled or sized "in the pulse after a layout" (charts redrawn, table columns
    /// widened, cells made, the live feed's drains) is done. Counted by an `AnimationTimer`, which also keeps the
    /// pulses coming on an idle scene: its (`count` + 1)th frame starts after the `count`th pulse has ended.
    public static void pulses(FxRobot robot, int count) throws TimeoutException {
        CountDownLatch frames = new CountDownLatch(count + 1);
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                frames.countDown();
            }
        };
        robot.interact(timer::start);
        try {
            if (!frames.await(SECONDS, TimeUnit.SECONDS)) {
                throw new TimeoutException(count + " pulses did not pass in " + SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimeoutException("interrupted waiting for " + count + " pulses");
        } finally {
            robot.interact(timer::stop);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
