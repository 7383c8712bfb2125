package dev.asynclab.app;

import dev.asynclab.app.cli.Cli;

import java.io.PrintWriter;

/// The `asynclab` entry point: no arguments opens the window, a file opens it in the window, anything else goes
/// to the command line.
///
/// ```
/// asynclab                      # the window
/// asynclab scenarios/x.yaml     # the window, with the scenario open
/// asynclab run scenarios/x.yaml # the command line
/// ```
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        StartTrace.mark("main");
        var err = new PrintWriter(System.err, true);
        int code = args.length == 0
                ? DesktopWindow.open(null, err)
                : Cli.execute(args, new PrintWriter(System.out, true), err, System.getenv(), DesktopWindow::open);
        System.exit(code);
    }
}
