package dev.asynclab.app.ui.timeline;

import dev.asynclab.app.store.Outcome;

import java.util.Arrays;

/// Level of detail: attempts thinner than a pixel are not drawn one by one but binned into pixel columns, each
/// showing its most notable outcome (a failure among a thousand successes stays visible), and adjacent columns
/// of one outcome are drawn as one rectangle.
///
/// ```java
/// ColumnBins bins = new ColumnBins();
/// bins.reset(800);
/// bins.add(10.2, 10.4, Outcome.SUCCEEDED);
/// bins.forEachRun((from, to, outcome) -> g.fillRect(from, y, to - from, h));
/// ```
public final class ColumnBins {

    /// A run of adjacent columns `[from, to)` of one outcome.
    @FunctionalInterface
    public interface RunConsumer {
        void run(int from, int to, Outcome outcome);
    }

    /// Outcomes ordered from least to most notable; a column shows the most notable it holds.
    private static final Outcome[] BY_SEVERITY = {
        Outcome.RUNNING, Outcome.SUCCEEDED, Outcome.LATE, Outcome.CANCELLED, Outcome.REJECTED, Outcome.TIMED_OUT,
        Outcome.FAILED
    };
    private static final int[] SEVERITY = new int[Outcome.values().length];

    static {
        for (int i = 0; i < BY_SEVERITY.length; i++) {
            SEVERITY[BY_SEVERITY[i].ordinal()] = i + 1;
        }
    }

    /// 0 = empty, else 1 + index into BY_SEVERITY.
    private byte[] columns = new byte[0];
    private int width;
    private int added;

    public void reset(int width) {
        this.width = Math.max(width, 0);
        if (columns.length < this.width) {
            columns = new byte[this.width];
        } else {
            Arrays.fill(columns, 0, this.width, (byte) 0);
        }
        added = 0;
    }

    /// Bins an attempt spanning pixels `x0` to `x1`.
    public void add(double x0, double x1, Outcome outcome) {
        int from = (int) Math.max(0, Math.floor(x0));
        int to = (int) Math.min(width - 1, Math.floor(x1));
        byte severity = (byte) SEVERITY[outcome.ordinal()];
        for (int c = from; c <= to; c++) {
            if (columns[c] < severity) {
                columns[c] = severity;
            }
        }
        added++;
    }

    /// How many attempts were binned since `reset`.
    public int added() {
        return added;
    }

    /// Calls `consumer` once per run of adjacent non-empty columns of one outcome; returns the number of runs.
    public int forEachRun(RunConsumer consumer) {
        int runs = 0;
        int c = 0;
        while (c < width) {
            byte s = columns[c];
            if (s == 0) {
                c++;
                continue;
            }
            int from = c;
            while (c < width && columns[c] == s) {
                c++;
            }
            consumer.run(from, c, BY_SEVERITY[s - 1]);
            runs++;
        }
        return runs;
    }
}
