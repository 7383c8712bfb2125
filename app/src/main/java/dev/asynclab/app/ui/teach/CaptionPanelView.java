package dev.asynclab.app.ui.teach;

import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;

import java.io.IOException;
import java.io.UncheckedIOException;

/// The caption panel's view (`CaptionPanel.fxml`): the scenario's title as the header of a foldable pane, its
/// description inside.
public final class CaptionPanelView {

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
    }
}
