package dev.asynclab.app.ui.main;

import dev.asynclab.app.store.EventStore;
import dev.asynclab.app.ui.teach.CaptionPanelView;
import dev.asynclab.app.ui.teach.CaptionPanelViewModel;
import dev.asynclab.app.ui.teach.PresenterScale;
import dev.asynclab.app.ui.teach.StoryViewModel;
import dev.asynclab.app.ui.teach.TourPlayerView;
import dev.asynclab.app.ui.teach.TourPlayerViewModel;
import dev.asynclab.app.ui.teach.TourStage;
import dev.asynclab.engine.event.Event;
import dev.asynclab.lab.metrics.RunSummary;
import dev.asynclab.lab.scenario.ClockMode;
import dev.asynclab.lab.scenario.RunOptions;
import dev.asynclab.lab.scenario.Scenario;
import dev.asynclab.lab.scenario.ScenarioRunner;
import dev.asynclab.lab.scenario.ScenarioScripts;
import dev.asynclab.lab.story.RunHistory;
import dev.asynclab.lab.story.StepCaption;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/// The teaching parts of the main window, kept out of `MainView`: the caption panel over the timeline, the tour
/// player beside it, the story of the selected invocation, the caption of a replay step, and presenter scaling.
/// `MainView` places the nodes this gives; the state lives in the view models of `ui.teach`.
final class TeachingPanels {

    private final MainViewModel vm;
    private final CaptionPanelViewModel caption = new CaptionPanelViewModel();
    private final StoryViewModel story = new StoryViewModel();
    private final PresenterScale presenter = new PresenterScale();
    private final VBox tourBox = new VBox();
    private final BooleanProperty touring = new SimpleBooleanProperty(this, "touring");
    private final Label stepCaption = new Label();
    private List<Event> storeEvents = List.of();
    private EventStore storeEventsOf;
    private long storeEventsVersion = -1;

    TeachingPanels(MainViewModel vm) {
        this.vm = vm;
        caption.show(vm.scenarioProperty().get());
        vm.scenarioProperty().addListener((o, a, b) -> {
            caption.show(b);
            touring.set(false);
        });
        vm.runningProperty().addListener((o, a, b) -> {
            if (b) {
                touring.set(false);
            }
        });
        tourBox.setId("tour-box");
        tourBox.visibleProperty().bind(touring);
        tourBox.managedProperty().bind(touring);
        stepCaption.setId("replay-step-caption");
        stepCaption.getStyleClass().add("replay-step-caption");
        stepCaption.setWrapText(true);
        vm.replay().positionProperty().addListener((o, a, b) -> captionStep());
        vm.replay().playingProperty().addListener((o, a, b) -> captionStep());
    }

    /// The foldable title and description of the scenario, for the top of the workspace.
    Node captionPanel() {
        return CaptionPanelView.load(caption).root();
    }

    /// The right-hand side: the tour player (while a tour plays) over the details panel.
    Node side(Region details) {
        // The tour scrolls when its step says more than the column holds; details take what is left.
        var tourScroll = new javafx.scene.control.ScrollPane(tourBox);
        tourScroll.setFitToWidth(true);
        tourScroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        tourScroll.setPrefViewportHeight(420); // a scroll pane asks for its viewport, not for its content
        tourScroll.setMinHeight(320);
        tourScroll.visibleProperty().bind(touring);
        tourScroll.managedProperty().bind(touring);
        VBox side = new VBox(tourScroll, details);
        VBox.setVgrow(tourScroll, javafx.scene.layout.Priority.SOMETIMES);
        VBox.setVgrow(details, javafx.scene.layout.Priority.ALWAYS);
        details.setMinHeight(120);
        side.setPrefWidth(details.getPrefWidth());
        return side;
    }

    /// The plain-words caption of the replay's current event, for the replay bar.
    Label replayCaption() {
        return stepCaption;
    }

    /// The story of the invocation in `slot` of the store, for the details panel ("" for none).
    String storyOf(int slot) {
        EventStore store = vm.storeProperty().get();
        story.tell(eventsOf(store), slot < 0 ? -1 : store.invocations().id(slot));
        return story.textProperty().get();
    }

    PresenterScale presenter() {
        return presenter;
    }

    BooleanProperty touringProperty() {
        return touring;
    }

    /// Plays the open scenario's tour: runs it on the simulated clock (off the FX thread), then steps through it
    /// on the timeline, as a replay of that run.
    void startTour() {
        Scenario scenario = vm.scenarioProperty().get();
        if (scenario == null || scenario.tour().isEmpty() || vm.runningProperty().get()) {
            return;
        }
        vm.replay().close();
        vm.showingWelcomeProperty().set(false);
        vm.titleProperty().set(scenario.name() + " — tour");
        Thread.ofVirtual().name("tour-run").start(() -> {
            List<Event> events = new ArrayList<>();
            try {
                RunSummary summary = ScenarioRunner.start(scenario, RunOptions.DEFAULTS.withClock(ClockMode.SIMULATED),
                        List.of(events::add), ScenarioScripts.shared()).await(Duration.ofMinutes(5));
                Platform.runLater(() -> play(scenario, events, summary));
            } catch (Exception e) {
                Platform.runLater(() -> vm.errorProperty().set("The tour's run failed: " + e.getMessage()));
            }
        });
    }

    private void play(Scenario scenario, List<Event> events, RunSummary summary) {
        TourPlayerViewModel player = TourPlayerViewModel.of(scenario, events, summary, new TimelineStage(events));
        tourBox.getChildren().setAll(TourPlayerView.load(player).root());
        touring.set(true);
        player.restart();
    }

    /// The tour's run shown on the main timeline: the store holds the events up to the step, the first
    /// invocation the step concerns is selected (so the details panel tells its story).
    private final class TimelineStage implements TourStage {
        private final List<Event> events;

        TimelineStage(List<Event> events) {
            this.events = events;
        }

        @Override
        public void show(int eventCount) {
            EventStore shown = new EventStore();
            shown.appendAll(events.subList(0, Math.min(eventCount, events.size())));
            vm.replaceStore(shown);
        }

        @Override
        public void highlight(List<Long> ids) {
            EventStore store = vm.storeProperty().get();
            int slot = ids.isEmpty() ? -1 : store.invocationSlot(ids.getFirst());
            vm.selectedSlotProperty().set(slot);
        }
    }

    /// Says the replay's current event in words while it is paused or stepped (not every frame of a play).
    private void captionStep() {
        EventStore store = vm.storeProperty().get();
        if (vm.replay().playingProperty().get() || store.size() == 0 || !vm.replay().activeProperty().get()) {
            stepCaption.setText("");
            return;
        }
        List<Event> events = eventsOf(store);
        stepCaption.setText(StepCaption.of(RunHistory.of(events), events.getLast()));
    }

    private List<Event> eventsOf(EventStore store) {
        if (store != storeEventsOf || store.version() != storeEventsVersion) {
            List<Event> events = new ArrayList<>(store.size());
            for (int i = 0; i < store.size(); i++) {
                events.add(store.event(i));
            }
            storeEvents = List.copyOf(events);
            storeEventsOf = store;
            storeEventsVersion = store.version();
        }
        return storeEvents;
    }
}
