import java.lang.management.ManagementFactory;
import java.time.Duration;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/// The floor for the app's start to first window: a JavaFX stage with one Label, titled "Async Lab" so that
/// first-window.sh finds it, started from the same runtime image with the same JVM options and an AOT cache of its
/// own (hello-window.sh). What the app takes beyond this is ours; this much is the JVM's and the toolkit's.
/// With -Dasynclab.startTrace=true it prints the app's StartTrace marks in the same format.
public final class HelloWindow extends Application {

    public static void main(String[] args) {
        mark("main");
        mark("toolkit starting");
        launch(HelloWindow.class, args);
    }

    @Override
    public void start(Stage stage) {
        mark("toolkit started");
        Scene scene = new Scene(new Label("Hello"), 1280, 820);
        stage.setTitle("Async Lab");
        stage.setScene(scene);
        stage.show();
        mark("shown");
        int[] pulses = {0};
        scene.addPostLayoutPulseListener(() -> {
            if (++pulses[0] <= 2) {
                mark("layout pulse " + pulses[0]);
            }
        });
    }

    private static void mark(String what) {
        if (Boolean.getBoolean("asynclab.startTrace")) {
            long cpu = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).toMillis();
            System.err.printf("asynclab start: %s at %d ms, cpu %d ms%n", what,
                    ManagementFactory.getRuntimeMXBean().getUptime(), cpu);
        }
    }
}
