package dev.asynclab.app.ui.teach;

import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

import java.io.IOException;
import java.io.UncheckedIOException;

/// The caption panel's view (`CaptionPanel.fxml`): the scenario's title as the header of a foldable pane, its
/// description inside. In a low window (below `LOW_WINDOW` px, a laptop or a projector at 1024×700) the
/// description keeps to two lines, ending in "…" with the whole on hover: a long description would otherwise
/// take the height the charts need.
public final class CaptionPanelView {

    /// Window heights below this keep the description to two lines.
    static final double LOW_WINDOW = 820;

    @FXML
    private TitledPane pane;
    @FXML
    private Label description;

    private final CaptionPanelViewModel vm;

    private CaptionPanelView(CaptionPanelViewModel vm) {
        this.vm = vm;
    }

    /// Loads the view for `vm`; its root is [#root()].
    public static CaptionPanelView load(CaptionPanelViewModel vm) {
        var loader = new FXMLLoader(CaptionPanelView.class.getResource("CaptionPanel.fxml"));
        loader.setControllerFactory(type -> new CaptionPanelView(vm));
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return loader.getController();
    }

    public TitledPane root() {
        return pane;
    }

    @FXML
    private void initialize() {
        pane.textProperty().bind(vm.titleProperty());
        description.textProperty().bind(vm.descriptionProperty());
        pane.expandedProperty().set(!vm.foldedProperty().get());
        pane.expandedProperty().addListener((o, a, b) -> vm.foldedProperty().set(!b));
        vm.foldedProperty().addListener((o, a, b) -> pane.setExpanded(!b));
        pane.visibleProperty().bind(vm.presentProperty());
        pane.managedProperty().bind(pane.visibleProperty());
        Tooltip whole = new Tooltip();
        whole.setWrapText(true);
        whole.setMaxWidth(600);
        whole.textProperty().bind(vm.descriptionProperty());
        description.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                scene.heightProperty().addListener((h, a, b) -> fit(b.doubleValue(), whole));
                fit(scene.getHeight(), whole);
            }
        });
    }

    private void fit(double windowHeight, Tooltip whole) {
        boolean low = windowHeight > 0 && windowHeight < LOW_WINDOW;
        if (low) {
            double twoLines = description.getFont().getSize() * 2.9; // follows the presenter scale
            description.setMinHeight(0);
            description.setMaxHeight(twoLines);
            description.setTooltip(whole);
        } else {
            description.setMinHeight(Region.USE_PREF_SIZE);
            description.setMaxHeight(Region.USE_COMPUTED_SIZE);
            description.setTooltip(null);
        }
    }
}
