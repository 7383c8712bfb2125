package dev.asynclab.lab.story;

import dev.asynclab.engine.event.Event;
import dev.asynclab.engine.event.EventType;
import dev.asynclab.lab.metrics.RunSummary;
import dev.asynclab.lab.scenario.Tour;
import dev.asynclab.lab.scenario.TourQuestion;
import dev.asynclab.lab.scenario.TourStep;
import dev.asynclab.lab.scenario.TourTrigger;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/// Places a tour's steps on one run: where each pauses, what it highlights, and each question's answer as the run
/// shows it. The tour player (and the tests that check every built-in tour) read the same plan.
///
/// ```java
/// List<TourStop> stops = TourPlan.of(scenario.tour(), RunHistory.of(events), summary);
/// stops.forEach(s -> System.out.println(s.caption()));
/// ```
public final class TourPlan {

    private TourPlan() {
    }

    /// The stops of `tour` in the run whose events `history` holds and whose figures `summary` gives, in the
    /// tour's order.
    public static List<TourStop> of(Tour tour, RunHistory history, RunSummary summary) {
        List<TourStop> stops = new ArrayList<>();
        for (int i = 0; i < tour.steps().size(); i++) {
            TourStep step = tour.steps().get(i);
            Optional<TourStop.Answer> answer = step.question().map(q -> answer(q, summary));
            stops.add(switch (step.trigger()) {
                case TourTrigger.At at -> atMoment(i, step, at.time().toNanos(), history, answer);
                case TourTrigger.On on -> atEvent(i, step, on, history, answer);
            });
        }
        return stops;
    }

    private static TourStop atMoment(int index, TourStep step, long t, RunHistory history,
                                     Optional<TourStop.Answer> answer) {
        List<Event> events = history.events();
        long lastT = events.isEmpty() ? -1 : events.getLast().t();
        long seq = -1;
        Set<Long> running = new LinkedHashSet<>();
        for (Event e : events) {
            if (e.t() >= t) {
                break; // the pause comes at the moment itself, before what happens then
            }
            seq = e.seq();
            if (e.type() == EventType.STARTED) {
                running.add(e.id());
            } else if (e.isTerminal()) {
                running.remove(e.id());
            }
        }
        return new TourStop(index, step, t <= lastT, t, seq, List.copyOf(running), answer);
    }

    private static TourStop atEvent(int index, TourStep step, TourTrigger.On on, RunHistory history,
                                    Optional<TourStop.Answer> answer) {
        for (Event e : history.events()) {
            if (on.matches(e)) {
                List<Long> ids = e.id() != 0 ? history.callOf(e.id()) : history.idsInGroup(e.group());
                return new TourStop(index, step, true, e.t(), e.seq(), ids, answer);
            }
        }
        return new TourStop(index, step, false, -1, -1, List.of(), answer);
    }

    private static TourStop.Answer answer(TourQuestion q, RunSummary summary) {
        long value = q.answer().of(summary);
        String why = "The run shows " + value + ": " + q.answer().describe() + "."
                + q.explain().map(x -> " " + x).orElse("");
        return new TourStop.Answer(value, q.rightChoice(summary), why);
    }
}
