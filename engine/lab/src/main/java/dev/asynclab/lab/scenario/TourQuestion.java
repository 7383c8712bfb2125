package dev.asynclab.lab.scenario;

import dev.asynclab.lab.metrics.RunSummary;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/// A predict-then-reveal question of a tour step. Its right answer is the choice whose range holds the run's
/// count (`answer`), so it is computed from the run, and stays right whatever the seed. The loader makes sure no
/// two choices overlap, so at most one is right.
///
/// ```java
/// long timedOut = question.answer().of(summary);        // 12
/// int right = question.rightChoice(summary).orElse(-1);  // the index of the choice "6..14"
/// ```
///
/// @param ask     the question
/// @param answer  what the run counts to answer it
/// @param choices 2 to 6 answers, each with the range of counts it stands for
/// @param explain optional words on why, shown with the answer
public record TourQuestion(String ask, TourMeasure answer, List<Choice> choices, Optional<String> explain) {

    public TourQuestion {
        choices = List.copyOf(choices);
    }

    /// One answer: what it says, and the counts it stands for.
    public record Choice(String say, Comparison when) {
    }

    /// The index of the choice the run shows right, or empty when no choice holds the run's count.
    public OptionalInt rightChoice(RunSummary summary) {
        long value = answer.of(summary);
        for (int i = 0; i < choices.size(); i++) {
            if (choices.get(i).when().test(value)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }
}
