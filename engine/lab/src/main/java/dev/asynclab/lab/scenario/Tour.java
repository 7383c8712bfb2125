package dev.asynclab.lab.scenario;

import java.util.List;

/// A guided walk through a run: steps that pause it at a moment or at an event, say what to look at, and may ask
/// the learner to predict what the run will show before it shows it. The right answer of a question is computed
/// from the run (see [TourQuestion]), never written by hand.
///
/// ```java
/// for (TourStep step : scenario.tour().steps()) {
///     System.out.println(step.trigger().describe() + ": " + step.caption());
/// }
/// ```
public record Tour(List<TourStep> steps) {

    /// No tour.
    public static final Tour NONE = new Tour(List.of());

    public Tour {
        steps = List.copyOf(steps);
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }
}
