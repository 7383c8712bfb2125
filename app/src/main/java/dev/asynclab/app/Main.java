package dev.asynclab.app;

/// The `asynclab` entry point: no arguments opens the window, arguments go to the command line.
///
/// ```
/// asynclab                      # the window
/// asynclab run scenarios/x.yaml # the command line
/// ```
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            javafx.application.Application.launch(AsyncLabApp.class, args);
            return;
        }
        dev.asynclab.app.cli.Cli.main(args);
    }
}
