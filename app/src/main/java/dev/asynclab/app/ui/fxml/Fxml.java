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
        Class<?> type = view.getClass();
        URL url = type.getResource(type.getSimpleName() + ".fxml");
        if (url == null) {
            throw new IllegalStateException("no " + type.getSimpleName() + ".fxml beside " + type.getName());
        }
        FXMLLoader loader = new FXMLLoader(url);
        loader.setRoot(view);
        loader.setController(view);
        loader.setClassLoader(type.getClassLoader());
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + url, e);
        }
    }
}
