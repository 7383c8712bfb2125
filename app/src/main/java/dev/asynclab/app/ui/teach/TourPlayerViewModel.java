package dev.asynclab.app.ui.teach;

import dev.asynclab.engine.event.Event;
import dev.asynclab.lab.metrics.RunSummary;
import dev.asynclab.lab.scenario.Scenario;
import dev.asynclab.lab.scenario.TourQuestion;
import dev.asynclab.lab.story.RunHistory;
import dev.asynclab.lab.story.TourPlan;
import dev.asynclab.lab.story.TourStop;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/// Plays a scenario's tour over one simulated run: each step scrubs the run to its moment, picks out the
/// invocations it concerns and shows its caption; a step with a question holds Next back until the learner has
/// answered, then says whether the answer was right and why (the right answer is computed from the run). Back
/// scrubs back to the step before; Restart goes to the first. Properties only, no Nodes: the view binds to them.
///
/// ```java
/// var tour = TourPlayerViewModel.of(scenario, events, summary, stage);
/// tour.restart();          // step 1 of 4
/// tour.choose(2);          // "Right. The run shows 12: ..."
/// tour.next();
/// ```
public final class TourPlayerViewModel {

    private final List<TourStop> stops;
    private final List<Event> events;
    private final TourStage stage;
    private final IntegerProperty index = new SimpleIntegerProperty(this, "index", -1);
    private final StringProperty position = new SimpleStringProperty(this, "position", "");
    private final StringProperty caption = new SimpleStringProperty(this, "caption", "");
    private final StringProperty question = new SimpleStringProperty(this, "question", "");
    private final ObservableList<String> choices = FXCollections.observableArrayList();
    /// One read-only view, kept: listeners on a fresh wrapper per call would go when it is collected.
    private final ObservableList<String> readOnlyChoices = FXCollections.unmodifiableObservableList(choices);
    private final IntegerProperty chosen = new SimpleIntegerProperty(this, "chosen", -1);
    private final BooleanProperty revealed = new SimpleBooleanProperty(this, "revealed");
    private final StringProperty verdict = new SimpleStringProperty(this, "verdict", "");
    private final BooleanProperty canNext = new SimpleBooleanProperty(this, "canNext");
    private final BooleanProperty canBack = new SimpleBooleanProperty(this, "canBack");

    /// A player for `stops` over `events` (the whole run, in order), showing it on `stage`.
    public TourPlayerViewModel(List<TourStop> stops, List<Event> events, TourStage stage) {
        this.stops = List.copyOf(stops);
        this.events = List.copyOf(events);
        this.stage = stage;
    }

    /// A player for `scenario`'s tour over its run's `events` and `summary`.
    public static TourPlayerViewModel of(Scenario scenario, List<Event> events, RunSummary summary,
                                         TourStage stage) {
        return new TourPlayerViewModel(TourPlan.of(scenario.tour(), RunHistory.of(events), summary), events, stage);
    }

    public boolean isEmpty() {
        return stops.isEmpty();
    }

    /// To the first step.
    public void restart() {
        go(0);
    }

    /// To the next step, once the current one's question (if any) is answered.
    public void next() {
        if (canNext.get()) {
            go(index.get() + 1);
        }
    }

    /// Back to the step before, scrubbing the run back to it.
    public void back() {
        if (canBack.get()) {
            go(index.get() - 1);
        }
    }

    /// The learner picks choice `k` of the current question: the answer is revealed and Next is free.
    public void choose(int k) {
        TourStop stop = current();
        if (stop == null || revealed.get() || stop.step().question().isEmpty()) {
            return;
        }
        TourQuestion q = stop.step().question().get();
        if (k < 0 || k >= q.choices().size()) {
            return;
        }
        chosen.set(k);
        verdict.set(stop.answer().orElseThrow().verdict(q, k));
        revealed.set(true);
        canNext.set(index.get() < stops.size() - 1);
    }

    private TourStop current() {
        int k = index.get();
        return k >= 0 && k < stops.size() ? stops.get(k) : null;
    }

    private void go(int k) {
        if (k < 0 || k >= stops.size()) {
            return;
        }
        TourStop stop = stops.get(k);
        index.set(k);
        position.set("Step " + (k + 1) + " of " + stops.size());
        caption.set(stop.triggered() ? stop.caption() : stop.step().caption() + " (this run never got there)");
        stage.show(eventsThrough(stop.seq()));
        stage.highlight(stop.ids());
        chosen.set(-1);
        verdict.set("");
        revealed.set(false);
        var q = stop.step().question();
        question.set(q.map(TourQuestion::ask).orElse(""));
        choices.setAll(q.map(x -> x.choices().stream().map(TourQuestion.Choice::say).toList()).orElse(List.of()));
        canBack.set(k > 0);
        canNext.set(q.isEmpty() && k < stops.size() - 1);
    }

    /// How many events come up to and including `seq` (the run's events are numbered from 0 in order).
    private int eventsThrough(long seq) {
        int count = 0;
        for (Event e : events) {
            if (e.seq() > seq) {
                break;
            }
            count++;
        }
        return count;
    }

    public ReadOnlyIntegerProperty indexProperty() {
        return index;
    }

    public ReadOnlyStringProperty positionProperty() {
        return position;
    }

    public ReadOnlyStringProperty captionProperty() {
        return caption;
    }

    /// The current step's question, empty when it asks none.
    public ReadOnlyStringProperty questionProperty() {
        return question;
    }

    public ObservableList<String> choices() {
        return readOnlyChoices;
    }

    public ReadOnlyIntegerProperty chosenProperty() {
        return chosen;
    }

    public ReadOnlyBooleanProperty revealedProperty() {
        return revealed;
    }

    /// "Right. ..." or "Not quite: ...", once answered.
    public ReadOnlyStringProperty verdictProperty() {
        return verdict;
    }

    public ReadOnlyBooleanProperty canNextProperty() {
        return canNext;
    }

    public ReadOnlyBooleanProperty canBackProperty() {
        return canBack;
    }
}
