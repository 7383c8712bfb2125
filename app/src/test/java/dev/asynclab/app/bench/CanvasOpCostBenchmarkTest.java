package dev.asynclab.app.bench;

import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/// What a canvas operation costs the renderer: 3,000 of one kind drawn into a 1100x480 canvas, rendered by a
/// snapshot, against the same canvas with none. The timeline's choices rest on these figures: rectangles for
/// grid lines and bar edges, images stamped for markers and hatching (`MarkerSprites`).
///
/// Run: `./mvnw -B -q -pl app -am test -Pbench -Dtest=CanvasOpCostBenchmarkTest
/// -Dsurefire.failIfNoSpecifiedTests=false` then `grep -h '\[bench\]' app/target/surefire-reports/*CanvasOpCostBenchmarkTest-output.txt`.
@Tag("bench")
class CanvasOpCostBenchmarkTest {

    private static final int OPS = 3_000;

    @Test
    void threeThousandOfEachKind() throws Exception {
        FxToolkit.registerPrimaryStage();
        double[] figures = WaitForAsyncUtils.asyncFx(() -> {
            Canvas marker = new Canvas(10, 10);
            marker.getGraphicsContext2D().setFill(Color.RED);
            marker.getGraphicsContext2D().fillPolygon(new double[] {1, 9, 5}, new double[] {1, 1, 9}, 3);
            SnapshotParameters transparent = new SnapshotParameters();
            transparent.setFill(Color.TRANSPARENT);
            Image sprite = marker.snapshot(transparent, null);
            double empty = render(g -> { });
            double rects = render(g -> each((x, y) -> g.fillRect(x, y, 4, 8)));
            double lines = render(g -> {
                g.setStroke(Color.BLUE);
                each((x, y) -> g.strokeLine(x + 0.5, y, x + 0.5, y + 8));
            });
            double polygons = render(g -> each((x, y) -> g.fillPolygon(new double[] {x, x + 8, x + 4},
                    new double[] {y, y, y + 8}, 3)));
            double stamps = render(g -> each((x, y) -> g.drawImage(sprite, x, y)));
            print("empty canvas %.2f ms; above it, per 1,000 ops: fillRect %.2f ms, strokeLine %.2f ms,"
                            + " fillPolygon %.2f ms, drawImage of a 10x10 image %.2f ms", empty,
                    (rects - empty) / 3, (lines - empty) / 3, (polygons - empty) / 3, (stamps - empty) / 3);
            return new double[] {empty, rects, lines, polygons, stamps};
        }).get();
        assertThat(Arrays.stream(figures).min().orElseThrow()).isPositive();
    }

    private interface At {
        void draw(double x, double y);
    }

    private static void each(At op) {
        for (int i = 0; i < OPS; i++) {
            op.draw(i % 1000, (i / 1000) * 20);
        }
    }

    /// Median over 9 renders of the canvas after `ops`, in milliseconds.
    private static double render(Consumer<GraphicsContext> ops) {
        Canvas c = new Canvas(1100, 480);
        GraphicsContext g = c.getGraphicsContext2D();
        double[] t = new double[9];
        for (int r = 0; r < t.length; r++) {
            g.setFill(Color.WHITE);
            g.fillRect(0, 0, 1100, 480);
            g.setFill(Color.GREEN);
            ops.accept(g);
            long begin = System.nanoTime();
            c.snapshot(null, null);
            t[r] = (System.nanoTime() - begin) / 1e6;
        }
        Arrays.sort(t);
        return t[t.length / 2];
    }

    private static void print(String format, Object... args) {
        System.out.println("[bench] " + String.format(Locale.ROOT, format, args));
    }
}
