package dev.asynclab.app;

import javafx.application.Application;
import javafx.stage.Stage;

/// The JavaFX application: the main window.
public final class AsyncLabApp extends Application {

    @Override
    public void start(Stage stage) {
        stage.setTitle("Async Lab");
        stage.show();
    }
}
