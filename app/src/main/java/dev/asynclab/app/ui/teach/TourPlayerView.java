package dev.asynclab.app.ui.teach;

import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

import java.io.IOException;
import java.io.UncheckedIOException;

/// The tour player's view (`TourPlayer.fxml`): binds to a [TourPlayerViewModel] and hands every action to it.
public final class TourPlayerView {

    @FXML
    private VBox root;
    @FXML
    private Label position;
    @FXML
    private Label caption;
    @FXML
    private Label question;
    @FXML
    private FlowPane choices;
    @FXML
    private Label verdict;
    @FXML
    private Button back;
    @FXML
    private Button next;

    private final TourPlayerViewModel vm;

    private TourPlayerView(TourPlayerViewModel vm) {
        this.vm = vm;
    }

    /// Loads the view for `vm`; its root is [#root()].
    public static TourPlayerView load(TourPlayerViewModel vm) {
        var loader = new FXMLLoader(TourPlayerView.class.getResource("TourPlayer.fxml"));
        loader.setControllerFactory(type -> new TourPlayerView(vm));
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return loader.getController();
    }

    public VBox root() {
        return root;
    }

    @FXML
    private void initialize() {
        position.textProperty().bind(vm.positionProperty());
        caption.textProperty().bind(vm.captionProperty());
        question.textProperty().bind(vm.questionProperty());
        question.visibleProperty().bind(vm.questionProperty().isNotEmpty());
        question.managedProperty().bind(question.visibleProperty());
        verdict.textProperty().bind(vm.verdictProperty());
        verdict.visibleProperty().bind(vm.revealedProperty());
        verdict.managedProperty().bind(verdict.visibleProperty());
        back.disableProperty().bind(vm.canBackProperty().not());
        next.disableProperty().bind(vm.canNextProperty().not());
        vm.choices().addListener((javafx.collections.ListChangeListener<String>) c -> showChoices());
        vm.chosenProperty().addListener((o, a, b) -> markChoices());
        vm.revealedProperty().addListener((o, a, b) -> markChoices());
        showChoices();
        // Enter or Space goes on: Next has the focus when the player appears and again once it may be pressed.
        root.sceneProperty().addListener((o, was, now) -> {
            if (now != null) {
                focusNext();
            }
        });
        vm.canNextProperty().addListener((o, was, now) -> {
            if (now) {
                focusNext();
            } else if (next.isFocused()) {
                root.requestFocus(); // not on to Restart, where the next Enter would start again
            }
        });
    }

    private void focusNext() {
        Platform.runLater(() -> {
            if (!next.isDisabled() && next.getScene() != null) {
                next.requestFocus();
            }
        });
    }

    private void showChoices() {
        choices.getChildren().clear();
        for (int i = 0; i < vm.choices().size(); i++) {
            int k = i;
            Button choice = new Button(vm.choices().get(i));
            choice.getStyleClass().add("tour-choice");
            choice.setWrapText(true);
            choice.setOnAction(e -> vm.choose(k));
            choices.getChildren().add(choice);
        }
        markChoices();
    }

    /// After the answer: the learner's pick is marked, and no choice can be taken back.
    private void markChoices() {
        for (int i = 0; i < choices.getChildren().size(); i++) {
            var node = choices.getChildren().get(i);
            node.getStyleClass().remove("tour-chosen");
            if (i == vm.chosenProperty().get()) {
                node.getStyleClass().add("tour-chosen");
            }
            node.setDisable(vm.revealedProperty().get());
        }
    }

    @FXML
    private void back() {
        vm.back();
    }

    @FXML
    private void next() {
        vm.next();
    }

    @FXML
    private void restart() {
        vm.restart();
    }
}
