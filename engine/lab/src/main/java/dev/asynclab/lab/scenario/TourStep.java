package dev.asynclab.lab.scenario;

import java.util.Optional;

/// One stop of a [Tour]: when it comes, what it says, and perhaps a question.
///
/// @param trigger  when the run pauses for it
/// @param caption  what to look at, in plain words
/// @param question asked before the run goes on, with its answer computed from the run
/// @param position where it is declared in the scenario file
public record TourStep(TourTrigger trigger, String caption, Optional<TourQuestion> question, Position position) {
}
