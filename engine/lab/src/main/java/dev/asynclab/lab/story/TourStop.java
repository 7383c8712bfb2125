package dev.asynclab.lab.story;

import dev.asynclab.lab.scenario.TourQuestion;
import dev.asynclab.lab.scenario.TourStep;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/// Where a tour step comes in one run, and what its question's answer is in that run.
///
/// @param index     the step's place in the tour, from 0
/// @param step      the step as the scenario declares it
/// @param triggered false when the run never reached it (its event never happened, or the run ended before)
/// @param t         the moment the run pauses for it (nanoseconds since the start)
/// @param seq       the event the pause comes after: the matching event, or the last one before `t`; -1 for
///                  none
/// @param ids       the invocations it concerns, to highlight: the matching call, or those running at `t`
/// @param answer    its question's answer in this run, if it asks one
public record TourStop(int index, TourStep step, boolean triggered, long t, long seq, List<Long> ids,
                       Optional<Answer> answer) {

    public TourStop {
        ids = List.copyOf(ids);
    }

    /// The caption as shown: the step's words after the moment, `150.0 ms — ...`.
    public String caption() {
        return Spoken.moment(t) + " — " + step.caption();
    }

    /// A question's answer in one run.
    ///
    /// @param value the count the run shows
    /// @param right the index of the right choice, empty when none holds the run's count
    /// @param why   the count in words and the author's explanation
    public record Answer(long value, OptionalInt right, String why) {

        /// What to tell a learner who picked choice `chosen` of `question`.
        public String verdict(TourQuestion question, int chosen) {
            if (right.isPresent() && right.getAsInt() == chosen) {
                return "Right. " + why;
            }
            String rightSay = right.isPresent() ? "the answer is '" + question.choices().get(right.getAsInt()).say()
                    + "'" : "none of the choices holds";
            return "Not quite: " + rightSay + ". " + why;
        }
    }
}
