package dev.asynclab.engine;

import dev.asynclab.engine.spi.SimulatedScheduler;

/// Run in a fresh JVM by `RuntimeBuilderTest`: builds a runtime (on a simulated clock, or with the default when
/// the argument is "default") and prints how many real-clock timer threads are alive.
public final class TimerThreadProbe {

    private TimerThreadProbe() {
    }

    public static void main(String[] args) {
        var builder = AsyncCallbackRuntime.builder();
        if (!(args.length > 0 && args[0].equals("default"))) {
            builder.scheduler(new SimulatedScheduler());
        }
        builder.build();
        long timers = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("asynclab-timer")).count();
        System.out.println("timers=" + timers);
    }
}
