package dev.asynclab.bench;

import dev.asynclab.engine.AsyncCallbackWrapper;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/// (c) Timeout lateness: 2,000 callbacks that sleep 50 ms under a 10 ms timeout; how long after its deadline
/// (the callback's start + 10 ms) each caller hears TIMED_OUT. Baseline in the same run:
/// `CompletableFuture.orTimeout` on virtual threads.
final class TimeoutLateness {

    private static final int CALLS = 2_000;
    private static final long TIMEOUT_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private TimeoutLateness() {
    }

    public static void main(String[] args) throws Exception {
        measure("warm-up asynclab", false, true);
        measure("warm-up orTimeout", true, true);
        Histogram baseline = measure("orTimeout", true, false);
        print("CompletableFuture.orTimeout", baseline);
        Histogram asyncLab = measure("asynclab", false, false);
        print("Async Lab wrapper", asyncLab);
        double p99 = asyncLab.getValueAtPercentile(99) / 1e6;
        double baselineP99 = baseline.getValueAtPercentile(99) / 1e6;
        System.out.printf(java.util.Locale.ROOT, "[goal] timeout lateness p99: %.3f ms against orTimeout %.3f ms = "
                + "%.2fx (goal at most 2 ms and below orTimeout: %s)%n", p99, baselineP99, p99 / baselineP99,
                p99 <= 2 && p99 < baselineP99 ? "met" : "NOT met");
    }

    private static Histogram measure(String label, boolean baseline, boolean quiet) throws Exception {
        var h = new Histogram(3);
        var done = new CountDownLatch(CALLS);
        var starts = new long[CALLS];
        try (var vt = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < CALLS; i++) {
                int n = i;
                CompletableFuture<?> f;
                if (baseline) {
                    f = CompletableFuture.supplyAsync(() -> {
                        starts[n] = System.nanoTime();
                        sleep();
                        return 1;
                    }, vt).orTimeout(10, TimeUnit.MILLISECONDS);
                    starts[n] = System.nanoTime(); // orTimeout counts from here
                } else {
                    f = new AsyncCallbackWrapper(() -> {
                        starts[n] = System.nanoTime();
                        sleep();
                        return 1;
                    }, "late", Duration.ofNanos(TIMEOUT_NANOS)).executeAsync();
                }
                f.whenComplete((v, e) -> {
                    long late = System.nanoTime() - (starts[n] + TIMEOUT_NANOS);
                    synchronized (h) {
                        h.recordValue(Math.max(0, late));
                    }
                    done.countDown();
                });
                if (i % 100 == 99) {
                    Thread.sleep(5); // arrivals spread over ~100 ms, as a service would see them
                }
            }
            done.await();
        }
        return h;
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void print(String label, Histogram h) {
        System.out.printf("lateness %-28s p50 %7.3f ms  p99 %7.3f ms  max %7.3f ms  (n=%d)%n", label,
                h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(99) / 1e6, h.getMaxValue() / 1e6,
                h.getTotalCount());
    }
}
