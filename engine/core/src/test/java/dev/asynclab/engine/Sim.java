package dev.asynclab.engine;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventBus;
import dev.asynclab.engine.event.EventType;
import dev.asynclab.engine.spi.SimulatedScheduler;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/// Test harness: a runtime on the simulated clock whose events are collected in a list.
public final class Sim implements AutoCloseable {

    public final SimulatedScheduler clock = new SimulatedScheduler();
    private final List<Event> events = new ArrayList<>();
    public final EventBus bus = EventBus.create(clock::nanoTime, 1 << 12, List.of(events::add));
    public final AsyncCallbackRuntime runtime;

    public Sim() {
        this(42);
    }

    public Sim(long seed) {
        runtime = AsyncCallbackRuntime.builder().scheduler(clock).events(bus).seed(seed).build();
    }

    public static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    public static long nanos(long millis) {
        return millis * 1_000_000L;
    }

    public void run() {
        clock.runUntilIdle();
    }

    /// Every event so far, once the bus has delivered them.
    public List<Event> events() {
        bus.flush();
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    public List<Event> events(EventType type) {
        return events().stream().filter(e -> e.type() == type).toList();
    }

    public List<Event> events(Predicate<Event> p) {
        return events().stream().filter(p).toList();
    }

    /// Terminal events per invocation id.
    public Map<Long, Long> terminalsPerId() {
        return events().stream().filter(Event::isTerminal)
                .collect(Collectors.groupingBy(Event::id, Collectors.counting()));
    }

    @Override
    public void close() {
        bus.close();
    }
}
