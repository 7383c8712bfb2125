package dev.asynclab.app.tuning;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/// Stands in for the FX thread in view model tests without a screen: one thread applies every result, as the FX
/// thread would, and `call` runs a step of the test on it.
final class OneThread implements Executor {

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r ->
            Thread.ofPlatform().daemon(true).name("fx-stand-in").unstarted(r));

    @Override
    public void execute(Runnable command) {
        thread.execute(command);
    }

    <T> T call(Callable<T> step) throws Exception {
        return thread.submit(step).get();
    }
}
