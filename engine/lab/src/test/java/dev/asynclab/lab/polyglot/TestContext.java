package dev.asynclab.lab.polyglot;

import dev.asynclab.engine.AsyncCallback;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/// A real-clock `AsyncCallback.Context` for tests, standing in for the engine: `sleep` is `Thread.sleep`, log lines
/// are kept, and `cancel()` does what a timeout does (interrupts the callback's thread, runs the cancel hooks).
final class TestContext implements AsyncCallback.Context {

    private final String name;
    private final int attempt;
    private final Random random;
    private final boolean simulated;
    private final List<Runnable> onCancel = new CopyOnWriteArrayList<>();
    final List<String> logs = new CopyOnWriteArrayList<>();
    final List<Duration> charged = new CopyOnWriteArrayList<>();
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile Thread worker;
    private volatile boolean cancelled;

    TestContext(String name, int attempt, long seed, boolean simulated) {
        this.name = name;
        this.attempt = attempt;
        this.random = new Random(seed);
        this.simulated = simulated;
    }

    TestContext() {
        this("test", 1, 42, false);
    }

    /// Waits until the callback has registered its cancel hook, i.e. is about to run its script.
    void awaitStarted() throws InterruptedException {
        if (!started.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the callback never started");
        }
    }

    /// What a timeout or cancel does: mark, interrupt the worker, run the hooks.
    void cancel() {
        cancelled = true;
        Thread t = worker;
        if (t != null) {
            t.interrupt();
        }
        onCancel.forEach(Runnable::run);
    }

    @Override
    public long id() {
        return 1;
    }

    @Override
    public int attempt() {
        return attempt;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (!simulated) {
            TimeUnit.NANOSECONDS.sleep(duration.toNanos());
        }
    }

    @Override
    public void sleepIgnoringInterrupt(Duration duration) {
        throw new IllegalStateException("not used by scripts");
    }

    @Override
    public void work(Duration duration) throws InterruptedException {
        sleep(duration);
    }

    @Override
    public void charge(Duration duration) {
        charged.add(duration);
    }

    @Override
    public CompletionStage<Void> delay(Duration duration) {
        return CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(duration.toNanos(),
                TimeUnit.NANOSECONDS));
    }

    @Override
    public synchronized double random() {
        return random.nextDouble();
    }

    @Override
    public void log(String message) {
        logs.add(message);
    }

    @Override
    public void onCancel(Runnable action) {
        worker = Thread.currentThread();
        onCancel.add(action);
        started.countDown();
        if (cancelled) {
            action.run();
        }
    }
}
