package dev.asynclab.app.ui.main;

import dev.asynclab.app.ui.fxml.Fxml;
import dev.asynclab.app.ui.theme.Icons;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2MZ;

/// The replay bar (`ReplayBar.fxml`): shown while a log (or a tour's run) is replayed, bound to a
/// `ReplayViewModel`, to which it only hands the user's actions; under the header, the [WindowBar] of a log larger
/// than the heap; under the controls, the step's caption.
public final class ReplayBar extends VBox {

    @FXML
    private Label header;
    @FXML
    private Label verification;
    @FXML
    private Button play;
    @FXML
    private Slider scrub;
    @FXML
    private Label position;
    @FXML
    private ChoiceBox<Double> rate;
    @FXML
    private Label caption;
    @FXML
    private HBox headerRow;
    @FXML
    private WindowBar windowBar;
    private ReplayViewModel replay;

    public ReplayBar() {
        Fxml.load(this);
        Icons.colorGraphics(this);
        visibleProperty().addListener((o, was, now) -> setManaged(now));
        setVisible(false);
        rate.getItems().addAll(0.01, 0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 100.0);
        rate.setValue(1.0);
    }

    /// Binds the bar to `model` (once).
    public void bind(ReplayViewModel model) {
        replay = model;
        // While a log larger than the heap is indexed there is nothing to play yet, but the bar says how far.
        visibleProperty().bind(model.activeProperty().or(model.windows().indexingProperty()));
        windowBar.bind(model);
        header.textProperty().bind(model.headerProperty());
        verification.textProperty().bind(model.verificationProperty());
        wholeOnHover(header);
        wholeOnHover(verification);
        // In a narrow window (1024 wide) the row cannot hold both: the verdict on the log ("chain verified: 2,108
        // events", or where it breaks) keeps its whole text while it fits in most of the row, and the header's
        // last fields (start, engine) are cut first. Both whole on hover.
        verification.minWidthProperty().bind(Bindings.createDoubleBinding(
                () -> Math.min(verification.prefWidth(-1), headerRow.getWidth() * 0.7),
                verification.textProperty(), verification.fontProperty(), headerRow.widthProperty()));
        // A tour's run has no log to describe: its bar keeps the height for the timeline.
        headerRow.visibleProperty().bind(model.headerProperty().isNotEmpty()
                .or(model.verificationProperty().isNotEmpty()));
        headerRow.managedProperty().bind(headerRow.visibleProperty());
        caption.textProperty().bind(model.captionProperty());
        caption.visibleProperty().bind(model.captionProperty().isNotEmpty());
        caption.managedProperty().bind(caption.visibleProperty());
        play.textProperty().bind(Bindings.when(model.playingProperty()).then("Pause").otherwise("Play"));
        Node pause = Icons.icon(Material2MZ.PAUSE, play);
        Node start = Icons.icon(Material2MZ.PLAY_ARROW, play);
        play.graphicProperty().bind(Bindings.when(model.playingProperty()).<Node>then(pause).otherwise(start));
        scrub.maxProperty().bind(model.lengthProperty());
        model.positionProperty().addListener((o, a, b) -> {
            if (!scrub.isValueChanging()) {
                scrub.setValue(b.intValue());
            }
        });
        scrub.valueProperty().addListener((o, a, b) -> {
            if (Math.round(b.doubleValue()) != model.positionProperty().get()) {
                model.pause();
                model.seek((int) Math.round(b.doubleValue()));
            }
        });
        rate.valueProperty().addListener((o, a, b) -> model.speedProperty().set(b));
        position.textProperty().bind(model.positionProperty().asString("%,d / ")
                .concat(model.lengthProperty().asString("%,d")));
    }

    private static void wholeOnHover(Label label) {
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(label.textProperty());
        label.tooltipProperty().bind(Bindings.when(label.textProperty().isEmpty()).then((Tooltip) null)
                .otherwise(tip));
    }

    @FXML
    void togglePlay() {
        if (replay.playingProperty().get()) {
            replay.pause();
        } else {
            replay.play();
        }
    }

    @FXML
    void stepBack() {
        replay.step(-1);
    }

    @FXML
    void stepNext() {
        replay.step(1);
    }
}
