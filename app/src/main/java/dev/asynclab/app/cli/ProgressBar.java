package dev.asynclab.app.cli;

import java.io.PrintWriter;

/// A one-line progress bar on a terminal; silent when output is not a terminal (CI logs stay clean) and with
/// `--quiet`.
final class ProgressBar {

    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final String label;
    private final boolean terminal;
    private boolean drawn;

    ProgressBar(PrintWriter err, String label, boolean wanted) {
        this.err = err;
        this.label = label;
        this.terminal = wanted && System.console() != null && System.console().isTerminal();
    }

    void show(double fraction, String detail) {
        if (!terminal) {
            return;
        }
        int filled = (int) Math.round(Math.max(0, Math.min(1, fraction)) * WIDTH);
        err.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] "
                + String.format("%3.0f%% ", fraction * 100) + detail + "   ");
        err.flush();
        drawn = true;
    }

    void done() {
        if (drawn) {
            err.print("\r" + " ".repeat(label.length() + WIDTH + 30) + "\r");
            err.flush();
        }
    }
}
