package dev.asynclab.app.ui.timeline;

import dev.asynclab.app.store.Outcome;
import dev.asynclab.app.ui.theme.PaletteReader;
import dev.asynclab.app.ui.theme.Theme;
import dev.asynclab.engine.event.EventType;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelReader;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

class MarkerSpritesTest {

    private static OutcomePalette PALETTE;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        PALETTE = onFx(() -> PaletteReader.read(Theme.LIGHT));
    }

    @Test
    void aStampedTimeoutIsADownwardTriangleInTheTimeoutColorBelowItsAnchor() throws Exception {
        PixelReader px = onFx(() -> {
            Canvas c = blank();
            new MarkerSprites().stamp(c.getGraphicsContext2D(), EventType.TIMED_OUT, 50, 20, 8, PALETTE);
            return c.snapshot(null, null).getPixelReader();
        });
        Color timeout = PALETTE.outcome(Outcome.TIMED_OUT).darker();
        // Wide at the top, a point at the bottom: the anchor is the middle of the top edge.
        assertThat(close(px.getColor(50, 21), timeout)).isTrue();
        assertThat(close(px.getColor(48, 21), timeout)).isTrue();
        assertThat(close(px.getColor(52, 21), timeout)).isTrue();
        assertThat(close(px.getColor(47, 27), Color.WHITE)).isTrue();
        assertThat(close(px.getColor(50, 17), Color.WHITE)).isTrue();
        assertThat(close(px.getColor(50, 31), Color.WHITE)).isTrue();
        assertThat(inked(px, 0, 0, 100, 60)).isBetween(20, 60);
    }

    @Test
    void everyMarkerKindLeavesInkAndTheOtherEventTypesNone() throws Exception {
        for (EventType type : EventType.values()) {
            int ink = onFx(() -> {
                Canvas c = blank();
                new MarkerSprites().stamp(c.getGraphicsContext2D(), type, 50, 20, 8, PALETTE);
                return inked(c.snapshot(null, null).getPixelReader(), 0, 0, 100, 60);
            });
            boolean marker = type == EventType.TIMED_OUT || type == EventType.CANCELLED
                    || type == EventType.REJECTED || type == EventType.RETRY_SCHEDULED
                    // the resilience policies' markers: short-circuited, rate-limited, fallback
                    || type == EventType.CIRCUIT_OPENED || type == EventType.RATE_LIMITED
                    || type == EventType.FALLBACK_USED;
            assertThat(ink).as(type.name()).matches(n -> marker ? n > 5 : n == 0);
        }
    }

    @Test
    void twoSizesInTurnAreEachDrawnOnceNotRedrawnAtEveryChange() throws Exception {
        int cached = onFx(() -> {
            Canvas c = blank();
            MarkerSprites sprites = new MarkerSprites();
            for (int i = 0; i < 50; i++) {
                // The queue lane stamps 8 px markers, crowded worker lanes 4 px ones, in turn.
                sprites.stamp(c.getGraphicsContext2D(), EventType.TIMED_OUT, 20 + i, 10, 8, PALETTE);
                sprites.stamp(c.getGraphicsContext2D(), EventType.TIMED_OUT, 20 + i, 30, 4, PALETTE);
                sprites.stamp(c.getGraphicsContext2D(), EventType.STARTED, 20 + i, 30, 4, PALETTE);
            }
            return sprites.cached();
        });
        assertThat(cached).isEqualTo(2);
    }

    @Test
    void hatchingLaysBackgroundDiagonalsOverAWideBarAndStaysInsideIt() throws Exception {
        PixelReader px = onFx(() -> {
            Canvas c = blank();
            GraphicsContext g = c.getGraphicsContext2D();
            g.setFill(PALETTE.outcome(Outcome.FAILED));
            g.fillRect(10, 10, 700, 20); // wider than one hatch strip
            new MarkerSprites().hatch(g, 10, 10, 700, 20, PALETTE);
            return c.snapshot(null, null).getPixelReader();
        });
        int light = 0;
        for (int x = 10; x < 710; x++) {
            if (close(px.getColor(x, 20), Color.WHITE)) {
                light++;
            }
        }
        // One diagonal every 6 pixels crosses the middle row: about 700 / 6 of them, past the first strip too.
        assertThat(light).isBetween(90, 240);
        assertThat(inked(px, 640, 10, 709, 30)).isGreaterThan(69 * 20 * 3 / 4); // the bar shows between them
        assertThat(close(px.getColor(720, 20), Color.WHITE)).isTrue();
        assertThat(close(px.getColor(300, 5), Color.WHITE)).isTrue();
    }

    private static Canvas blank() {
        Canvas c = new Canvas(800, 60);
        c.getGraphicsContext2D().setFill(Color.WHITE);
        c.getGraphicsContext2D().fillRect(0, 0, 800, 60);
        return c;
    }

    private static int inked(PixelReader px, int x0, int y0, int x1, int y1) {
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if (!close(px.getColor(x, y), Color.WHITE)) {
                    n++;
                }
            }
        }
        return n;
    }

    private static boolean close(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) < 0.12 && Math.abs(a.getGreen() - b.getGreen()) < 0.12
                && Math.abs(a.getBlue() - b.getBlue()) < 0.12;
    }

    private static <T> T onFx(Callable<T> task) throws Exception {
        return WaitForAsyncUtils.asyncFx(task).get();
    }
}
