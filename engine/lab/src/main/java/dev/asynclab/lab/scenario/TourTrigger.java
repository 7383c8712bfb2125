package dev.asynclab.lab.scenario;

import dev.asynclab.engine.event.EventType;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/// When a tour step comes: at a moment of the simulated run, or at the first event that matches.
///
/// ```java
/// new TourTrigger.On(EventType.TIMED_OUT, Optional.of("slow-service"), OptionalInt.empty()).describe();
/// // "the first TIMED_OUT of slow-service"
/// ```
public sealed interface TourTrigger {

    /// For messages and tests: `at 150 ms`, `the first TIMED_OUT of slow-service (attempt 2)`.
    String describe();

    /// At `time` after the run started.
    record At(Duration time) implements TourTrigger {
        @Override
        public String describe() {
            return "at " + time.toMillis() + " ms";
        }
    }

    /// At the first event of `type`, of callback or group `name` if given, of attempt `attempt` if given.
    record On(EventType type, Optional<String> name, OptionalInt attempt) implements TourTrigger {

        /// Whether event `e` is one this trigger waits for.
        public boolean matches(dev.asynclab.engine.event.Event e) {
            return e.type() == type && name.map(n -> n.equals(e.name())).orElse(true)
                    && (attempt.isEmpty() || attempt.getAsInt() == e.attempt());
        }

        @Override
        public String describe() {
            return "the first " + type + name.map(n -> " of " + n).orElse("")
                    + (attempt.isPresent() ? " (attempt " + attempt.getAsInt() + ")" : "");
        }
    }
}
