package dev.asynclab.app.ui.fxml;

import javafx.fxml.FXMLLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;

/// Loads a view's layout from the `.fxml` file beside its class (same package, same simple name), with the view
/// as both root and controller (`fx:root`), so the view stays a plain control that code and other FXML use.
///
/// ```java
/// public StatusBar() {
///     Fxml.load(this);   // reads StatusBar.fxml, fills the @FXML fields, calls initialize()
/// }
/// ```
public final class Fxml {

    private Fxml() {
    }

    public static void load(Object view) {
        load(view, view, view.getClass().getSimpleName() + ".fxml");
    }

    /// Loads `file` (beside the controller's class) with `root` as its `fx:root`, filling the controller's @FXML
    /// fields that the file names: a part of a view built later than the rest (`MainView`'s workspace). Calls
    /// the controller's `initialize()`, if it has one, like any load.
    ///
    /// ```java
    /// Fxml.load(new VBox(), this, "MainWorkspace.fxml");
    /// ```
    public static void load(Object root, Object controller, String file) {
        Class<?> type = controller.getClass();
        URL url = type.getResource(file);
        if (url == null) {
            throw new IllegalStateException("no " + file + " beside " + type.getName());
        }
        FXMLLoader loader = new FXMLLoader(url);
        loader.setRoot(root);
        loader.setController(controller);
        loader.setClassLoader(type.getClassLoader());
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + url, e);
        }
    }
}
