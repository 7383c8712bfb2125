package dev.asynclab.bench;

import dev.asynclab.engine.AsyncCallbackWrapper;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/// (c) Timeout lateness: 2,000 callbacks that sleep 50 ms under a 10 ms timeout; how long after its deadline each
/// caller hears TIMED_OUT (its future's `whenComplete` runs). The deadline is where each timer counts from: for Async
/// Lab the callback's start + 10 ms, for the baseline in the same run, `CompletableFuture.orTimeout` on virtual
/// threads, the moment `orTimeout` armed its timer + 10 ms. Async Lab also stops the timed-out work: how long after
/// the deadline each sleeper got its interrupt is printed too (`orTimeout` never stops the work).
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
        Histogram stops = new Histogram(3);
        Histogram asyncLab = measure("asynclab", false, false, stops);
        print("Async Lab wrapper", asyncLab);
        System.out.printf("interrupt %-27s p50 %7.3f ms  p99 %7.3f ms  max %7.3f ms  (n=%d)%n",
                "Async Lab (work stopped)", stops.getValueAtPercentile(50) / 1e6, stops.getValueAtPercentile(99) / 1e6,
                stops.getMaxValue() / 1e6, stops.getTotalCount());
        double p99 = asyncLab.getValueAtPercentile(99) / 1e6;
        double baselineP99 = baseline.getValueAtPercentile(99) / 1e6;
        System.out.printf(java.util.Locale.ROOT, "[goal] timeout lateness p99: %.3f ms against orTimeout %.3f ms = "
                + "%.2fx (goal at most 2 ms and below orTimeout: %s)%n", p99, baselineP99, p99 / baselineP99,
                p99 <= 2 && p99 < baselineP99 ? "met" : "NOT met");
    }

    private static Histogram measure(String label, boolean baseline, boolean quiet) throws Exception {
        return measure(label, baseline, quiet, new Histogram(3));
    }

    /// Lateness of the callers' futures; `stops` gets, for Async Lab, how late each sleeper was interrupted.
    private static Histogram measure(String label, boolean baseline, boolean quiet, Histogram stops)
            throws Exception {
        var h = new Histogram(3);
        var done = new CountDownLatch(CALLS);
        var stopped = new CountDownLatch(baseline ? 0 : CALLS);
        var starts = new long[CALLS];
        var stopAt = new long[CALLS]; // a plain store in the interrupted callback: no lock, no work to compete
        try (var vt = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < CALLS; i++) {
                int n = i;
                CompletableFuture<?> f;
                if (baseline) {
                    // The callback must not write the start: when its thread starts after orTimeout armed the timer
                    // (most of a burst does), that later start would hide the timer's lateness.
                    f = CompletableFuture.supplyAsync(() -> {
                        sleep();
                        return 1;
                    }, vt).orTimeout(10, TimeUnit.MILLISECONDS);
                    starts[n] = System.nanoTime(); // orTimeout counts from just before here
                } else {
                    f = new AsyncCallbackWrapper(() -> {
                        starts[n] = System.nanoTime(); // the engine counts from just before here
                        try {
                            Thread.sleep(50);
                        } catch (InterruptedException e) {
                            stopAt[n] = System.nanoTime();
                            Thread.currentThread().interrupt();
                        } finally {
                            stopped.countDown();
                        }
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
            stopped.await();
        }
        for (int i = 0; !baseline && i < CALLS; i++) {
            if (stopAt[i] != 0) {
                stops.recordValue(Math.max(0, stopAt[i] - (starts[i] + TIMEOUT_NANOS)));
            }
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
