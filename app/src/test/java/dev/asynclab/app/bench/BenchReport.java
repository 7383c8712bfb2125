package dev.asynclab.app.bench;

import dev.asynclab.app.ui.timeline.TimelineView;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

/// What the app's benchmarks share: running a step on the FX thread, medians, and the `[bench]` line that
/// carries each figure with the machine's load average (on a shared 2-core machine it explains the spread).
final class BenchReport {

    private BenchReport() {
    }

    static <T> T onFx(Callable<T> task) throws Exception {
        return WaitForAsyncUtils.asyncFx(task).get();
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /// Redraws `view` once per slot of `millis` and records how long each redraw took, in milliseconds. Call on
    /// the FX thread.
    static void timeRedraws(TimelineView view, double[] millis) {
        for (int i = 0; i < millis.length; i++) {
            long begin = System.nanoTime();
            view.redraw();
            millis[i] = (System.nanoTime() - begin) / 1e6;
        }
    }

    /// The runs, rounded, as the bench line lists them.
    static String round(double[] values) {
        return Arrays.toString(Arrays.stream(values).mapToLong(Math::round).toArray());
    }

    static void print(String format, Object... args) {
        System.out.println("[bench] " + String.format(Locale.ROOT, format, args) + " [load average " + load() + "]");
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
