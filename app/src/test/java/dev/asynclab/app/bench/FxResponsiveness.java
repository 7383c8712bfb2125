package dev.asynclab.app.bench;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;

/// How the FX thread is doing: the interval between frames (an `AnimationTimer`), and how long a task posted to
/// the FX thread waits before it runs — the wait a key press or a click sees, since input reaches the FX thread
/// through the same queue. One task is posted every 5 ms from a daemon thread.
final class FxResponsiveness {

    record Figures(int frames, double frameMedian, double frameP95, double frameMax, int inputs, double inputMedian,
                   double inputP99, double inputMax) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "frame interval median %.1f ms, p95 %.1f ms, max %.1f ms over %,d frames;"
                            + " input wait median %.2f ms, p99 %.1f ms, max %.1f ms over %,d probes", frameMedian,
                    frameP95, frameMax, frames, inputMedian, inputP99, inputMax, inputs);
        }
    }

    private final ConcurrentLinkedQueue<Long> frameTimes = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> inputWaits = new ConcurrentLinkedQueue<>();
    private volatile boolean running;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            frameTimes.add(System.nanoTime());
        }
    };

    void start() {
        running = true;
        Platform.runLater(timer::start);
        Thread.ofPlatform().daemon().name("input-probe").start(() -> {
            while (running) {
                long posted = System.nanoTime();
                Platform.runLater(() -> inputWaits.add(System.nanoTime() - posted));
                java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
            }
        });
    }

    void stop() {
        running = false;
        Platform.runLater(timer::stop);
    }

    void reset() {
        frameTimes.clear();
        inputWaits.clear();
    }

    Figures figures() {
        Long[] times = frameTimes.toArray(Long[]::new);
        double[] intervals = new double[Math.max(0, times.length - 1)];
        for (int i = 1; i < times.length; i++) {
            intervals[i - 1] = (times[i] - times[i - 1]) / 1e6;
        }
        double[] waits = inputWaits.stream().mapToDouble(n -> n / 1e6).toArray();
        Arrays.sort(intervals);
        Arrays.sort(waits);
        return new Figures(times.length, at(intervals, 0.5), at(intervals, 0.95), at(intervals, 1.0), waits.length,
                at(waits, 0.5), at(waits, 0.99), at(waits, 1.0));
    }

    private static double at(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * q))];
    }
}
