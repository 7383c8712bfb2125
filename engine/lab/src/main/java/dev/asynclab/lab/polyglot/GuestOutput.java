package dev.asynclab.lab.polyglot;

import dev.asynclab.engine.AsyncCallback;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/// A script's standard output and error: each line becomes a `log` line of the callback that printed it. The
/// sandbox must redirect these streams anyway, and a `print` in a script is meant to be seen.
final class GuestOutput extends OutputStream {

    /// Longer lines are cut here, so a script printing without newlines cannot grow the buffer without bound.
    private static final int MAX_LINE = 4096;

    private final Supplier<AsyncCallback.Context> current;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    GuestOutput(Supplier<AsyncCallback.Context> current) {
        this.current = current;
    }

    @Override
    public void write(int b) {
        if (b == '\n') {
            flushLine();
        } else if (line.size() < MAX_LINE) {
            line.write(b);
        }
    }

    @Override
    public void flush() {
        flushLine();
    }

    private void flushLine() {
        if (line.size() == 0) {
            return;
        }
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        AsyncCallback.Context ctx = current.get();
        if (ctx != null) {
            ctx.log(text);
        }
    }
}
