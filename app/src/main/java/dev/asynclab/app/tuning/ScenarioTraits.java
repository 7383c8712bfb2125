package dev.asynclab.app.tuning;

import dev.asynclab.lab.scenario.CallbackSpec;
import dev.asynclab.lab.scenario.GroupSpec;
import dev.asynclab.lab.scenario.Scenario;
import dev.asynclab.lab.scenario.Step;
import dev.asynclab.lab.scenario.Work;

import java.util.stream.Stream;

/// What the tuning views need to know about a scenario's callbacks.
///
/// ```java
/// boolean cpu = ScenarioTraits.isCpuBound(scenario);
/// ```
public final class ScenarioTraits {

    private ScenarioTraits() {
    }

    /// Every declared callback, group members included, in file order.
    public static Stream<CallbackSpec> callbacks(Scenario scenario) {
        return scenario.steps().stream().flatMap(ScenarioTraits::callbacks);
    }

    private static Stream<CallbackSpec> callbacks(Step step) {
        return switch (step) {
            case CallbackSpec cb -> Stream.of(cb);
            case GroupSpec group -> group.members().stream().flatMap(ScenarioTraits::callbacks);
        };
    }

    /// True when most declared callbacks do CPU work (busy loops) rather than wait.
    public static boolean isCpuBound(Scenario scenario) {
        long cpu = callbacks(scenario).filter(cb -> cb.work() instanceof Work.Cpu).count();
        return cpu * 2 > callbacks(scenario).count();
    }
}
