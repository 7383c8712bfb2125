/// Async Lab's desktop application: the live timeline, latency charts, events table and replay.
///
/// The view models are the only classes that talk to the engine; the views only bind to them.
module dev.asynclab.app {
    requires dev.asynclab.lab;
    requires javafx.controls;
    requires javafx.fxml;
    requires javafx.swing;
    requires java.desktop;
    requires java.prefs;
    // StartTrace: the JVM's uptime, only when start-up tracing is on
    requires java.management;
    requires org.jfree.jfreechart;
    requires org.jfree.chart.fx;
    requires org.jfree.fxgraphics2d;
    requires atlantafx.base;
    requires org.kordamp.ikonli.core;
    requires org.kordamp.ikonli.javafx;
    requires org.kordamp.ikonli.material2;
    requires HdrHistogram;
    requires com.fasterxml.jackson.databind;

    requires info.picocli;

    opens dev.asynclab.app.cli to info.picocli;
    // The FXML views fill their @FXML fields and call their handlers by reflection.
    opens dev.asynclab.app.ui.main to javafx.fxml;
    // ... and make the app's own controls they declare.
    exports dev.asynclab.app.ui.timeline to javafx.fxml;
    exports dev.asynclab.app.ui.details to javafx.fxml;
    exports dev.asynclab.app.ui.events to javafx.fxml;
    exports dev.asynclab.app.ui.charts to javafx.fxml;
    opens dev.asynclab.app.ui.charts to javafx.fxml;
    exports dev.asynclab.app.ui.welcome to javafx.fxml;
    opens dev.asynclab.app.ui.teach to javafx.fxml;

    exports dev.asynclab.app;
    exports dev.asynclab.app.store;
    exports dev.asynclab.app.feed;
    exports dev.asynclab.app.tuning;
    opens dev.asynclab.app.tuning to javafx.fxml;
}
